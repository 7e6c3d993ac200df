import { useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { errorMessage } from '@/utils/platform/storage-errors';
import { deleteTeacherPlans, latestPlanPerTeacher, type TeacherPlans } from '@/utils/plan/shared';
import { SharedPlanEntry } from './SharedPlanEntry';
import { SharedPlanImport } from './SharedPlanImport';

/**
 * The coach's view of growth plans: only plans teachers chose to share, as the coach imported
 * them (the endpoint's log, or a file a teacher downloaded). One entry per teacher with their
 * newest plan; nothing is said about teachers who shared none, because nothing is known here.
 */
export function PlansTab() {
  const teachers = useLiveQuery(() => latestPlanPerTeacher(db), []);
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const remove = async (entry: TeacherPlans, name: string) => {
    try {
      await deleteTeacherPlans(db, entry.teacherKey);
      setAnnouncement({ text: t('plansDeleted', name), error: false });
      // The entry and its buttons are gone: focus goes back to the top of the tab.
      heading.current?.focus();
    } catch (error) {
      setAnnouncement({ text: t('plansDeleteFailed', errorMessage(error)), error: true });
    }
  };

  return (
    <section class="plans" aria-labelledby="plans-title">
      <h2 id="plans-title" ref={heading} tabIndex={-1}>
        {t('plansHeading')}
      </h2>
      <p class="hint">{t('plansIntro')}</p>
      <SharedPlanImport />
      <div role="status" aria-live="polite" class="plans__announcement">
        {announcement && <p class={`notice ${announcement.error ? 'notice--error' : 'notice--ok'}`}>{announcement.text}</p>}
      </div>
      {!teachers ? (
        <p class="status">{t('loading')}</p>
      ) : teachers.length === 0 ? (
        <p class="empty">{t('plansEmpty')}</p>
      ) : (
        <ul class="plans__list" aria-labelledby="plans-title">
          {teachers.map((entry, index) => (
            <SharedPlanEntry key={entry.teacherKey} entry={entry} index={index} onDelete={remove} />
          ))}
        </ul>
      )}
    </section>
  );
}
