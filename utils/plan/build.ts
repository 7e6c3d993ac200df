import type { Comfort } from '../cards/comfort';
import type {
  GrowthPlanPayload,
  HelpRequestPayload,
  PlanCardRef,
  PlanGoal,
  PlanPing,
  PlanReflection,
  PlanSavedEntry,
} from '../endpoints/types';
import { fitGrowthPlan } from '../endpoints/json';
import type { OutboxItem, PlanCardStamp, PlanReflectionRecord, PlanSavedRecord } from '../platform/db';
import type { Settings } from '../settings/settings';
import { toolById } from '../tools/catalog';
import { periodSince, periodStart } from './period';
import type { PlanData } from './store';

/**
 * The meeting summary as a `growth-plan` payload, from what the plan stores and the pings the
 * teacher sent in its period. Pure: the summary on screen, the Markdown, the preview and what is
 * sent are all read from this one object.
 */

export interface GrowthPlanInput {
  plan: PlanData;
  /** The outbox's help requests (any state); those from the period are included. */
  pings: ReadonlyArray<Pick<OutboxItem, 'createdAt'> & { payload: HelpRequestPayload }>;
  /** The teacher's comfort level per tool (storage.local), for the goals' tools. */
  comfort: Readonly<Record<string, Comfort>>;
  settings: Pick<Settings, 'teacherName' | 'schoolName'>;
  /** UUID, also the Idempotency-Key. */
  id: string;
  now: number;
}

const iso = (epoch: number) => new Date(epoch).toISOString();

function toolRef(id: string): { id: string; name: string } {
  return { id, name: toolById(id)?.name ?? id };
}

function cardRef(card: PlanCardStamp): PlanCardRef {
  return { id: card.id, title: card.title, pack: card.pack };
}

function savedEntry(record: PlanSavedRecord): PlanSavedEntry {
  const entry: PlanSavedEntry = { savedAt: iso(record.savedAt), note: record.note };
  if (record.card) entry.card = cardRef(record.card);
  if (record.ping) {
    const { createdAt, tool, page, message } = record.ping;
    entry.ping = { createdAt: iso(createdAt), tool: { ...tool }, page, message };
  }
  return entry;
}

function reflection(record: PlanReflectionRecord): PlanReflection {
  return record.card ? { at: iso(record.at), text: record.text, card: cardRef(record.card) } : { at: iso(record.at), text: record.text };
}

/**
 * Goals still open, and those done in this period; what the teacher saved (the list they keep,
 * whatever its age); reflections and pings from this period only.
 */
export function buildGrowthPlan(input: GrowthPlanInput): GrowthPlanPayload {
  const { plan } = input;
  const start = periodStart(plan.meta);
  const goals = plan.goals.filter((goal) => goal.progress !== 'done' || (goal.progressAt ?? goal.createdAt) >= start);
  const goalIds = new Set(goals.map((goal) => goal.id));
  const reflections = plan.reflections.filter((entry) => entry.at >= start);
  const linked = (goalId: string | null) => (goalId !== null && goalIds.has(goalId) ? goalId : null);

  const planGoals: PlanGoal[] = goals.map((goal) => {
    const comfort = goal.tool ? input.comfort[goal.tool] : undefined;
    return {
      id: goal.id,
      text: goal.text,
      tool: goal.tool ? toolRef(goal.tool) : null,
      ...(comfort ? { comfort } : {}),
      progress: goal.progress,
      saved: plan.saved.filter((entry) => linked(entry.goalId) === goal.id).map(savedEntry),
      reflections: reflections.filter((entry) => linked(entry.goalId) === goal.id).map(reflection),
    };
  });

  const pings: PlanPing[] = input.pings
    .filter((item) => item.createdAt >= start)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map(({ createdAt, payload }) => ({
      createdAt: iso(createdAt),
      tool: { id: payload.tool.id, name: payload.tool.name },
      page: payload.page.name,
      message: payload.message,
      urgency: payload.urgency,
    }));

  const school = input.settings.schoolName.trim();
  return fitGrowthPlan({
    type: 'growth-plan',
    id: input.id,
    createdAt: iso(input.now),
    teacher: school ? { name: input.settings.teacherName.trim(), school } : { name: input.settings.teacherName.trim() },
    period: { since: periodSince(plan.meta), nextMeeting: plan.meta.nextMeeting },
    goals: planGoals,
    saved: plan.saved.filter((entry) => linked(entry.goalId) === null).map(savedEntry),
    reflections: reflections.filter((entry) => linked(entry.goalId) === null).map(reflection),
    pings,
    omitted: { saved: 0, reflections: 0, pings: 0 },
  });
}
