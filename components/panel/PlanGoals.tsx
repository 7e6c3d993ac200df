import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { Field } from '../shared/Field';
import { db, type CardRecord, type PlanGoalRecord } from '@/utils/platform/db';
import { GOAL_PROGRESS, type GoalProgress } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { TOOLS } from '@/utils/tools/catalog';
import { toolName as localToolName } from '@/utils/tools/names';
import { addGoal, GoalError, MAX_GOALS, PLAN_TEXT_LIMITS, removeGoal, updateGoal, type PlanData } from '@/utils/plan/store';
import { goalRelevance, nextStepCards } from '@/utils/plan/next-steps';
import { PROGRESS_KEYS } from '@/utils/plan/summary';
import { COMFORT_LABEL_KEYS } from '@/utils/cards/comfort';
import { CardView } from './CardView';
import { useComfort } from './use-comfort';
import { ReflectionPrompt } from './ReflectionPrompt';
import { reportFailure } from './report-failure';

const TOOLS_BY_NAME = [...TOOLS].sort((a, b) => a.name.localeCompare(b.name));

/** The teacher's goals, each with its progress, what is linked to it and next-step cards; and "Add a goal". */
export function PlanGoals({ plan, tool }: { plan: PlanData; tool: string | null }) {
  const saved = new Set(plan.saved.map((entry) => entry.card?.key).filter((key): key is string => key !== undefined));
  return (
    <section class="plan__goals" aria-labelledby="plan-goals-title">
      <h3 id="plan-goals-title" class="section-title">
        {t('planGoalsHeading')}
      </h3>
      {plan.goals.length === 0 && <p class="empty">{t('planGoalsEmpty')}</p>}
      <ul class="plan__list">
        {plan.goals.map((goal) => (
          <GoalItem key={goal.id} goal={goal} plan={plan} savedKeys={saved} />
        ))}
      </ul>
      <AddGoalForm tool={tool} />
    </section>
  );
}

function GoalItem({ goal, plan, savedKeys }: { goal: PlanGoalRecord; plan: PlanData; savedKeys: ReadonlySet<string> }) {
  const [reflecting, setReflecting] = useState(false);
  const linked = plan.saved.filter((entry) => entry.goalId === goal.id);
  const reflections = plan.reflections.filter((entry) => entry.goalId === goal.id);
  const toolName = goal.tool ? localToolName(goal.tool) : null;
  const progressId = `goal-${goal.id}-progress`;
  return (
    <li class={`goal goal--${goal.progress}`} data-testid="goal">
      <p class="goal__text">{goal.text}</p>
      {goal.tool && toolName && <GoalTool tool={goal.tool} toolName={toolName} />}
      <div class="goal__progress">
        <label for={progressId}>{t('planProgressLabel')}</label>
        <select
          id={progressId}
          aria-label={t('planProgressFor', goal.text)}
          value={goal.progress}
          onChange={(event) =>
            updateGoal(goal.id, { progress: (event.target as HTMLSelectElement).value as GoalProgress }).catch(
              reportFailure('save progress'),
            )
          }
        >
          {GOAL_PROGRESS.map((value) => (
            <option key={value} value={value}>
              {t(PROGRESS_KEYS[value])}
            </option>
          ))}
        </select>
      </div>
      {linked.length > 0 && (
        <ul class="goal__linked" aria-label={t('planLinkedTo', goal.text)}>
          {linked.map((entry) => (
            <li key={entry.id}>{entry.card?.title ?? entry.ping?.message}</li>
          ))}
        </ul>
      )}
      {reflections.length > 0 && (
        <ul class="goal__reflections" aria-label={t('planReflectionsFor', goal.text)}>
          {reflections.map((entry) => (
            <li key={entry.id}>{entry.text}</li>
          ))}
        </ul>
      )}
      {reflecting ? (
        <ReflectionPrompt id={`goal-${goal.id}`} goalId={goal.id} source="plan" onDone={() => setReflecting(false)} />
      ) : (
        <div class="save-coaching__actions">
          <button type="button" class="link-button" aria-label={t('planAddReflectionLabel', goal.text)} onClick={() => setReflecting(true)}>
            {t('planAddReflection')}
          </button>
          <button
            type="button"
            class="link-button"
            aria-label={t('planRemoveGoalLabel', goal.text)}
            onClick={() => void removeGoal(goal.id).catch(reportFailure('remove a goal'))}
          >
            {t('planRemoveGoal')}
          </button>
        </div>
      )}
      {goal.tool && <NextSteps goal={goal} tool={goal.tool} exclude={savedKeys} />}
    </li>
  );
}

