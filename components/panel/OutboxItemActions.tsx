import type { OutboxItem } from '@/utils/platform/db';
import { formatTime, placeName } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { remove, retryNow } from '@/utils/outbox/queue';
import { wakeOutbox } from '@/utils/outbox/wake';

/** Retry (when delivery failed or is waiting for a retry) and Delete, for one ping or flag in the outbox. */
export function OutboxItemActions({ item }: { item: OutboxItem }) {
  const what = describeWhat(item);
  const canRetry = item.endpoint !== null && (item.status === 'failed' || (item.status === 'queued' && item.attempts > 0));
  const retry = async () => {
    await retryNow(item.id);
    await wakeOutbox('retry');
  };
  return (
    <div class="outbox__actions">
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
  const key = item.payload.type === 'help-request' ? 'outboxWhatHelp' : 'outboxWhatGap';
  return t(key, [placeName(item.payload), formatTime(item.createdAt)]);
}
