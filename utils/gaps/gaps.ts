import { z } from 'zod';
import { isNewerCard } from '../cards/import';
import type { CardFeedback, CardRecord, GapRecord, GapStatus, Mentor, OutboxItem, SearchMiss } from '../platform/db';
import { GAP_KINDS, type GapFlagPayload, type GapKind, type RoutedMentor } from '../endpoints/types';
import { routeMentors, UNKNOWN_TOOL } from '../help-requests/help-request';
import { pageUrlToSend } from '../privacy/redact';
import type { Settings } from '../settings/settings';
import type { TabState } from '../tabs/tab-state';
import { contextName, toolById } from '../tools/catalog';
import type { Detection } from '../tools/types';

/**
 * Gaps: what teachers flag as missing, how a pack change closes a flag, and the coach's view
 * of them (grouping, CSV export and import). Everything here is pure; the database side is
 * in gaps-store.ts.
 */

export const GAP_LIMITS = {
  /** The chat formats cut the teacher's words at 2000 characters: the form stops there too. */
  note: 2000,
  /** Searches a flag carries: the most recent ones are enough to show what was tried. */
  searches: 10,
  search: 200,
} as const;

/** Flags about one card, closed by a newer copy of it; the others are closed by a new card. */
export type CardGapKind = 'unhelpful' | 'outdated';
export function isCardKind(kind: GapKind): kind is CardGapKind {
  return kind === 'unhelpful' || kind === 'outdated';
}

/** Statuses a pack change can still close. */
const AWAITING: ReadonlySet<GapStatus> = new Set<GapStatus>(['open', 'sent']);

// ---------------------------------------------------------------------------------------------
// Building a flag

export interface GapFlagInput {
  tabState: Pick<TabState, 'url' | 'detection'> | null;
  kind: GapKind;
  note: string;
  /** The card the flag is about (required for 'unhelpful' and 'outdated'). */
  card?: Pick<CardRecord, 'id' | 'title' | 'pack' | 'version' | 'tools'>;
  /** Searches on this page that found nothing, newest first, as the teacher typed them. */
  searches: readonly string[];
  settings: Pick<Settings, 'teacherName' | 'schoolName' | 'endpointFormat'>;
  mentors: readonly Mentor[];
  /** UUID, also the Idempotency-Key. */
  id: string;
  /** Epoch ms. */
  now: number;
  /** The teacher ticked "Include the full page address" for this one flag. */
  includeFullUrl: boolean;
}

/**
 * The flag exactly as the outbox will send it (the preview shows this object). Same privacy
 * rules as a ping: the page is its type and a redacted path unless the teacher chose otherwise.
 */
export function buildGapFlag(input: GapFlagInput): GapFlagPayload {
  const aboutCard = isCardKind(input.kind);
  if (aboutCard && !input.card) throw new Error(`A "${input.kind}" flag needs the card it is about.`);
  const detection = input.tabState?.detection ?? null;
  // On a page Coachmark does not know, a card flag is still about the card's own tool.
  const toolId = detection?.tool ?? (aboutCard ? input.card?.tools[0] : undefined);
  const tool = toolId ? { id: toolId, name: toolById(toolId)?.name ?? toolId } : { ...UNKNOWN_TOOL };
  const context = detection && detection.tool === tool.id ? detection.context : null;
  const url = input.tabState?.url ?? '';
  const school = input.settings.schoolName.trim();
  const payload: GapFlagPayload = {
    type: 'gap-flag',
    id: input.id,
    createdAt: new Date(input.now).toISOString(),
    teacher: school ? { name: input.settings.teacherName.trim(), school } : { name: input.settings.teacherName.trim() },
    tool,
    page: {
      context,
      name: contextName(tool.id, context),
      url: pageUrlToSend(url, input.includeFullUrl),
    },
    mentors: routeMentors(input.mentors, tool.id, input.settings.endpointFormat),
    kind: input.kind,
    note: cutText(input.note.trim(), GAP_LIMITS.note),
    searches: cleanSearches(input.searches),
  };
  if (aboutCard && input.card) {
    const { id, title, pack, version } = input.card;
    payload.card = { id, title, pack, version: version ?? 1 };
  }
  return payload;
}

