import type { TabState } from '@/utils/tabs/tab-state';
import { t } from '@/utils/platform/i18n';
import { lazyComponent } from './lazy';
import type { PanelForm } from './use-panel-form';

// Loaded on demand: the forms and lists need endpoint formatters and settings parsing, which the
// first screen of cards does not.
const loading = () => <p class="status">{t('loading')}</p>;
const PingForm = lazyComponent(() => import('./PingForm').then((m) => m.PingForm), loading);
const FlagForm = lazyComponent(() => import('./FlagForm').then((m) => m.FlagForm), loading);
const OutboxList = lazyComponent(() => import('./OutboxList').then((m) => m.OutboxList));
const MyFlags = lazyComponent(() => import('./MyFlags').then((m) => m.MyFlags));

interface Props {
  tabState: TabState | null;
  /** Which form is open; owned by the panel so search's empty state can open one too. */
  form: PanelForm;
  onForm: (form: PanelForm) => void;
}

/** "Ping a mentor" and "Flag a gap", with what the teacher has sent and its state. */
export function PanelActions({ tabState, form, onForm }: Props) {
  const toggle = (next: Exclude<PanelForm, null>) => onForm(form === next ? null : next);
  return (
    <section class="panel__actions" aria-label={t('helpActions')}>
      <div class="panel__action-buttons">
        <button type="button" class="primary" aria-expanded={form === 'ping'} onClick={() => toggle('ping')}>
          {t('pingMentor')}
        </button>
        <button type="button" aria-expanded={form === 'flag'} onClick={() => toggle('flag')}>
          {t('flagGap')}
        </button>
      </div>
      {form === 'ping' && <PingForm tabState={tabState} onDone={() => onForm(null)} />}
      {form === 'flag' && <FlagForm tabState={tabState} onDone={() => onForm(null)} />}
      <OutboxList />
      <MyFlags />
    </section>
  );
}
