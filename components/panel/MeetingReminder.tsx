import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { formatDay } from '@/utils/platform/format';
import { meetingReminder, PLAN_META_ID } from '@/utils/plan/period';
import { dismissReminder } from '@/utils/plan/meta';

/**
 * The day before a coaching meeting, and on the day: one line at the top of the panel with the
 * way to prepare. No notification; "Not now" puts it away until the next meeting.
 */
export function MeetingReminder({ onPrepare }: { onPrepare: () => void }) {
  const meta = useLiveQuery(() => db.planMeta.get(PLAN_META_ID), []);
  const when = meetingReminder(meta, Date.now());
  if (!when || !meta?.nextMeeting) return null;
  const meeting = meta.nextMeeting;
  return (
    <section class="meeting-reminder" aria-labelledby="meeting-reminder-text" data-testid="meeting-reminder">
      <p id="meeting-reminder-text">{when === 'today' ? t('planReminderToday') : t('planReminderTomorrow', formatDay(meeting))}</p>
      <div class="meeting-reminder__actions">
        <button type="button" class="primary" onClick={onPrepare}>
          {t('planPrepare')}
        </button>
        <button
          type="button"
          onClick={() =>
            dismissReminder(meeting).catch((error: unknown) => console.error('Coachmark: could not put the reminder away', error))
          }
        >
          {t('planReminderNotNow')}
        </button>
      </div>
    </section>
  );
}