function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') : text;
}

/** Newest first, one line each, no repeats (ignoring case and spacing), a few at most. */
export function cleanSearches(searches: readonly string[], max: number = GAP_LIMITS.searches): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const search of searches) {
    const line = cutText(search.replace(/\s+/g, ' ').trim(), GAP_LIMITS.search);
    const key = line.toLowerCase();
    if (!line || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    if (out.length >= max) break;
  }
  return out;
}

/** The stored record for a flag, mine or imported. */
export function gapRecordFromPayload(
  payload: GapFlagPayload,
  options: { origin: GapRecord['origin']; status?: GapStatus; baseline?: GapRecord['baseline']; queuedAt?: number },
): GapRecord {
  const record: GapRecord = {
    id: payload.id,
    kind: payload.kind,
    tool: payload.tool.id,
    context: payload.page.context,
    note: payload.note,
    searches: [...payload.searches],
    status: options.status ?? 'open',
    createdAt: parseTime(payload.createdAt),
    origin: options.origin,
    payload,
  };
  if (payload.card) {
    record.cardKey = `${payload.card.pack}/${payload.card.id}`;
    record.cardId = payload.card.id;
    record.cardVersion = payload.card.version;
  }
  if (payload.teacher.name) record.teacher = payload.teacher.name;
  if (payload.teacher.school) record.school = payload.teacher.school;
  if (options.baseline) record.baseline = options.baseline;
  if (options.queuedAt !== undefined) record.queuedAt = options.queuedAt;
  return record;
}

