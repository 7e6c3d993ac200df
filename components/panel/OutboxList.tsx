import { useLiveQuery } from '../hooks/use-live-query';
import { db, type OutboxItem } from '@/utils/platform/db';
import { excerpt, formatTime, placeName } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { remove, retryNow } from '@/utils/outbox/queue';
import { wakeOutbox } from '@/utils/outbox/wake';

const SHOWN = 20;

/** The teacher's recent pings and flags, each with its delivery state in words. */
export function OutboxList() {
  const items = useLiveQuery(() => db.outbox.orderBy('createdAt').reverse().limit(SHOWN).toArray(), []);
  if (!items || items.length === 0) return null;
  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title" class="section-title">
        {t('outboxTitle')}
      </h2>
      <ul class="outbox__list">
        {items.map((item) => (
          <OutboxEntry key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { state, text } = describeOutboxItem(item, formatTime);
  const what = describeWhat(item);
  const canRetry = item.status === 'failed' || (item.status === 'queued' && item.attempts > 0);
  const retry = async () => {
    await retryNow(item.id);
    await wakeOutbox('retry');
  };
  return (
    <li class={`outbox__item outbox__item--${state}`} data-testid="outbox-item" data-state={state}>
      <p class="outbox__what">{what}</p>
      {item.payload.type === 'help-request' && item.payload.message && <p class="outbox__words">{excerpt(item.payload.message)}</p>}
      <p class="outbox__state">{text}</p>
      <div class="outbox__actions">
        {canRetry && (
          <button type="button" aria-label={t('outboxRetryLabel', what)} onClick={() => void retry()}>
            {t('outboxRetry')}
          </button>
        )}
        <button type="button" aria-label={t('outboxDeleteLabel', what)} onClick={() => void remove(item.id)}>
          {t('outboxDelete')}
        </button>
      </div>
    </li>
  );
}

/** "Help request about Canvas › SpeedGrader, 10:42": what a button acts on, in its name. */
function describeWhat(item: OutboxItem): string {
  const key = item.kind === 'help-request' ? 'outboxWhatHelp' : 'outboxWhatGap';
  return t(key, [placeName(item.payload), formatTime(item.createdAt)]);
}
