import { parseTree } from 'jsonc-parser';
import type { GrowthPlanPayload } from '../endpoints/types';
import { db as defaultDb, type CoachmarkDB, type SharedPlanRecord } from '../platform/db';
import { readJsonText } from '../platform/json-file';
import { parseGrowthPlan } from './schema';

/**
 * The coach's side of growth plans: plans teachers chose to share, read from a file the coach
 * collected (the endpoint's log, or a plan a teacher downloaded), kept in `sharedPlans` and
 * grouped per teacher. Only plans imported here exist for the studio; nothing is inferred about
 * teachers who shared none.
 */

/**
 * One teacher, however their name was typed from plan to plan: name and school trimmed, inner
 * spaces collapsed, case folded. Accents stay (José and Jose may be two people); only the
 * composed and decomposed spellings of one accent are made the same.
 */
export function teacherKey(teacher: { name: string; school?: string }): string {
  const fold = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();
  // Whitespace is collapsed to spaces, so a line break cannot occur in either part.
  return `${fold(teacher.name)}\n${fold(teacher.school ?? '')}`;
}

/** Where a bad entry is: a line of JSON lines, an entry of an array (0-based, with its line), or the file itself. */
export type SharedPlanPlace = { kind: 'line'; line: number } | { kind: 'entry'; index: number; line: number } | { kind: 'file' };

export interface SharedPlanError {
  place: SharedPlanPlace;
  /** Path-named messages: `goals[2].progress: must be one of …`. */
  errors: string[];
}

export interface SharedPlanParseResult {
  format: 'object' | 'array' | 'jsonl';
  plans: GrowthPlanPayload[];
  errors: SharedPlanError[];
  /** Payloads of other types (help requests, gap flags…) that the endpoint logged beside the plans. */
  skipped: number;
  /** Entries repeating a plan already read from this file (an endpoint may log a retried delivery twice). */
  duplicates: number;
}

const WHAT_A_PLAN_FILE_IS = 'a plan file is one growth-plan payload, an array of them, or JSON lines with one payload per line';

/**
 * A file of shared plans: one plan (a JSON object), an array of plans, or JSON lines (one
 * payload per line, exactly as the generic JSON endpoint logs them). Lines of other payload
 * types are skipped and counted; every bad entry is reported by its line or index with
 * path-named errors, and the good ones are kept.
 */
export function parseSharedPlans(text: string): SharedPlanParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const whole = readJsonText(body, WHAT_A_PLAN_FILE_IS);
  if (!whole.ok && looksLikeJsonLines(lines)) return parseJsonLines(lines);

  const result = emptyResult('object');
  if (!whole.ok) {
    result.errors.push({ place: { kind: 'file' }, errors: whole.errors });
    return result;
  }
  const reader = new Reader(result);
  if (Array.isArray(whole.value)) {
    result.format = 'array';
    const starts = entryLines(body);
    whole.value.forEach((value, index) => reader.accept(value, { kind: 'entry', index, line: starts[index] ?? 1 }));
  } else {
    reader.accept(whole.value, { kind: 'file' });
  }
  return result;
}

/**
 * Several lines, the first one a whole object: JSON lines, read line by line so that one bad
 * line costs only itself. (A pretty-printed plan that does not parse starts with a line that is
 * only "{", and is reported as one file with the position of its syntax error.)
 */
function looksLikeJsonLines(lines: readonly string[]): boolean {
  const filled = lines.map((line) => line.trim()).filter((line) => line !== '');
  return filled.length > 1 && filled[0]!.startsWith('{') && filled[0] !== '{';
}

function emptyResult(format: SharedPlanParseResult['format']): SharedPlanParseResult {
  return { format, plans: [], errors: [], skipped: 0, duplicates: 0 };
}

function parseJsonLines(lines: readonly string[]): SharedPlanParseResult {
  const result = emptyResult('jsonl');
  const reader = new Reader(result);
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const place: SharedPlanPlace = { kind: 'line', line: index + 1 };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      result.errors.push({ place, errors: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] });
      return;
    }
    reader.accept(value, place);
  });
  return result;
}

