import type { OutboxItem } from '@/utils/platform/db';
import { formatTime, placeName } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { remove, retryNow } from '@/utils/outbox/queue';
import { describeVolunteerOffer } from '@/utils/outbox/describe';
import { wakeOutbox } from '@/utils/outbox/wake';
import { requestDataConsent } from '@/utils/platform/data-consent';

/**
 * Retry (when delivery failed or is waiting for a retry), Allow sending (when Firefox's data
 * consent was withdrawn) and Delete, for one ping, flag, plan or offer to help in the outbox.
 */
export function OutboxItemActions({ item }: { item: OutboxItem }) {
  const what = describeWhat(item);
  const canRetry = item.endpoint !== null && (item.status === 'failed' || (item.status === 'queued' && item.attempts > 0));
  const heldForConsent = item.status === 'held' && item.heldFor === 'consent';
  const retry = async () => {
    await retryNow(item.id);
    await wakeOutbox('retry');
  };
  const allow = async () => {
    // Asked within the click, before any await (Firefox answers only then); once given, the
    // background queues every held item again.
    if (await requestDataConsent()) await wakeOutbox('consent');
  };
  return (
    <div class="outbox__actions">
      {heldForConsent && (
        <button type="button" aria-label={t('outboxAllowSendingLabel', what)} onClick={() => void allow()}>
          {t('outboxAllowSending')}
        </button>
      )}
      {canRetry && (
        <button type="button" aria-label={t('outboxRetryLabel', what)} onClick={() => void retry()}>
          {t('outboxRetry')}
        </button>
      )}
      {item.status !== 'sending' && (
        <button type="button" aria-label={t('outboxDeleteLabel', what)} onClick={() => void remove(item.id)}>
          {t('outboxDelete')}
        </button>
      )}
    </div>
  );
}

/** "Help request about Canvas › SpeedGrader, 10:42": what a button acts on, in its name. */
function describeWhat(item: OutboxItem): string {
  if (item.payload.type === 'growth-plan') return t('outboxWhatPlan', formatTime(item.createdAt));
  if (item.payload.type === 'mentor-volunteer') return describeVolunteerOffer(item.payload, formatTime(item.createdAt));
  const key = item.payload.type === 'help-request' ? 'outboxWhatHelp' : 'outboxWhatGap';
  return t(key, [placeName(item.payload), formatTime(item.createdAt)]);
}