function parseTime(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/** The payload of a stored flag: the one sent or imported, or one rebuilt from the record. */
export function gapToPayload(gap: GapRecord): GapFlagPayload {
  if (gap.payload) return gap.payload;
  const payload: GapFlagPayload = {
    type: 'gap-flag',
    id: gap.id,
    createdAt: new Date(gap.createdAt).toISOString(),
    teacher: gap.school ? { name: gap.teacher ?? '', school: gap.school } : { name: gap.teacher ?? '' },
    tool: { id: gap.tool, name: toolById(gap.tool)?.name ?? gap.tool },
    page: { context: gap.context, name: contextName(gap.tool, gap.context), url: '' },
    mentors: [],
    kind: gap.kind,
    note: gap.note,
    searches: [...gap.searches],
  };
  if (gap.cardId && gap.cardKey) {
    const pack = gap.cardKey.slice(0, gap.cardKey.length - gap.cardId.length - 1);
    payload.card = { id: gap.cardId, title: gap.cardId, pack, version: gap.cardVersion ?? 1 };
  }
  return payload;
}

// ---------------------------------------------------------------------------------------------
// Closing the loop: which flags a pack change addresses

/** Where a flag is about: `tool/context`, or `tool/*` for a flag about the tool as a whole. */
export function gapPlace(gap: Pick<GapRecord, 'tool' | 'context'>): string {
  return `${gap.tool}/${gap.context ?? '*'}`;
}

export type VersionedCard = Pick<CardRecord, 'key' | 'places' | 'version' | 'updatedAt'>;
export type GapForAddressing = Pick<GapRecord, 'id' | 'kind' | 'tool' | 'context' | 'cardKey' | 'cardVersion' | 'status'>;

export interface Addressing {
  gapId: string;
  /** The card that answers the flag (the first by key when several do). */
  cardKey: string;
}

/**
 * The open or sent flags that going from `before` to `after` addresses:
 * - "no card" and "search found nothing": a card for the flag's page that was not for that page
 *   before (a new card, or one that now also covers the page). A flag about no particular page
 *   is answered by a new tool-wide card.
 * - "didn't help" and "out of date": a newer copy of the flagged card (higher version, or the
 *   same version with a later updatedAt), compared with the copy before, or the flagged version.
 */
export function findAddressed(
  gaps: readonly GapForAddressing[],
  before: readonly VersionedCard[],
  after: readonly VersionedCard[],
): Addressing[] {
  const beforeByKey = new Map(before.map((card) => [card.key, card]));
  const afterByKey = new Map(after.map((card) => [card.key, card]));
  const found: Addressing[] = [];
  for (const gap of gaps) {
    if (!AWAITING.has(gap.status)) continue;
    const cardKey = isCardKind(gap.kind) ? newerCopy(gap, beforeByKey, afterByKey) : newCardForPlace(gap, beforeByKey, after);
    if (cardKey) found.push({ gapId: gap.id, cardKey });
  }
  return found;
}

function newerCopy(gap: GapForAddressing, before: Map<string, VersionedCard>, after: Map<string, VersionedCard>): string | null {
  if (!gap.cardKey) return null;
  const current = after.get(gap.cardKey);
  if (!current) return null;
  const flagged = before.get(gap.cardKey) ?? { version: gap.cardVersion };
  return isNewerCard(current, flagged) ? current.key : null;
}

function newCardForPlace(gap: GapForAddressing, before: Map<string, VersionedCard>, after: readonly VersionedCard[]): string | null {
  const place = gapPlace(gap);
  let best: string | null = null;
  for (const card of after) {
    if (!card.places.includes(place)) continue;
    if (before.get(card.key)?.places.includes(place)) continue;
    if (best === null || card.key < best) best = card.key;
  }
  return best;
}

/** A flag's baseline as cards, for findAddressed: the cards that were already there for it. */
export function baselineCards(gap: Pick<GapRecord, 'kind' | 'tool' | 'context' | 'baseline'>): VersionedCard[] {
  const places = isCardKind(gap.kind) ? [] : [gapPlace(gap)];
  return (gap.baseline ?? []).map((stamp) => ({ ...stamp, places }));
}

// ---------------------------------------------------------------------------------------------
// The teacher's view

export type FlagState = 'open' | 'sent' | 'addressed' | 'resolved';

/** A flag's state in one word: sent as soon as its outbox item is delivered. */
export function flagState(gap: Pick<GapRecord, 'status'>, item?: Pick<OutboxItem, 'status'>): FlagState {
  if (gap.status === 'addressed' || gap.status === 'resolved') return gap.status;
  if (gap.status === 'sent' || item?.status === 'sent') return 'sent';
  return 'open';
}

/** How long a card that answered a flag leads the page's list. */
export const ADDRESSED_FIRST_MS = 14 * 24 * 60 * 60_000;

/**
 * The cards that answered this teacher's flags about this page (or about the tool as a whole),
 * most recently addressed first, so the page's list can show them first.
 */
export function addressingCardKeys(gaps: readonly GapRecord[], detection: Detection | null, now: number): string[] {
  if (!detection) return [];
  const keys: string[] = [];
  const relevant = gaps
    .filter(
      (gap) =>
        gap.origin === 'mine' &&
        gap.status === 'addressed' &&
        gap.addressedByCardKey &&
        gap.tool === detection.tool &&
        (gap.context === null || gap.context === detection.context) &&
        now - (gap.addressedAt ?? 0) <= ADDRESSED_FIRST_MS,
    )
    .sort((a, b) => (b.addressedAt ?? 0) - (a.addressedAt ?? 0));
  for (const gap of relevant) if (!keys.includes(gap.addressedByCardKey!)) keys.push(gap.addressedByCardKey!);
  return keys;
}

/** `cards` with those whose key is in `keys` moved to the front, in the order of `keys`. */
export function putCardsFirst<T extends { key: string }>(cards: readonly T[], keys: readonly string[]): T[] {
  if (keys.length === 0) return [...cards];
  const rank = new Map(keys.map((key, index) => [key, index]));
  const first = cards.filter((card) => rank.has(card.key)).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return [...first, ...cards.filter((card) => !rank.has(card.key))];
}

// ---------------------------------------------------------------------------------------------
// The coach's view

export interface GapGroup {
  /** `tool/context`, or `tool/*`. */
  key: string;
  tool: string;
  context: string | null;
  toolName: string;
  pageName: string | null;
  /** Flags in the group. */
  count: number;
  /** Flags not yet resolved. */
  unresolved: number;
  kinds: Partial<Record<GapKind, number>>;
  /** The most recent note anyone wrote (flags without a note are skipped). */
  newestNote: { text: string; at: number } | null;
  /** Time of the newest flag or search in the group. */
  latestAt: number;
  /** Searches that found nothing, from the flags and from this device, most frequent first. */
  searches: Array<{ query: string; count: number }>;
  /** Cards flagged as unhelpful or out of date in this group. */
  cards: Array<{ key: string; title: string; count: number }>;
  gapIds: string[];
}

/**
 * Flags (and searches that found nothing on this device) grouped by tool and page: the pages
 * with the most unresolved flags first.
 */
export function groupGaps(gaps: readonly GapRecord[], misses: readonly SearchMiss[] = []): GapGroup[] {
  const groups = new Map<string, GapGroup & { searchCounts: Map<string, { query: string; count: number }> }>();
  const groupFor = (tool: string, context: string | null, names?: { tool?: string; page?: string | null }) => {
    const key = gapPlace({ tool, context });
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        tool,
        context,
        toolName: toolById(tool)?.name ?? names?.tool ?? tool,
        pageName: contextName(tool, context) ?? names?.page ?? context,
        count: 0,
        unresolved: 0,
        kinds: {},
        newestNote: null,
        latestAt: 0,
        searches: [],
        cards: [],
        gapIds: [],
        searchCounts: new Map(),
      };
      groups.set(key, group);
    }
    return group;
  };
  const addSearch = (group: ReturnType<typeof groupFor>, query: string, at: number) => {
    const line = query.replace(/\s+/g, ' ').trim();
    if (!line) return;
    const key = line.toLowerCase();
    const entry = group.searchCounts.get(key);
    if (entry) entry.count += 1;
    else group.searchCounts.set(key, { query: line, count: 1 });
    group.latestAt = Math.max(group.latestAt, at);
  };

  for (const gap of gaps) {
    const group = groupFor(gap.tool, gap.context, { tool: gap.payload?.tool.name, page: gap.payload?.page.name });
    group.count += 1;
    if (gap.status !== 'resolved') group.unresolved += 1;
    group.kinds[gap.kind] = (group.kinds[gap.kind] ?? 0) + 1;
    group.gapIds.push(gap.id);
    group.latestAt = Math.max(group.latestAt, gap.createdAt);
    const note = gap.note.trim();
    if (note && (!group.newestNote || gap.createdAt > group.newestNote.at)) group.newestNote = { text: note, at: gap.createdAt };
    for (const search of gap.searches) addSearch(group, search, gap.createdAt);
    if (gap.cardKey && isCardKind(gap.kind)) {
      const existing = group.cards.find((card) => card.key === gap.cardKey);
      if (existing) existing.count += 1;
      else group.cards.push({ key: gap.cardKey, title: gap.payload?.card?.title ?? gap.cardId ?? gap.cardKey, count: 1 });
    }
  }
  for (const miss of misses) {
    if (!miss.tool) continue;
    addSearch(groupFor(miss.tool, miss.context), miss.query, miss.at);
  }

  return [...groups.values()]
    .map(({ searchCounts, ...group }) => ({
      ...group,
      searches: [...searchCounts.values()].sort((a, b) => b.count - a.count || a.query.localeCompare(b.query)),
      cards: group.cards.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    }))
    .sort((a, b) => b.unresolved - a.unresolved || b.count - a.count || b.latestAt - a.latestAt || a.key.localeCompare(b.key));
}

