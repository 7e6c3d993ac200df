import { useRef } from 'preact/hooks';
import type { TabState } from '@/utils/tabs/tab-state';
import { t } from '@/utils/platform/i18n';
import { LazyFlagForm as FlagForm, lazyComponent, loadingStatus as loading } from './lazy';
import { barButtonOf, type PanelForm } from './use-panel-form';

// Loaded on demand: the forms and lists need endpoint formatters and settings parsing, which the
// first screen of cards does not.
const PingForm = lazyComponent(() => import('./PingForm').then((m) => m.PingForm), loading);
const Upkeep = lazyComponent(() => import('./Upkeep').then((m) => m.Upkeep));
const SchoolSettingsCheck = lazyComponent(() => import('./SchoolSettingsCheck').then((m) => m.SchoolSettingsCheck));

interface Props {
  tabState: TabState | null;
  /** What is open; owned by the panel so search's empty state can open a form too. */
  form: PanelForm;
  onForm: (form: PanelForm) => void;
}

/**
 * The help bar, always in view at the bottom of the panel: "Ping a mentor" and "Flag a gap".
 * Each opens above the bar, in place, starting in its text box; Escape or the same button
 * closes it and returns to the button.
 */
export function PanelActions({ tabState, form, onForm }: Props) {
  const buttons = useRef<HTMLDivElement>(null);
  const close = () => {
    const opener = barButtonOf(form);
    onForm(null);
    buttons.current?.querySelector<HTMLElement>(`[data-opens="${opener}"]`)?.focus();
  };
  const sheetOpen = form === 'ping' || barButtonOf(form) === 'flag';
  const toggle = (next: 'ping' | 'flag') => (barButtonOf(form) === next ? close() : onForm(next));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !sheetOpen) return;
    event.preventDefault();
    close();
  };
  return (
    <section class="help-bar" aria-label={t('helpActions')} onKeyDown={onKeyDown}>
      <Upkeep />
      {/* The open form says it itself. */}
      {!sheetOpen && <SchoolSettingsCheck />}
      {sheetOpen && (
        <div class="help-bar__sheet" data-testid="help-sheet">
          {form === 'ping' && <PingForm tabState={tabState} onDone={close} />}
          {barButtonOf(form) === 'flag' && (
            <FlagForm tabState={tabState} kind={form === 'flag-search' ? 'search-found-nothing' : undefined} onDone={close} />
          )}
        </div>
      )}
      <div class="help-bar__buttons" ref={buttons}>
        <button type="button" class="primary" data-opens="ping" aria-expanded={form === 'ping'} onClick={() => toggle('ping')}>
          {t('pingMentor')}
        </button>
        <button type="button" data-opens="flag" aria-expanded={barButtonOf(form) === 'flag'} onClick={() => toggle('flag')}>
          {t('flagGap')}
        </button>
      </div>
    </section>
  );
}
