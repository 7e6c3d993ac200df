import {
  db as defaultDb,
  type CardRecord,
  type CoachmarkDB,
  type OutboxItem,
  type PlanCardStamp,
  type PlanGoalRecord,
  type PlanMetaRecord,
  type PlanReflectionRecord,
  type PlanSavedRecord,
} from '../platform/db';
import type { GoalProgress, HelpRequestPayload } from '../endpoints/types';
import { JSON_LIMITS } from '../endpoints/json';
import { readMeta } from './meta';

export { dismissReminder, readMeta, rollPeriod, setNextMeeting } from './meta';

/**
 * The teacher's growth plan in IndexedDB: goals, what they saved for the coaching conversation,
 * reflections and the meeting date. Every change is one transaction; nothing here sends anything.
 */

/** Goals and notes are the teacher's own words, kept short enough to read aloud in a meeting. */
export const PLAN_TEXT_LIMITS = { goal: 300, note: 1000, reflection: 2000 } as const;

/** As many goals as a plan sends (JSON_LIMITS.goals): a plan with more would leave some out. */
export const MAX_GOALS = JSON_LIMITS.goals;

/** Why a goal could not be added, for the form to say. */
export class GoalError extends Error {
  constructor(readonly reason: 'empty' | 'too-many') {
    super(reason === 'empty' ? 'A goal needs words: the text is empty.' : `A plan holds at most ${MAX_GOALS} goals.`);
  }
}

const clip = (text: string, max: number) => text.trim().slice(0, max);

export function cardStamp(card: Pick<CardRecord, 'key' | 'id' | 'title' | 'pack' | 'tools'>): PlanCardStamp {
  return { key: card.key, id: card.id, title: card.title, pack: card.pack, tools: [...card.tools] };
}

export interface SaveOptions {
  note?: string;
  goalId?: string | null;
}

/**
 * Saves one thing for the coaching conversation, once: the record found by `index` = `key` is
 * updated (its note and goal, when given; the copied content always), or a new one is made.
 */
async function upsertSaved(
  index: 'card.key' | 'ping.id',
  key: string,
  content: Pick<PlanSavedRecord, 'card' | 'ping'>,
  options: SaveOptions,
  database: CoachmarkDB,
  now: number,
): Promise<PlanSavedRecord> {
  return database.transaction('rw', database.planSaved, async () => {
    const existing = await database.planSaved.where(index).equals(key).first();
    const record: PlanSavedRecord = {
      id: existing?.id ?? crypto.randomUUID(),
      savedAt: existing?.savedAt ?? now,
      note: clip(options.note ?? existing?.note ?? '', PLAN_TEXT_LIMITS.note),
      goalId: options.goalId === undefined ? (existing?.goalId ?? null) : options.goalId,
      ...content,
    };
    await database.planSaved.put(record);
    return record;
  });
}