function GoalTool({ tool, toolName }: { tool: string; toolName: string }) {
  const comfort = useComfort(tool);
  return <p class="goal__tool">{comfort ? t('planToolLevelLine', [toolName, t(COMFORT_LABEL_KEYS[comfort])]) : toolName}</p>;
}

/**
 * Cards a level up from what the teacher knows of the goal's tool, those matching the goal's
 * words first; each opens in place, and can be saved to this goal.
 */
function NextSteps({ goal, tool, exclude }: { goal: PlanGoalRecord; tool: string; exclude: ReadonlySet<string> }) {
  const comfort = useComfort(tool);
  const data = useLiveQuery(async () => {
    const cards = await db.cards.where('tools').equals(tool).toArray();
    const feedback = await db.feedback.bulkGet(cards.map((card) => card.key));
    return { cards, feedback: feedback.filter((entry) => entry !== undefined) };
  }, [tool]);
  const [open, setOpen] = useState<string | null>(null);
  const relevant = useMemo(() => (data ? goalRelevance(goal.text, data.cards) : []), [goal.text, data]);
  if (!data || !comfort) return null;
  const cards: CardRecord[] = nextStepCards(data.cards, { comfort, feedback: data.feedback, exclude, relevant });
  if (cards.length === 0) return null;
  const feedbackByKey = new Map(data.feedback.map((entry) => [entry.cardKey, entry]));
  return (
    <div class="goal__next">
      <h4 class="goal__next-title">{t('planNextSteps')}</h4>
      <ul class="card-list">
        {cards.map((card) => (
          <li key={card.key}>
            <CardView
              card={card}
              idPrefix={`next-${goal.id}`}
              expanded={open === card.key}
              onToggle={() => setOpen(open === card.key ? null : card.key)}
              feedback={feedbackByKey.get(card.key)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddGoalForm({ tool }: { tool: string | null }) {
  const [text, setText] = useState('');
  const [goalTool, setGoalTool] = useState(tool ?? '');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('planGoalRequired'));
      document.getElementById('plan-goal-text')?.focus();
      return;
    }
    setError(null);
    try {
      await addGoal({ text, tool: goalTool || null });
    } catch (failure) {
      if (!(failure instanceof GoalError)) throw failure;
      setError(failure.reason === 'too-many' ? t('planGoalTooMany', String(MAX_GOALS)) : t('planGoalRequired'));
      return;
    }
    setText('');
    setAdded(t('planGoalAdded', text.trim()));
  };
  return (
    <form
      class="plan__add-goal"
      aria-labelledby="plan-add-goal-title"
      onSubmit={(event) => void submit(event).catch(reportFailure('add a goal'))}
      noValidate
    >
      <h4 id="plan-add-goal-title" class="goal__next-title">
        {t('planAddGoal')}
      </h4>
      <Field id="plan-goal-text" label={t('planGoalTextLabel')} hint={error ? undefined : t('planGoalTextHint')} error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={PLAN_TEXT_LIMITS.goal}
            value={text}
            onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <Field id="plan-goal-tool" label={t('planGoalToolLabel')}>
        {(control) => (
          <select {...control} value={goalTool} onChange={(event) => setGoalTool((event.target as HTMLSelectElement).value)}>
            <option value="">{t('planGoalPractice')}</option>
            {TOOLS_BY_NAME.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="save-coaching__actions">
        <button type="submit" class="primary">
          {t('planAddGoalSubmit')}
        </button>
      </div>
      <p class="plan-share__status" role="status">
        {added}
      </p>
    </form>
  );
}
