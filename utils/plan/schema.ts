import { z } from 'zod';
import {
  COMFORT_LEVELS,
  GOAL_PROGRESS,
  URGENCIES,
  type GrowthPlanPayload,
  type PlanCardRef,
  type PlanGoal,
  type PlanPing,
  type PlanReflection,
  type PlanSavedEntry,
} from '../endpoints/types';
import { describeValue, formatIssues } from '../platform/json-file';
import { isPlanDate } from './period';

/**
 * The `growth-plan` payload as a coach receives it: a plan a teacher chose to share, read back
 * from the endpoint's log or a downloaded file. Lengths are generous (a receiver may have kept
 * what it got without cutting anything, and the coach should not lose a plan for a long note);
 * counts are bounded so that a file that is not a plan cannot take the studio down.
 */

export const SHARED_PLAN_LIMITS = {
  id: 200,
  name: 300,
  token: 100,
  cardTitle: 500,
  text: 20_000,
  page: 4_096,
  dateTime: 64,
  goals: 100,
  /** Saved items, reflections and pings, each list on its own. */
  entries: 1_000,
  omitted: 1_000_000,
} as const;

const L = SHARED_PLAN_LIMITS;
/** What an error names when no one field is to blame. */
const WHOLE = 'plan';

const lengthOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);
const atMostChars = (max: number) => ({
  error: (issue: { input?: unknown }) => `must be at most ${max} characters (it has ${lengthOf(issue.input)})`,
});
const atMostItems = (max: number) => ({
  error: (issue: { input?: unknown }) => `must have at most ${max} entries (it has ${lengthOf(issue.input)})`,
});
const oneOf = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => `must be one of ${values.join(', ')}, not ${describeValue(issue.input)}`,
});

const text = (max: number) => z.string().max(max, atMostChars(max));
const nonEmpty = (max: number) =>
  z
    .string()
    .max(max, atMostChars(max))
    .refine((value) => value.trim() !== '', 'must not be empty');
const dateTime = z
  .string()
  .max(L.dateTime, atMostChars(L.dateTime))
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time such as 2026-11-24T14:32:05.120Z');
const day = z.string().refine(isPlanDate, 'must be a date written YYYY-MM-DD, for example "2026-12-10"');
const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(L.omitted);

const toolSchema = z.object({ id: nonEmpty(L.token), name: text(L.name) });
const cardSchema = z.object({ id: nonEmpty(L.id), title: text(L.cardTitle), pack: nonEmpty(L.id) });
/** Receivers may store an absent optional field as null: then it is simply absent. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

const savedSchema = z.object({
  savedAt: dateTime,
  note: text(L.text),
  card: optional(cardSchema),
  ping: optional(z.object({ createdAt: dateTime, tool: toolSchema, page: text(L.page).nullable(), message: text(L.text) })),
});
const reflectionSchema = z.object({ at: dateTime, text: text(L.text), card: optional(cardSchema) });
const entries = <T extends z.ZodType>(schema: T) => z.array(schema).max(L.entries, atMostItems(L.entries));

const goalSchema = z.object({
  id: nonEmpty(L.id),
  text: text(L.text),
  tool: toolSchema.nullable(),
  comfort: optional(z.enum(COMFORT_LEVELS, oneOf(COMFORT_LEVELS))),
  progress: z.enum(GOAL_PROGRESS, oneOf(GOAL_PROGRESS)),
  saved: entries(savedSchema),
  reflections: entries(reflectionSchema),
});

const pingSchema = z.object({
  createdAt: dateTime,
  tool: toolSchema,
  page: text(L.page).nullable(),
  message: text(L.text),
  urgency: z.enum(URGENCIES, oneOf(URGENCIES)),
});

export const growthPlanSchema = z.object({
  type: z.literal('growth-plan', { error: (issue) => `must be "growth-plan", not ${describeValue(issue.input)}` }),
  id: nonEmpty(L.id),
  createdAt: dateTime,
  // A teacher who has not set a name still shares a plan; the studio says so.
  teacher: z.object({ name: text(L.name), school: optional(text(L.name)) }),
  period: z.object({ since: day.nullable(), nextMeeting: day.nullable() }),
  goals: z.array(goalSchema).max(L.goals, atMostItems(L.goals)),
  saved: entries(savedSchema),
  reflections: entries(reflectionSchema),
  pings: entries(pingSchema),
  omitted: z.object({ saved: count, reflections: count, pings: count }),
});

type Parsed = z.infer<typeof growthPlanSchema>;

export type ParseGrowthPlanResult = { ok: true; plan: GrowthPlanPayload } | { ok: false; errors: string[] };

/**
 * Checks one value against the documented payload. Never throws; every error starts with the
 * path of the bad field (`goals[2].progress: must be one of …`). Only documented fields are
 * kept, in the order the payload declares them.
 */
export function parseGrowthPlan(value: unknown): ParseGrowthPlanResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      errors: [`${WHOLE}: must be a growth plan (a JSON object with "type": "growth-plan"), not ${describeValue(value)}`],
    };
  }
  const parsed = growthPlanSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues, value, WHOLE) };
  return { ok: true, plan: toPayload(parsed.data) };
}

function tool(value: { id: string; name: string }): { id: string; name: string } {
  return { id: value.id, name: value.name };
}

function card(value: PlanCardRef): PlanCardRef {
  return { id: value.id, title: value.title, pack: value.pack };
}

function saved(value: Parsed['saved'][number]): PlanSavedEntry {
  const entry: PlanSavedEntry = { savedAt: value.savedAt, note: value.note };
  if (value.card) entry.card = card(value.card);
  if (value.ping) {
    const { createdAt, page, message } = value.ping;
    entry.ping = { createdAt, tool: tool(value.ping.tool), page, message };
  }
  return entry;
}

function reflection(value: Parsed['reflections'][number]): PlanReflection {
  const entry: PlanReflection = { at: value.at, text: value.text };
  if (value.card) entry.card = card(value.card);
  return entry;
}

function goal(value: Parsed['goals'][number]): PlanGoal {
  return {
    id: value.id,
    text: value.text,
    tool: value.tool ? tool(value.tool) : null,
    ...(value.comfort ? { comfort: value.comfort } : {}),
    progress: value.progress,
    saved: value.saved.map(saved),
    reflections: value.reflections.map(reflection),
  };
}

function ping(value: Parsed['pings'][number]): PlanPing {
  return { createdAt: value.createdAt, tool: tool(value.tool), page: value.page, message: value.message, urgency: value.urgency };
}

/** Optional fields set only when present, so a plan read back equals the plan that was sent. */
function toPayload(data: Parsed): GrowthPlanPayload {
  const teacher: GrowthPlanPayload['teacher'] = { name: data.teacher.name };
  if (typeof data.teacher.school === 'string') teacher.school = data.teacher.school;
  return {
    type: 'growth-plan',
    id: data.id,
    createdAt: data.createdAt,
    teacher,
    period: { since: data.period.since, nextMeeting: data.period.nextMeeting },
    goals: data.goals.map(goal),
    saved: data.saved.map(saved),
    reflections: data.reflections.map(reflection),
    pings: data.pings.map(ping),
    omitted: { saved: data.omitted.saved, reflections: data.omitted.reflections, pings: data.omitted.pings },
  };
}
