import { browser } from 'wxt/browser';
import { useLiveQuery } from '../hooks';
import { db, type OutboxItem } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { remove, retryNow } from '@/utils/outbox/queue';

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
    await kickOutbox('retry');
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
export function describeWhat(item: OutboxItem): string {
  const { tool, page } = item.payload;
  const place = page.name ? `${tool.name} ${t('headerSeparator')} ${page.name}` : tool.name;
  const key = item.kind === 'help-request' ? 'outboxWhatHelp' : 'outboxWhatGap';
  return t(key, [place, formatTime(item.createdAt)]);
}

function excerpt(text: string, max = 120): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Time today ("10:42"), or date and time for another day, in the browser's language. */
export function formatTime(epoch: number, now = Date.now()): string {
  const locale = browser.i18n.getUILanguage?.() || undefined;
  const date = new Date(epoch);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return date.toLocaleString();
  }
}

/** Asks the background to deliver now; it also delivers on its own schedule if this fails. */
export async function kickOutbox(reason: string): Promise<void> {
  try {
    await sendMessage('panelKicksOutbox', { reason });
  } catch {
    // No background to answer (it is starting): its alarm and startup run deliver anyway.
  }
}
