import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { describeOutboxItem, describeVolunteerOffer } from '@/utils/outbox/describe';
import { isVolunteerItem } from '@/utils/outbox/volunteer-offer';
import { formatTime } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { OutboxItemActions } from './OutboxItemActions';

export const VOLUNTEER_BUTTON_ID = 'volunteer-open';

/**
 * "Help your colleagues" in the teacher's plan: "I can help others", and the last offer they
 * sent with how its delivery stands, so one that could not go is never out of sight (with Retry
 * and Delete, like a ping).
 */
export function VolunteerSection({ onOpen }: { onOpen: () => void }) {
  return (
    <section class="plan__volunteer" aria-labelledby="volunteer-heading" data-testid="volunteer-section">
      <h3 id="volunteer-heading" class="section-title">
        {t('volunteerHeading')}
      </h3>
      <p class="hint">{t('volunteerIntro')}</p>
      <LastOffer />
      <button type="button" id={VOLUNTEER_BUTTON_ID} onClick={onOpen}>
        {t('volunteerOpen')}
      </button>
    </section>
  );
}

function LastOffer() {
  const item = useLiveQuery(
    () =>
      db.outbox
        .orderBy('createdAt')
        .reverse()
        .filter((entry) => entry.kind === 'mentor-volunteer')
        .first(),
    [],
  );
  if (!item || !isVolunteerItem(item)) return null;
  const { state, text } = describeOutboxItem(item, formatTime);
  return (
    <div class={`outbox__item outbox__item--${state}`} data-testid="volunteer-last-offer" data-state={state}>
      <p class="outbox__what">{describeVolunteerOffer(item.payload, formatTime(item.createdAt))}</p>
      <p class="outbox__state">{text}</p>
      <OutboxItemActions item={item} />
    </div>
  );
}