/** Today's date (YYYY-MM-DD) on this device's calendar, the way reviewBy dates are written. */
export function localDate(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Cards whose review-by date has passed, the most overdue first. */
export function cardsPastReview<T extends Pick<CardRecord, 'key' | 'reviewBy'>>(cards: readonly T[], today: string): T[] {
  return cards
    .filter((card) => card.reviewBy !== undefined && card.reviewBy < today)
    .sort((a, b) => a.reviewBy!.localeCompare(b.reviewBy!) || a.key.localeCompare(b.key));
}

export interface UnhelpfulCount {
  cardKey: string;
  /** "Didn't help" marks on this device (db.feedback). */
  votes: number;
  /** "This card didn't help" flags, the teacher's own and imported ones. */
  flags: number;
  total: number;
}

/** The cards most often marked or flagged as unhelpful, most first. */
export function mostUnhelpful(feedback: readonly CardFeedback[], gaps: readonly GapRecord[], limit = 10): UnhelpfulCount[] {
  const counts = new Map<string, UnhelpfulCount>();
  const entry = (cardKey: string) => {
    let found = counts.get(cardKey);
    if (!found) {
      found = { cardKey, votes: 0, flags: 0, total: 0 };
      counts.set(cardKey, found);
    }
    return found;
  };
  for (const mark of feedback) {
    if (mark.helpful !== 'no') continue;
    const found = entry(mark.cardKey);
    found.votes += 1;
    found.total += 1;
  }
  for (const gap of gaps) {
    if (gap.kind !== 'unhelpful' || !gap.cardKey) continue;
    const found = entry(gap.cardKey);
    found.flags += 1;
    found.total += 1;
  }
  return [...counts.values()].sort((a, b) => b.total - a.total || a.cardKey.localeCompare(b.cardKey)).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// CSV export and import of flags

/** The export's columns, one per payload field (mentors as "Name <handle>" lines). */
export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'kind',
  'toolId',
  'toolName',
  'context',
  'pageName',
  'pageUrl',
  'teacherName',
  'school',
  'note',
  'searches',
  'cardId',
  'cardTitle',
  'cardPack',
  'cardVersion',
  'mentors',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'createdAt', 'kind', 'toolId'];

/** Where a payload field lives in the CSV, so an error names the column the coach sees. */
const COLUMN_OF_PATH: Record<string, CsvColumn> = {
  'tool.id': 'toolId',
  'tool.name': 'toolName',
  'page.context': 'context',
  'page.name': 'pageName',
  'page.url': 'pageUrl',
  'teacher.name': 'teacherName',
  'teacher.school': 'school',
  'card.id': 'cardId',
  'card.title': 'cardTitle',
  'card.pack': 'cardPack',
  'card.version': 'cardVersion',
};

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a leading
 * apostrophe, and so does one that already starts with an apostrophe, so import can remove
 * exactly one and get the text back.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || /^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function unguard(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

function mentorLine(mentor: RoutedMentor): string {
  const name = mentor.name.replace(/\s+/g, ' ').trim();
  return mentor.handle ? `${name} <${mentor.handle}>` : name;
}

function csvRow(payload: GapFlagPayload): Record<CsvColumn, string> {
  return {
    id: payload.id,
    createdAt: payload.createdAt,
    kind: payload.kind,
    toolId: payload.tool.id,
    toolName: payload.tool.name,
    context: payload.page.context ?? '',
    pageName: payload.page.name ?? '',
    pageUrl: payload.page.url,
    teacherName: payload.teacher.name,
    school: payload.teacher.school ?? '',
    note: payload.note,
    // Searches are single lines (the search box has no newlines): one per line in the cell.
    searches: payload.searches.join('\n'),
    cardId: payload.card?.id ?? '',
    cardTitle: payload.card?.title ?? '',
    cardPack: payload.card?.pack ?? '',
    cardVersion: payload.card ? String(payload.card.version) : '',
    mentors: payload.mentors.map(mentorLine).join('\n'),
  };
}

/** RFC 4180 CSV (CRLF between records, quotes doubled), one row per flag, with a header. */
export function gapsToCsv(gaps: readonly GapFlagPayload[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const gap of gaps) {
    const row = csvRow(gap);
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * Reads RFC 4180 CSV, giving each record the line it starts on. A broken record (a quote never
 * closed, text after a closing quote) is reported and reading resumes on the next line, so
 * one bad row does not cost the rest. Blank lines are skipped.
 */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const startPos = pos;
    const startLine = line;
    const fields: string[] = [];
    let error: string | null = null;
    for (;;) {
      let value = '';
      if (text[pos] === '"') {
        pos += 1;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', pos);
          if (quote === -1) break;
          const chunk = text.slice(pos, quote);
          value += chunk;
          line += countLineBreaks(chunk);
          if (text[quote + 1] === '"') {
            value += '"';
            pos = quote + 2;
            continue;
          }
          pos = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          error = 'a quoted field is never closed (a " is missing)';
          break;
        }
        const next = text[pos];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          error = 'text after a closing quote (a " inside a field must be written "")';
          break;
        }
      } else {
        let end = pos;
        while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end += 1;
        value = text.slice(pos, end);
        pos = end;
      }
      fields.push(value);
      if (text[pos] === ',') {
        pos += 1;
        continue;
      }
      if (text[pos] === '\r') {
        pos += text[pos + 1] === '\n' ? 2 : 1;
        line += 1;
      } else if (text[pos] === '\n') {
        pos += 1;
        line += 1;
      }
      break;
    }
    if (error) {
      records.push({ line: startLine, error });
      pos = afterLineBreak(text, startPos);
      line = startLine + 1;
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: startLine, fields });
  }
  return records;
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function afterLineBreak(text: string, from: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = from;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

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
  const records = readCsv(text);
  const header = records[0];
  if (!header) return result;
  if ('error' in header) {
    result.errors.push({ line: header.line, message: header.error });
    return result;
  }
  const index = new Map<string, number>();
  header.fields.forEach((name, position) => {
    const column = CSV_COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, position);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) {
    result.errors.push({
      line: header.line,
      message: `not a flag export: expected JSON lines, or CSV whose first line names the columns (${CSV_COLUMNS.join(', ')}); missing ${missing.join(', ')}`,
    });
    return result;
  }
  const seen = new Set<string>();
  for (const record of records.slice(1)) {
    if ('error' in record) {
      result.errors.push({ line: record.line, message: record.error });
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      result.errors.push({ line: record.line, message: `has ${record.fields.length} fields; the header has ${header.fields.length}` });
      continue;
    }
    const get = (column: CsvColumn) => {
      const position = index.get(column);
      return position === undefined ? '' : unguard(record.fields[position] ?? '');
    };
    const candidate = payloadFromCsv(get);
    if (typeof candidate === 'string') {
      result.errors.push({ line: record.line, message: candidate });
      continue;
    }
    accept(result, seen, record.line, candidate, (path) => COLUMN_OF_PATH[path] ?? path.replace(/\.\d+$|\.\d+\..*$/, ''));
  }
  return result;
}

