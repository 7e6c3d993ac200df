import { useState } from 'preact/hooks';
import type { PlanSavedRecord } from '@/utils/platform/db';
import { formatDay } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { removeReflection, removeSaved, updateSaved, type PlanData } from '@/utils/plan/store';
import { savedPingTitle } from '@/utils/plan/summary';
import { reportFailure } from './report-failure';

function savedTitle(entry: PlanSavedRecord): string {
  if (entry.card) return entry.card.title;
  return entry.ping ? savedPingTitle(entry.ping) : '';
}

/** What the teacher saved for the conversation, newest first, each linkable to a goal and removable. */
export function PlanSavedList({ plan }: { plan: PlanData }) {
  const entries = [...plan.saved].reverse();
  return (
    <section class="plan__saved" aria-labelledby="plan-saved-title">
      <h3 id="plan-saved-title" class="section-title">
        {t('planSavedHeading')}
      </h3>
      {entries.length === 0 && <p class="empty">{t('planSavedEmpty')}</p>}
      <ul class="plan__list">
        {entries.map((entry) => (
          <SavedEntry key={entry.id} entry={entry} plan={plan} />
        ))}
      </ul>
    </section>
  );
}

function SavedEntry({ entry, plan }: { entry: PlanSavedRecord; plan: PlanData }) {
  const title = savedTitle(entry);
  const [note, setNote] = useState(entry.note);
  const goalId = `saved-${entry.id}-goal`;
  const noteId = `saved-${entry.id}-note`;
  return (
    <li class="plan-entry" data-testid="saved-entry">
      <p class="plan-entry__title">{title}</p>
      {entry.ping?.message && <p class="plan-entry__quote">{t('planQuoted', entry.ping.message)}</p>}
      <label class="visually-hidden" for={noteId}>
        {t('planNoteFor', title)}
      </label>
      <textarea
        id={noteId}
        class="plan-entry__note"
        rows={2}
        placeholder={t('planNoteLabel')}
        value={note}
        onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
        onBlur={() => note !== entry.note && void updateSaved(entry.id, { note }).catch(reportFailure('save a note'))}
      />
      {plan.goals.length > 0 && (
        <div class="plan-entry__goal">
          <label for={goalId}>{t('planGoalLabel')}</label>
          <select
            id={goalId}
            aria-label={t('planGoalFor', title)}
            value={entry.goalId ?? ''}
            onChange={(event) =>
              void updateSaved(entry.id, { goalId: (event.target as HTMLSelectElement).value || null }).catch(reportFailure('link a goal'))
            }
          >
            <option value="">{t('planGoalNone')}</option>
            {plan.goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goal.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        class="link-button"
        aria-label={t('planRemoveSavedLabel', title)}
        onClick={() => void removeSaved(entry.id).catch(reportFailure('remove a saved item'))}
      >
        {t('planRemoveSaved')}
      </button>
    </li>
  );
}

/** Reflections not tied to a goal (those are shown with their goal), newest first. */
export function PlanReflections({ plan }: { plan: PlanData }) {
  const goals = new Set(plan.goals.map((goal) => goal.id));
  const entries = plan.reflections.filter((entry) => entry.goalId === null || !goals.has(entry.goalId)).reverse();
  if (entries.length === 0) return null;
  return (
    <section class="plan__reflections" aria-labelledby="plan-reflections-title">
      <h3 id="plan-reflections-title" class="section-title">
        {t('planReflectionsHeading')}
      </h3>
      <ul class="plan__list">
        {entries.map((entry) => {
          const about = entry.card ? t('planReflectionOnCard', [formatDay(entry.at), entry.card.title]) : formatDay(entry.at);
          return (
            <li key={entry.id} class="plan-entry" data-testid="reflection-entry">
              <p class="plan-entry__title">{about}</p>
              <p>{entry.text}</p>
              <button
                type="button"
                class="link-button"
                aria-label={t('planRemoveReflectionLabel', about)}
                onClick={() => void removeReflection(entry.id).catch(reportFailure('remove a reflection'))}
              >
                {t('planRemoveSaved')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
