import { toCardRecord, type CardRecord, type GapRecord, type Mentor, type OutboxItem, type PackRecord } from '../../utils/platform/db';
import type { PlanGoalRecord, PlanReflectionRecord, PlanSavedRecord } from '../../utils/platform/db';
import type { Card, Pack } from '../../utils/cards/schema';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import { helpRequest } from './payloads';

/**
 * Valid test objects with every field a test does not care about filled in. Each takes
 * overrides; a test names only what it is about. Cards and packs pass packSchema as they are.
 */

/** Fixed, so stored rows and snapshots compare equal from run to run. */
export const FIXED_TIME = Date.parse('2026-11-24T10:00:00.000Z');

/** A Canvas SpeedGrader card; the title and summary follow the id unless given. */
export function card(overrides: Partial<Card> = {}): Card {
  const id = overrides.id ?? 'grade-with-rubric';
  return {
    id,
    title: `Title of ${id}`,
    summary: `What ${id} is for.`,
    steps: ['Open **SpeedGrader**.'],
    tools: ['canvas'],
    contexts: ['speedgrader'],
    tags: [],
    level: 'beginner',
    links: [],
    ...overrides,
  };
}

/** A pack file as a district would publish it; no cards unless given. */
export function pack(overrides: Partial<Pack> = {}): Pack {
  const id = overrides.id ?? 'district';
  return { schemaVersion: 1, id, name: `Pack ${id}`, version: '1.0.0', cards: [], ...overrides };
}

/** A card as the store keeps it (key, pack and places derived as the store derives them). */
export function cardRecord(overrides: Partial<Card> = {}, packId = 'district', position?: number): CardRecord {
  return toCardRecord(packId, card(overrides), position);
}

/** The stored row for a pack: local unless a source is given. */
export function packRecord(overrides: Partial<PackRecord> = {}): PackRecord {
  const id = overrides.id ?? 'district';
  return { id, name: `Pack ${id}`, version: '1.0.0', source: { kind: 'local' }, cardCount: 0, updatedAt: FIXED_TIME, ...overrides };
}

/** A mentor added in the studio, reachable on Slack, for Canvas. */
export function mentor(overrides: Partial<Mentor> = {}): Mentor {
  return { id: 'mentor-ana', name: 'Ana Ruiz', handles: { slack: 'U01ANARUIZ' }, tools: ['canvas'], ...overrides };
}

/** This teacher's open "no card here" flag on Canvas SpeedGrader. */
export function gapRecord(overrides: Partial<GapRecord> = {}): GapRecord {
  return {
    id: 'gap-1',
    kind: 'missing',
    tool: 'canvas',
    context: 'speedgrader',
    note: '',
    searches: [],
    status: 'open',
    createdAt: FIXED_TIME,
    origin: 'mine',
    ...overrides,
  };
}

/** A help request waiting in the outbox for its first attempt; the payload's id follows the item's. */
export function outboxItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  const id = overrides.id ?? 'outbox-1';
  const payload: OutgoingPayload = overrides.payload ?? helpRequest({ id });
  return {
    id,
    kind: payload.type,
    payload,
    endpoint: { url: 'https://hooks.district.example/coachmark', format: 'json' },
    status: 'queued',
    attempts: 0,
    createdAt: FIXED_TIME,
    nextAttemptAt: FIXED_TIME,
    ...overrides,
  };
}

/** A goal in the teacher's growth plan: about Canvas, not started. */
export function planGoal(overrides: Partial<PlanGoalRecord> = {}): PlanGoalRecord {
  return {
    id: 'goal-1',
    text: 'Give audio feedback on every essay',
    tool: 'canvas',
    progress: 'not-started',
    createdAt: FIXED_TIME,
    ...overrides,
  };
}

/** The default card() saved for the coaching conversation, with no note and no goal. */
export function planSavedCard(overrides: Partial<PlanSavedRecord> = {}): PlanSavedRecord {
  return {
    id: 'saved-1',
    savedAt: FIXED_TIME,
    note: '',
    goalId: null,
    card: {
      key: 'district/grade-with-rubric',
      id: 'grade-with-rubric',
      title: 'Title of grade-with-rubric',
      pack: 'district',
      tools: ['canvas'],
    },
    ...overrides,
  };
}

/** A reflection written in the plan itself, linked to no goal. */
export function planReflection(overrides: Partial<PlanReflectionRecord> = {}): PlanReflectionRecord {
  return {
    id: 'reflection-1',
    at: FIXED_TIME,
    text: 'Fifth period liked hearing my comments.',
    goalId: null,
    source: 'plan',
    ...overrides,
  };
}