/** The payload a CSV row describes, or an error in words. */
function payloadFromCsv(get: (column: CsvColumn) => string): Record<string, unknown> | string {
  const toolId = get('toolId');
  const school = get('school');
  const cardId = get('cardId');
  const candidate: Record<string, unknown> = {
    type: 'gap-flag',
    id: get('id'),
    createdAt: get('createdAt'),
    teacher: school ? { name: get('teacherName'), school } : { name: get('teacherName') },
    tool: { id: toolId, name: get('toolName') || toolId },
    page: { context: get('context') || null, name: get('pageName') || null, url: get('pageUrl') },
    mentors: splitLines(get('mentors')).map(parseMentor),
    kind: get('kind'),
    note: get('note'),
    searches: splitLines(get('searches')),
  };
  if (cardId) {
    const version = get('cardVersion').trim() || '1';
    if (!/^\d+$/.test(version) || Number(version) < 1) return `cardVersion: must be a whole number from 1, not "${version}"`;
    candidate.card = { id: cardId, title: get('cardTitle'), pack: get('cardPack'), version: Number(version) };
  }
  return candidate;
}

function splitLines(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function parseMentor(line: string): RoutedMentor {
  const match = /^(.*?)\s*<([^<>]*)>$/.exec(line);
  if (!match) return { name: line };
  const name = match[1]!.trim();
  const handle = match[2]!.trim();
  return handle ? { name, handle } : { name };
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
  if (data.card) payload.card = { id: data.card.id, title: data.card.title, pack: data.card.pack, version: data.card.version };
  return payload;
}