/** The line each top-level entry of a JSON array starts on (the text is known to be valid JSON). */
function entryLines(text: string): number[] {
  const starts: number[] = [];
  const children = parseTree(text)?.children ?? [];
  let line = 1;
  let at = 0;
  for (const child of children) {
    for (; at < child.offset; at++) if (text.charCodeAt(at) === 10) line++;
    starts.push(line);
  }
  return starts;
}

/** Checks entries one by one, keeping plans, counting other payloads and repeats, recording errors. */
class Reader {
  private readonly seen = new Set<string>();
  constructor(private readonly result: SharedPlanParseResult) {}

  accept(value: unknown, place: SharedPlanPlace): void {
    const type = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    // The endpoint logs every payload the extension sends; what is not a plan is not the coach's concern here.
    if (typeof type === 'string' && type !== 'growth-plan') {
      this.result.skipped += 1;
      return;
    }
    const parsed = parseGrowthPlan(value);
    if (!parsed.ok) {
      this.result.errors.push({ place, errors: parsed.errors });
      return;
    }
    if (this.seen.has(parsed.plan.id)) {
      this.result.duplicates += 1;
      return;
    }
    this.seen.add(parsed.plan.id);
    this.result.plans.push(parsed.plan);
  }
}

/**
 * Keeps the plans a coach imported, in one transaction. A plan already stored (the same id) is
 * left as it was and counted as known, so importing the same log twice changes nothing.
 */
export async function importSharedPlans(
  plans: readonly GrowthPlanPayload[],
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<{ added: number; known: number }> {
  return database.transaction('rw', database.sharedPlans, async () => {
    const existing = await database.sharedPlans.bulkGet(plans.map((plan) => plan.id));
    const fresh = new Map<string, SharedPlanRecord>();
    plans.forEach((plan, index) => {
      if (existing[index] || fresh.has(plan.id)) return;
      fresh.set(plan.id, { id: plan.id, teacherKey: teacherKey(plan.teacher), receivedAt: now, payload: plan });
    });
    await database.sharedPlans.bulkAdd([...fresh.values()]);
    return { added: fresh.size, known: plans.length - fresh.size };
  });
}

export interface TeacherPlans {
  teacherKey: string;
  /** The plan the teacher made last (by its createdAt; the later import when two tie). */
  latest: SharedPlanRecord;
  /** How many plans this teacher has shared (that were imported). */
  count: number;
}

const madeAt = (record: SharedPlanRecord) => Date.parse(record.payload.createdAt);

function isNewer(candidate: SharedPlanRecord, current: SharedPlanRecord): boolean {
  const difference = madeAt(candidate) - madeAt(current);
  return difference !== 0 ? difference > 0 : candidate.receivedAt > current.receivedAt;
}

/** Each teacher who shared a plan, with their newest one and how many they shared, by name then school. */
export async function latestPlanPerTeacher(database: CoachmarkDB = defaultDb): Promise<TeacherPlans[]> {
  const byTeacher = new Map<string, TeacherPlans>();
  await database.sharedPlans.orderBy('teacherKey').each((record) => {
    const entry = byTeacher.get(record.teacherKey);
    if (!entry) byTeacher.set(record.teacherKey, { teacherKey: record.teacherKey, latest: record, count: 1 });
    else {
      entry.count += 1;
      if (isNewer(record, entry.latest)) entry.latest = record;
    }
  });
  const name = (entry: TeacherPlans) => entry.latest.payload.teacher;
  return [...byTeacher.values()].sort(
    (a, b) =>
      name(a).name.localeCompare(name(b).name) ||
      (name(a).school ?? '').localeCompare(name(b).school ?? '') ||
      a.teacherKey.localeCompare(b.teacherKey),
  );
}

/** Every plan one teacher shared, as the coach asked; returns how many were deleted. */
export async function deleteTeacherPlans(database: CoachmarkDB, key: string): Promise<number> {
  return database.sharedPlans.where('teacherKey').equals(key).delete();
}
