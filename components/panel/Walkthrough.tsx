import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/platform/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { CardRecord } from '@/utils/platform/db';
import type { WalkAction, WalkthroughState } from '@/utils/show-me/types';
import { OutdatedStepFlag } from './OutdatedStepFlag';

const STATUS_KEYS: Record<WalkthroughState['status'], MessageKey> = {
  looking: 'walkLooking',
  found: 'walkFound',
  hidden: 'walkHidden',
  missing: 'walkMissing',
  'no-target': 'walkNoTarget',
  'no-access': 'walkNoAccess',
  ended: 'walkEnded',
};

interface Props {
  card: CardRecord;
  tabId: number;
  /** The tab's walkthrough (of any card), or null. */
  walk: WalkthroughState | null;
}

/**
 * "Walk me through it" on a card whose steps point at the page, and, while the walkthrough
 * runs, where the teacher is: the step, whether its control is ringed, and Back, Next and End
 * (the same as the buttons beside the control on the page, for whoever works from the panel).
 */
export function Walkthrough({ card, tabId, walk }: Props) {
  const [starting, setStarting] = useState(false);
  const hasTargets = (card.targets?.length ?? 0) > 0;
  const mine = walk?.cardKey === card.key ? walk : null;
  if (!hasTargets && !mine) return null;

  const send = (action: WalkAction) => {
    sendMessage('panelStepsWalkthrough', { tabId, action }).catch(() => {});
  };
  const start = async () => {
    setStarting(true);
    try {
      await sendMessage('panelStartsWalkthrough', { tabId, cardKey: card.key });
    } catch {
      // The background is restarting; the button stays for another try.
    } finally {
      setStarting(false);
    }
  };

  if (!mine || mine.status === 'ended') {
    return (
      <div class="walk walk--idle">
        <button
          type="button"
          class="walk__start"
          aria-label={t('walkStartLabel', card.title)}
          aria-busy={starting}
          disabled={starting}
          onClick={() => void start()}
        >
          {t('walkStart')}
        </button>
        <p class="walk__status" role="status">
          {mine?.status === 'ended' ? t('walkEnded') : ''}
        </p>
      </div>
    );
  }

  const last = mine.step >= mine.total - 1;
  const problem = mine.status === 'missing' || mine.status === 'hidden' || mine.status === 'no-access';
  return (
    <section class="walk" aria-label={t('walkPanelHeading', card.title)}>
      <p class="walk__count">{t('walkStepCount', [String(mine.step + 1), String(mine.total)])}</p>
      <p class={`walk__status${problem ? ' walk__status--problem' : ''}`} role="status" aria-live="polite">
        {t(STATUS_KEYS[mine.status])}
      </p>
      <div class="walk__actions">
        {mine.step > 0 && (
          <button type="button" aria-label={t('walkBackLabel', String(mine.step))} onClick={() => send('back')}>
            {t('walkBack')}
          </button>
        )}
        <button type="button" class="walk__primary" onClick={() => send(last ? 'done' : 'next')}>
          {last ? t('walkDone') : t('walkNext')}
        </button>
        <button type="button" onClick={() => send('done')}>
          {t('walkEnd')}
        </button>
      </div>
      {mine.status === 'missing' && <OutdatedStepFlag key={mine.step} card={card} stepIndex={mine.step} />}
    </section>
  );
}
