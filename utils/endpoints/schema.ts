import { z } from 'zod';
import { GAP_KINDS, MAX_CARD_STEP, URGENCIES, type OutgoingPayload } from './types';
import { JSON_LIMITS } from './json';
import { parseGrowthPlan } from '../plan/schema';
import { describeValue, formatIssues } from '../platform/json-file';

/**
 * The generic JSON payloads as a receiver checks them (the Hub's POST /v1/events): the same
 * fields and caps the extension sends (JSON_LIMITS), so anything the extension made passes and
 * anything else is refused with path-named errors (`tool.id: must not be empty`). Only
 * documented fields are kept.
 */

/** What an error names when no one field is to blame. */
const WHOLE = 'payload';
export const EVENT_TYPES = ['help-request', 'gap-flag', 'mentor-volunteer', 'growth-plan'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const L = JSON_LIMITS;
const lengthOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);
const atMost = (max: number, noun: string) => ({
  error: (issue: { input?: unknown }) => `must have at most ${max} ${noun} (it has ${lengthOf(issue.input)})`,
});
const oneOf = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => `must be one of ${values.join(', ')}, not ${describeValue(issue.input)}`,
});
const text = (max: number) => z.string().max(max, atMost(max, 'characters'));
const token = (max: number) => text(max).refine((value) => value.trim() !== '', 'must not be empty');
const dateTime = text(L.createdAt).refine(
  (value) => !Number.isNaN(Date.parse(value)),
  'must be a date and time such as 2026-11-24T14:32:05.120Z',
);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, atMost(max, 'entries'));

const teacher = z.object({ name: text(L.name), school: text(L.name).optional() });
const tool = z.object({ id: token(L.token), name: text(L.name) });
const base = {
  id: token(L.id),
  createdAt: dateTime,
  teacher,
  tool,
  page: z.object({ context: token(L.token).nullable(), name: text(L.name).nullable(), url: text(L.url) }),
  // The extension always sends both lists; a receiver takes a payload without them as empty.
  mentors: list(z.object({ name: text(L.name), handle: text(L.handle).optional() }), L.mentors).default([]),
};

export const helpRequestSchema = z.object({
  type: z.literal('help-request'),
  ...base,
  message: text(L.words),
  urgency: z.enum(URGENCIES, oneOf(URGENCIES)),
});

export const gapFlagSchema = z.object({
  type: z.literal('gap-flag'),
  ...base,
  kind: z.enum(GAP_KINDS, oneOf(GAP_KINDS)),
  note: text(L.words),
  card: z
    .object({
      id: token(L.token),
      title: text(L.cardTitle),
      pack: token(L.name),
      version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
      step: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be a step number from 1')
        .max(MAX_CARD_STEP, `must be at most ${MAX_CARD_STEP} (a card has at most ${MAX_CARD_STEP} steps)`)
        .optional(),
    })
    .optional(),
  searches: list(text(L.search), L.searches).default([]),
});

export const mentorVolunteerSchema = z.object({
  type: z.literal('mentor-volunteer'),
  id: token(L.id),
  createdAt: dateTime,
  teacher: z.object({ name: token(L.name), school: text(L.name).optional() }),
  handle: text(L.handle),
  tools: list(tool, L.volunteerTools).min(1, 'must list at least one tool'),
  note: text(L.volunteerNote),
});

const SCHEMAS = {
  'help-request': helpRequestSchema,
  'gap-flag': gapFlagSchema,
  'mentor-volunteer': mentorVolunteerSchema,
} as const;

export type ParseEventResult = { ok: true; payload: OutgoingPayload } | { ok: false; errors: string[] };

/** Checks one received payload against its documented type. Never throws. */
export function parseEventPayload(value: unknown): ParseEventResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`${WHOLE}: must be a JSON object with "type" and "id", not ${describeValue(value)}`] };
  }
  const type = (value as { type?: unknown }).type;
  if (type === 'growth-plan') {
    const plan = parseGrowthPlan(value);
    return plan.ok ? { ok: true, payload: plan.plan } : { ok: false, errors: plan.errors.map(renameWhole) };
  }
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type)) {
    return {
      ok: false,
      errors: [
        type === undefined
          ? `type: is missing (expected one of ${EVENT_TYPES.join(', ')})`
          : `type: must be one of ${EVENT_TYPES.join(', ')}, not ${describeValue(type)}`,
      ],
    };
  }
  const parsed = SCHEMAS[type as keyof typeof SCHEMAS].safeParse(value);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues, value, WHOLE) };
  return { ok: true, payload: parsed.data as OutgoingPayload };
}

/** The plan's own messages name the whole "plan"; as an event it is the payload. */
function renameWhole(message: string): string {
  return message.startsWith('plan: ') ? `${WHOLE}: ${message.slice('plan: '.length)}` : message;
}
