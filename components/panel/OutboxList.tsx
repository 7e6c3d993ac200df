import type { PingItem } from '@/utils/outbox/pings';
import { excerpt, formatTime, placeName } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { OutboxItemActions } from './OutboxItemActions';
import { SaveForCoaching } from './SaveForCoaching';

/** The teacher's pings, newest first, each with its delivery state in words. */
export function OutboxList({ items }: { items: PingItem[] }) {
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

function OutboxEntry({ item }: { item: PingItem }) {
  const { state, text } = describeOutboxItem(item, formatTime);
  const where = placeName(item.payload);
  return (
    <li class={`outbox__item outbox__item--${state}`} data-testid="outbox-item" data-state={state}>
      <p class="outbox__what">{where}</p>
      {item.payload.message && <p class="outbox__words">{excerpt(item.payload.message)}</p>}
      <p class="outbox__state">{text}</p>
      <OutboxItemActions item={item} />
      <SaveForCoaching
        target={{ kind: 'ping', item }}
        what={t('outboxWhatHelp', [where, formatTime(item.createdAt)])}
        id={`ping-${item.id}-save`}
      />
    </li>
  );
}