/** Saves a card for the coaching conversation; saving it again updates its note and goal. */
export function saveCard(
  card: Pick<CardRecord, 'key' | 'id' | 'title' | 'pack' | 'tools'>,
  options: SaveOptions = {},
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<PlanSavedRecord> {
  return upsertSaved('card.key', card.key, { card: cardStamp(card) }, options, database, now);
}

/** Saves a sent ping (a copy of what the teacher wrote), once; saving again updates the note and goal. */
export function savePing(
  item: Pick<OutboxItem, 'id' | 'createdAt'> & { payload: HelpRequestPayload },
  options: SaveOptions = {},
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<PlanSavedRecord> {
  const { tool, page, message } = item.payload;
  const ping = { id: item.id, createdAt: item.createdAt, tool: { ...tool }, page: page.name, message };
  return upsertSaved('ping.id', item.id, { ping }, options, database, now);
}

export async function updateSaved(
  id: string,
  patch: { note?: string; goalId?: string | null },
  database: CoachmarkDB = defaultDb,
): Promise<void> {
  const changes: Partial<PlanSavedRecord> = {};
  if (patch.note !== undefined) changes.note = clip(patch.note, PLAN_TEXT_LIMITS.note);
  if (patch.goalId !== undefined) changes.goalId = patch.goalId;
  await database.planSaved.update(id, changes);
}

export async function removeSaved(id: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.planSaved.delete(id);
}

/** Adds a goal in the teacher's words, about a tool or (tool null) a practice. */
export async function addGoal(
  input: { text: string; tool: string | null },
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<PlanGoalRecord> {
  const text = clip(input.text, PLAN_TEXT_LIMITS.goal);
  if (!text) throw new GoalError('empty');
  return database.transaction('rw', database.goals, async () => {
    if ((await database.goals.count()) >= MAX_GOALS) throw new GoalError('too-many');
    const goal: PlanGoalRecord = { id: crypto.randomUUID(), text, tool: input.tool, progress: 'not-started', createdAt: now };
    await database.goals.add(goal);
    return goal;
  });
}

export async function updateGoal(
  id: string,
  patch: { text?: string; tool?: string | null; progress?: GoalProgress },
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<void> {
  const changes: Partial<PlanGoalRecord> = {};
  if (patch.text !== undefined) {
    const text = clip(patch.text, PLAN_TEXT_LIMITS.goal);
    if (!text) throw new GoalError('empty');
    changes.text = text;
  }
  if (patch.tool !== undefined) changes.tool = patch.tool;
  if (patch.progress !== undefined) {
    changes.progress = patch.progress;
    changes.progressAt = now;
  }
  await database.goals.update(id, changes);
}

/** Removes a goal; what was linked to it stays in the plan, linked to nothing. */
export async function removeGoal(id: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.transaction('rw', database.goals, database.planSaved, database.reflections, async () => {
    await database.planSaved.where('goalId').equals(id).modify({ goalId: null });
    await database.reflections.where('goalId').equals(id).modify({ goalId: null });
    await database.goals.delete(id);
  });
}

/**
 * Stores the teacher's answer to "How did it go?" with the goal the card is saved under (when it
 * is), so the coach reads it beside that goal. Never sent by itself.
 */
export async function addReflection(
  input: {
    text: string;
    card?: Pick<CardRecord, 'key' | 'id' | 'title' | 'pack' | 'tools'>;
    goalId?: string | null;
    source: PlanReflectionRecord['source'];
  },
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<PlanReflectionRecord | null> {
  const text = clip(input.text, PLAN_TEXT_LIMITS.reflection);
  if (!text) return null;
  return database.transaction('rw', database.reflections, database.planSaved, async () => {
    let goalId = input.goalId ?? null;
    if (input.goalId === undefined && input.card) {
      goalId = (await database.planSaved.where('card.key').equals(input.card.key).first())?.goalId ?? null;
    }
    const reflection: PlanReflectionRecord = {
      id: crypto.randomUUID(),
      at: now,
      text,
      goalId,
      source: input.source,
      ...(input.card ? { card: cardStamp(input.card) } : {}),
    };
    await database.reflections.add(reflection);
    return reflection;
  });
}

export async function removeReflection(id: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.reflections.delete(id);
}

export interface PlanData {
  goals: PlanGoalRecord[];
  saved: PlanSavedRecord[];
  reflections: PlanReflectionRecord[];
  meta: PlanMetaRecord;
}

/** The whole plan, oldest first in each list. */
export async function readPlan(database: CoachmarkDB = defaultDb): Promise<PlanData> {
  const [goals, saved, reflections, meta] = await Promise.all([
    database.goals.orderBy('createdAt').toArray(),
    database.planSaved.orderBy('savedAt').toArray(),
    database.reflections.orderBy('at').toArray(),
    readMeta(database),
  ]);
  return { goals, saved, reflections, meta };
}

export function isPlanEmpty(plan: PlanData): boolean {
  return plan.goals.length === 0 && plan.saved.length === 0 && plan.reflections.length === 0 && !plan.meta.nextMeeting;
}

/** The file "Download my plan" saves: everything the plan stores, as stored. */
export interface PlanExport {
  format: 'coachmark-growth-plan';
  version: 1;
  exportedAt: string;
  goals: PlanGoalRecord[];
  saved: PlanSavedRecord[];
  reflections: PlanReflectionRecord[];
  meeting: { next: string | null; last: string | null };
}

export async function exportPlan(database: CoachmarkDB = defaultDb, now = Date.now()): Promise<PlanExport> {
  const plan = await readPlan(database);
  return {
    format: 'coachmark-growth-plan',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    goals: plan.goals,
    saved: plan.saved,
    reflections: plan.reflections,
    meeting: { next: plan.meta.nextMeeting, last: plan.meta.lastMeeting },
  };
}

/**
 * "Delete my plan": goals, saved items, reflections, the meeting dates, and every copy of the
 * plan in the outbox (sent or waiting), in one transaction. Cards, pings and flags stay.
 */
export async function deletePlan(database: CoachmarkDB = defaultDb): Promise<void> {
  await database.transaction(
    'rw',
    [database.goals, database.planSaved, database.reflections, database.planMeta, database.outbox],
    async () => {
      await Promise.all([database.goals.clear(), database.planSaved.clear(), database.reflections.clear(), database.planMeta.clear()]);
      // One being sent right now may still arrive; delivery leaves a deleted item deleted.
      await database.outbox.filter((item) => item.kind === 'growth-plan').delete();
    },
  );
}
