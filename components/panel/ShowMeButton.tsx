import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/platform/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { CardRecord } from '@/utils/platform/db';
import type { ShowTargetResult } from '@/utils/show-me/types';

type State = 'idle' | 'looking' | 'found' | 'not-found' | 'no-access';

const STATUS_KEYS: Partial<Record<State, MessageKey>> = {
  looking: 'showMeLooking',
  found: 'showMeFound',
  'not-found': 'showMeNotFound',
  'no-access': 'showMeNoAccess',
};

interface Props {
  /** The card (only its key and targets are read). */
  card: Pick<CardRecord, 'key' | 'targets'>;
  /** Index of the step in card.steps, from 0. */
  stepIndex: number;
  /** The tab the panel is about; nothing is shown without one. */
  tabId: number | null;
}

function stateOf(result: ShowTargetResult): State {
  if (result.found) return 'found';
  return result.reason === 'no-access' ? 'no-access' : 'not-found';
}

/**
 * "Show me" for one step that points at a page element: asks the background to highlight it
 * in the tab, and says in a live region when it is not there instead of failing silently.
 */
export function ShowMeButton({ card, stepIndex, tabId }: Props) {
  const [state, setState] = useState<State>('idle');
  const hasTarget = card.targets?.some((target) => target.step === stepIndex) ?? false;

  // Another card, step or tab: what was said no longer applies.
  useEffect(() => setState('idle'), [card.key, stepIndex, tabId]);

  if (!hasTarget || tabId === null) return null;

  const show = async () => {
    setState('looking');
    try {
      setState(stateOf(await sendMessage('panelShowsTarget', { tabId, cardKey: card.key, step: stepIndex })));
    } catch {
      // The background did not answer (restarting): as good as not found.
      setState('not-found');
    }
  };
  const hide = () => {
    setState('idle');
    sendMessage('panelHidesTarget', { tabId }).catch(() => {});
  };

  const status = STATUS_KEYS[state];
  return (
    <div class="show-me">
      <button
        type="button"
        class="show-me__button"
        aria-label={t('showMeStep', String(stepIndex + 1))}
        aria-busy={state === 'looking'}
        onClick={() => void show()}
      >
        {t('showMe')}
      </button>
      {state === 'found' && (
        <button type="button" class="show-me__hide" onClick={hide}>
          {t('showMeHide')}
        </button>
      )}
      {/* Always in the document, so that screen readers announce what changes in it. */}
      <p
        class={`show-me__status${state === 'not-found' || state === 'no-access' ? ' show-me__status--problem' : ''}`}
        role="status"
        aria-live="polite"
      >
        {status ? t(status) : ''}
      </p>
    </div>
  );
}
