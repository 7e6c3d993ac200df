import type { GrowthPlanPayload, PlanGoal, PlanPing, PlanReflection, PlanSavedEntry } from '@/utils/endpoints/types';
import { URGENCY_LABEL_KEYS } from '@/utils/help-requests/labels';
import { formatDay } from '@/utils/platform/format';
import { t, tn } from '@/utils/platform/i18n';
import { PROGRESS_KEYS } from '@/utils/plan/summary';
import { COMFORT_LABEL_KEYS } from '@/utils/cards/comfort';

/**
 * A shared plan in full, as text a coach reads before the meeting: each goal with what was
 * saved for it and the reflections on it, then what is not linked to a goal, then the pings.
 * The teacher's words are shown as typed (line breaks kept), never as markup.
 */
export function SharedPlanDetails({ plan, id }: { plan: GrowthPlanPayload; id: string }) {
  const omitted = plan.omitted.saved + plan.omitted.reflections + plan.omitted.pings;
  return (
    <div class="plans-detail" id={id} data-testid="shared-plan-details">
      <p class="plans-detail__period">{plan.period.since ? t('plansSince', formatDay(plan.period.since)) : t('plansSinceStart')}</p>
      {plan.goals.length > 0 && <h4>{t('plansGoalsHeading')}</h4>}
      {plan.goals.map((goal) => (
        <section key={goal.id} class="plans-detail__goal">
          <h5>{goal.text}</h5>
          <p class="plans-detail__goal-meta">
            <span>{goalTool(goal)}</span> <GoalProgress goal={goal} />
          </p>
          {goal.saved.length > 0 && (
            <>
              <h6>{t('plansGoalSaved')}</h6>
              <SavedList entries={goal.saved} />
            </>
          )}
          {goal.reflections.length > 0 && (
            <>
              <h6>{t('plansGoalReflections')}</h6>
              <ReflectionList entries={goal.reflections} />
            </>
          )}
        </section>
      ))}
      {plan.saved.length > 0 && (
        <section>
          <h4>{t('plansSavedHeading')}</h4>
          <SavedList entries={plan.saved} />
        </section>
      )}
      {plan.reflections.length > 0 && (
        <section>
          <h4>{t('plansReflectionsHeading')}</h4>
          <ReflectionList entries={plan.reflections} />
        </section>
      )}
      {plan.pings.length > 0 && (
        <section>
          <h4>{t('plansPingsHeading')}</h4>
          <ul class="plans-detail__list">
            {plan.pings.map((ping, index) => (
              <PingItem key={index} ping={ping} />
            ))}
          </ul>
        </section>
      )}
      {omitted > 0 && <p class="plans-detail__omitted">{tn('plansOmitted', omitted)}</p>}
    </div>
  );
}

const day = (iso: string) => formatDay(Date.parse(iso));
const place = (tool: string, page: string | null) => (page ? `${tool} ${t('headerSeparator')} ${page}` : tool);

function SavedList({ entries }: { entries: PlanSavedEntry[] }) {
  return (
    <ul class="plans-detail__list">
      {entries.map((entry, index) => (
        <li key={index}>
          <p class="plans-detail__what">{savedTitle(entry)}</p>
          {entry.ping?.message && <p class="plans-detail__words">{entry.ping.message}</p>}
          {entry.note && <p class="plans-detail__words plans-detail__note">{t('plansNote', entry.note)}</p>}
        </li>
      ))}
    </ul>
  );
}

function savedTitle(entry: PlanSavedEntry): string {
  if (entry.card) return t('plansSavedCard', [entry.card.title, entry.card.pack, day(entry.savedAt)]);
  if (entry.ping) return t('plansSavedPing', [place(entry.ping.tool.name, entry.ping.page), day(entry.ping.createdAt)]);
  return t('plansSavedOther', day(entry.savedAt));
}

function ReflectionList({ entries }: { entries: PlanReflection[] }) {
  return (
    <ul class="plans-detail__list">
      {entries.map((entry, index) => (
        <li key={index}>
          <p class="plans-detail__what">{entry.card ? t('plansReflectionOnCard', [day(entry.at), entry.card.title]) : day(entry.at)}</p>
          <p class="plans-detail__words">{entry.text}</p>
        </li>
      ))}
    </ul>
  );
}

function PingItem({ ping }: { ping: PlanPing }) {
  return (
    <li>
      <p class="plans-detail__what">
        {t('plansPingMeta', [day(ping.createdAt), place(ping.tool.name, ping.page), t(URGENCY_LABEL_KEYS[ping.urgency])])}
      </p>
      <p class="plans-detail__words">{ping.message}</p>
    </li>
  );
}

/** "Canvas (comfort: New to it)", the tool alone, or "A practice" for a goal about no one tool. */
export function goalTool(goal: PlanGoal): string {
  if (!goal.tool) return t('plansGoalPractice');
  return goal.comfort ? t('plansGoalComfort', [goal.tool.name, t(COMFORT_LABEL_KEYS[goal.comfort])]) : goal.tool.name;
}

/** The progress in words (color only repeats them), announced as "Progress: Trying it". */
export function GoalProgress({ goal }: { goal: PlanGoal }) {
  return (
    <span class={`plans-progress plans-progress--${goal.progress}`}>
      <span class="visually-hidden">{t('plansProgressPrefix')} </span>
      {t(PROGRESS_KEYS[goal.progress])}
    </span>
  );
}
