import type { OutboxItem } from '@/utils/platform/db';
import { excerpt, formatTime, placeName } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { OutboxItemActions } from './OutboxItemActions';

/** The teacher's pings, newest first, each with its delivery state in words. */
export function OutboxList({ items }: { items: OutboxItem[] }) {
  if (items.length === 0) return null;
  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h3 id="outbox-title" class="section-title">
        {t('pingsTitle')}
      </h3>
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
  return (
    <li class={`outbox__item outbox__item--${state}`} data-testid="outbox-item" data-state={state}>
      <p class="outbox__what">{placeName(item.payload)}</p>
      {item.payload.type === 'help-request' && item.payload.message && <p class="outbox__words">{excerpt(item.payload.message)}</p>}
      <p class="outbox__state">{text}</p>
      <OutboxItemActions item={item} />
    </li>
  );
}
