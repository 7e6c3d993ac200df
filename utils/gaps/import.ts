import { z } from 'zod';
import { GAP_KINDS, isCardStep, type GapFlagPayload } from '../endpoints/types';
import { columnOfPath, csvHeader, CSV_COLUMNS, payloadFromCsv, readCsv } from './csv';

/**
 * Reading a file of flags a coach collected at the endpoint: JSON lines or the CSV export,
 * each line checked against the documented payload, every bad line reported by its number.
 */

const str = (max: number) => z.string().max(max);
const gapFlagSchema = z.object({
  type: z.literal('gap-flag'),
  id: z.string().trim().min(1, 'must not be empty').max(200),
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time such as 2026-11-24T14:32:05.120Z'),
  teacher: z.object({ name: str(200), school: str(200).optional() }),
  tool: z.object({ id: z.string().trim().min(1, 'must not be empty').max(60), name: str(200) }),
  page: z.object({ context: str(60).nullable(), name: str(200).nullable(), url: str(4096) }),
  mentors: z.array(z.object({ name: str(200), handle: str(200).optional() })).max(100),
  kind: z.enum(GAP_KINDS),
  note: str(10_000),
  card: z
    .object({
      id: z.string().min(1, 'must not be empty').max(200),
      title: str(300),
      pack: z.string().min(1, 'must not be empty').max(200),
      version: z.number().int().min(1),
      // Read generously (a receiver may keep it as text, or null): see cardStepOf.
      step: z.unknown().optional(),
    })
    .optional(),
  searches: z.array(str(500)).max(100),
});

export interface GapImportError {
  line: number;
  message: string;
}

export interface GapImportResult {
  format: 'jsonl' | 'csv';
  gaps: GapFlagPayload[];
  /** Every line that could not be read, by line number; the other lines are in `gaps`. */
  errors: GapImportError[];
  /** Lines repeating a flag already read (the same id): endpoints may log a retried delivery twice. */
  duplicates: number;
}

/**
 * Flags collected at the endpoint: JSON lines (one payload per line, exactly as the generic
 * JSON endpoint receives them) or the CSV gapsToCsv writes. Bad lines are reported with their
 * line numbers and the rest are kept. Only the payload's documented fields are kept.
 */
export function parseGapImport(text: string): GapImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r\n|\r|\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return firstLine.trim().startsWith('{') ? parseJsonLines(body) : parseCsvExport(body);
}

/**
 * Flags already read as values (a Hub's list), each checked as one line of a file would be; a
 * bad one is reported by its position (1-based) and the rest are kept.
 */
export function parseGapFlags(values: readonly unknown[]): GapImportResult {
  const result: GapImportResult = { format: 'jsonl', gaps: [], errors: [], duplicates: 0 };
  const seen = new Set<string>();
  values.forEach((value, index) => accept(result, seen, index + 1, value, (path) => path));
  return result;
}

function parseJsonLines(text: string): GapImportResult {
  const result: GapImportResult = { format: 'jsonl', gaps: [], errors: [], duplicates: 0 };
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      result.errors.push({ line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    accept(result, seen, line, value, (path) => path);
  });
  return result;
}

function parseCsvExport(text: string): GapImportResult {
  const result: GapImportResult = { format: 'csv', gaps: [], errors: [], duplicates: 0 };
  const [header, ...records] = readCsv(text);
  if (!header) return result;
  if ('error' in header) {
    result.errors.push({ line: header.line, message: header.error });
    return result;
  }
  const { index, missing } = csvHeader(header.fields);
  if (missing.length > 0) {
    result.errors.push({
      line: header.line,
      message: `not a flag export: expected JSON lines, or CSV whose first line names the columns (${CSV_COLUMNS.join(', ')}); missing ${missing.join(', ')}`,
    });
    return result;
  }
  const seen = new Set<string>();
  for (const record of records) {
    if ('error' in record) {
      result.errors.push({ line: record.line, message: record.error });
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      result.errors.push({ line: record.line, message: `has ${record.fields.length} fields; the header has ${header.fields.length}` });
      continue;
    }
    const candidate = payloadFromCsv(record.fields, index);
    if (typeof candidate === 'string') {
      result.errors.push({ line: record.line, message: candidate });
      continue;
    }
    accept(result, seen, record.line, candidate, columnOfPath);
  }
  return result;
}

/** Validates one candidate and keeps it, or records why not. */
function accept(result: GapImportResult, seen: Set<string>, line: number, value: unknown, name: (path: string) => string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    result.errors.push({ line, message: 'not a gap flag (expected a JSON object)' });
    return;
  }
  const type = (value as { type?: unknown }).type;
  if (type !== 'gap-flag') {
    result.errors.push({ line, message: `not a gap flag (type is ${JSON.stringify(type) ?? 'missing'})` });
    return;
  }
  // A receiver may store "no card" as null; the payload simply has no card then.
  const input = (value as { card?: unknown }).card === null ? { ...value, card: undefined } : value;
  const parsed = gapFlagSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${name(path)}: ${issue.message}` : issue.message;
    });
    result.errors.push({ line, message: issues.join('; ') });
    return;
  }
  if (seen.has(parsed.data.id)) {
    result.duplicates += 1;
    return;
  }
  seen.add(parsed.data.id);
  result.gaps.push(normalisePayload(parsed.data));
}

/** Optional fields set only when present, in the order the generic JSON format writes them. */
function normalisePayload(data: z.infer<typeof gapFlagSchema>): GapFlagPayload {
  const payload: GapFlagPayload = {
    type: 'gap-flag',
    id: data.id,
    createdAt: data.createdAt,
    teacher: data.teacher.school === undefined ? { name: data.teacher.name } : { name: data.teacher.name, school: data.teacher.school },
    tool: { id: data.tool.id, name: data.tool.name },
    page: { context: data.page.context, name: data.page.name, url: data.page.url },
    mentors: data.mentors.map((mentor) =>
      mentor.handle === undefined ? { name: mentor.name } : { name: mentor.name, handle: mentor.handle },
    ),
    kind: data.kind,
    note: data.note,
    searches: [...data.searches],
  };
  if (data.card) {
    payload.card = { id: data.card.id, title: data.card.title, pack: data.card.pack, version: data.card.version };
    const step = cardStepOf(data.card.step);
    if (step !== undefined) payload.card.step = step;
  }
  return payload;
}

/**
 * A flag's step number as a receiver may have kept it: a number, or its digits as text. One that
 * is no step of a card (0, 16, "first") is left out rather than costing the line: the flag still
 * counts for its card as a whole.
 */
function cardStepOf(value: unknown): number | undefined {
  const step = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return isCardStep(step) ? step : undefined;
}
