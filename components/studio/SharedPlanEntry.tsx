import { useEffect, useRef, useState } from 'preact/hooks';
import type { GrowthPlanPayload, PlanGoal } from '@/utils/endpoints/types';
import { formatDay } from '@/utils/platform/format';
import { t, tn } from '@/utils/platform/i18n';
import type { TeacherPlans } from '@/utils/plan/shared';
import { GoalProgress, goalTool, SharedPlanDetails } from './SharedPlanDetails';

interface Props {
  entry: TeacherPlans;
  /** A stable, id-safe name for this entry's elements. */
  index: number;
  onDelete: (entry: TeacherPlans, name: string) => Promise<void>;
}

/** The teacher's name as the studio shows it; a plan may come from someone who set none. */
export function teacherName(plan: GrowthPlanPayload): string {
  return plan.teacher.name.trim() || t('plansUnnamed');
}

/**
 * One teacher who shared: their newest plan at a glance (goals with tool and progress, how much
 * they saved, reflected on and asked), the whole plan on request, and deleting their plans
 * after a confirm step.
 */
export function SharedPlanEntry({ entry, index, onDelete }: Props) {
  const plan = entry.latest.payload;
  const name = teacherName(plan);
  const [expanded, setExpanded] = useState(false);
  const saved = plan.saved.length + plan.goals.reduce((sum, goal) => sum + goal.saved.length, 0);
  const reflections = plan.reflections.length + plan.goals.reduce((sum, goal) => sum + goal.reflections.length, 0);
  const headingId = `shared-plan-${index}`;
  const detailsId = `shared-plan-${index}-details`;

  return (
    <li class="plans-entry" aria-labelledby={headingId} data-testid="shared-plan" data-teacher={entry.teacherKey}>
      <header class="plans-entry__header">
        <h3 id={headingId} class="plans-entry__name">
          {name}
          {plan.teacher.school && <span class="plans-entry__school">{plan.teacher.school}</span>}
        </h3>
        <p class="plans-entry__meta">
          <span>{t('plansSharedOn', formatDay(Date.parse(plan.createdAt)))}</span>
          <span>{plan.period.nextMeeting ? t('plansNextMeeting', formatDay(plan.period.nextMeeting)) : t('plansNoNextMeeting')}</span>
          <span>{tn('plansSharedCount', entry.count)}</span>
        </p>
      </header>
      {plan.goals.length === 0 ? (
        <p class="hint">{t('plansNoGoals')}</p>
      ) : (
        <ul class="plans-goals" aria-label={t('plansGoalsHeading')}>
          {plan.goals.map((goal) => (
            <GoalLine key={goal.id} goal={goal} />
          ))}
        </ul>
      )}
      <p class="plans-entry__counts">
        <span>{tn('plansSavedCount', saved)}</span>
        <span>{tn('plansReflectionCount', reflections)}</span>
        <span>{tn('plansPingCount', plan.pings.length)}</span>
      </p>
      <div class="plans-entry__actions">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          aria-label={t(expanded ? 'plansCollapseLabel' : 'plansExpandLabel', name)}
          onClick={() => setExpanded(!expanded)}
        >
          {t(expanded ? 'plansCollapse' : 'plansExpand')}
        </button>
        <DeleteTeacherPlans
          name={name}
          count={entry.count}
          questionId={`shared-plan-${index}-question`}
          onConfirm={() => onDelete(entry, name)}
        />
      </div>
      {expanded && <SharedPlanDetails plan={plan} id={detailsId} />}
    </li>
  );
}

function GoalLine({ goal }: { goal: PlanGoal }) {
  return (
    <li class="plans-goal">
      <span class="plans-goal__text">{goal.text}</span>
      <span class="plans-goal__tool">{goalTool(goal)}</span>
      <GoalProgress goal={goal} />
    </li>
  );
}

/** "Delete <teacher>'s plans", then a question with Yes and Cancel; focus follows each step. */
function DeleteTeacherPlans(props: { name: string; count: number; questionId: string; onConfirm: () => Promise<void> }) {
  const { name, count, questionId, onConfirm } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="danger" ref={start} onClick={() => setAsking(true)}>
        {t('plansDelete', name)}
      </button>
    );
  }
  return (
    <div class="plans-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{tn('plansDeleteQuestion', count, name)}</p>
      <button
        type="button"
        class="danger"
        disabled={busy}
        aria-label={t('plansDeleteConfirmLabel', name)}
        onClick={() => {
          setBusy(true);
          void onConfirm().finally(() => setBusy(false));
        }}
      >
        {t('plansDeleteConfirm')}
      </button>
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
