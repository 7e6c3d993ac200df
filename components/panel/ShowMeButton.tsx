import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/platform/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { CardRecord } from '@/utils/platform/db';
import type { ShowTargetResult } from '@/utils/show-me/types';
import { OutdatedStepFlag } from './OutdatedStepFlag';

type State = 'idle' | 'looking' | 'found' | 'hidden' | 'missing' | 'no-access';

const STATUS_KEYS: Partial<Record<State, MessageKey>> = {
  looking: 'showMeLooking',
  found: 'showMeFound',
  hidden: 'targetHiddenShowMe',
  missing: 'targetMissing',
  'no-access': 'showMeNoAccess',
};

interface Props {
  card: CardRecord;
  /** Index of the step in card.steps, from 0. */
  stepIndex: number;
  /** The tab the panel is about; nothing is shown without one. */
  tabId: number | null;
}

function stateOf(result: ShowTargetResult): State {
  if (result.found) return 'found';
  if (result.reason === 'no-access' || result.reason === 'hidden') return result.reason;
  return 'missing';
}

/**
 * "Show me" for one step that points at a page element: asks the background to highlight it
 * in the tab, and says in a live region when it is not there instead of failing silently. A
 * control that is missing (not just under a closed menu) may mean the tool changed: the
 * teacher can tell the coach which step broke.
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
      setState('missing');
    }
  };
  const hide = () => {
    setState('idle');
    sendMessage('panelHidesTarget', { tabId }).catch(() => {});
  };

  const status = STATUS_KEYS[state];
  const problem = state === 'missing' || state === 'hidden' || state === 'no-access';
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
      <p class={`show-me__status${problem ? ' show-me__status--problem' : ''}`} role="status" aria-live="polite">
        {status ? t(status) : ''}
      </p>
      {state === 'missing' && <OutdatedStepFlag card={card} stepIndex={stepIndex} />}
    </div>
  );
}
