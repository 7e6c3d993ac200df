import { browser } from 'wxt/browser';
import { db as defaultDb, type CardFeedback, type CardRecord, type CoachmarkDB, type SearchMiss } from '../platform/db';
import type { Level } from './schema';

/**
 * The teacher's own relationship with the cards: comfort level per tool, "I know this",
 * "Was this helpful?", recently viewed, and searches that found nothing. All of it stays on
 * this device (storage.local and the Dexie database); nothing here is ever sent.
 */

// ---------------------------------------------------------------------------------------------
// Comfort level and ordering

export const COMFORT_LEVELS = ['new', 'comfortable', 'expert'] as const;
export type Comfort = (typeof COMFORT_LEVELS)[number];
/** Until the teacher says otherwise the library's order stands (see LEVEL_RANK). */
export const DEFAULT_COMFORT: Comfort = 'comfortable';

/**
 * Lower ranks come first. New: the basics first. Comfortable: the library's order, advanced
 * cards after the rest. Expert: advanced first, beginner last.
 */
const LEVEL_RANK: Record<Comfort, Record<Level, number>> = {
  new: { beginner: 0, intermediate: 1, advanced: 2 },
  comfortable: { beginner: 0, intermediate: 0, advanced: 1 },
  expert: { advanced: 0, intermediate: 1, beginner: 2 },
};

export type FeedbackLookup = ReadonlyMap<string, CardFeedback>;

/** Feedback records by card key, for the ordering and grouping functions below. */
export function feedbackByKey(feedback: Iterable<CardFeedback>): Map<string, CardFeedback> {
  const map = new Map<string, CardFeedback>();
  for (const entry of feedback) map.set(entry.cardKey, entry);
  return map;
}

function asLookup(feedback: FeedbackLookup | Iterable<CardFeedback>): FeedbackLookup {
  return feedback instanceof Map ? feedback : feedbackByKey(feedback as Iterable<CardFeedback>);
}

type Orderable = Pick<CardRecord, 'key' | 'level'>;

/**
 * The cards in the order this teacher should see them: cards they have not marked known first,
 * by level for their comfort with the tool; within a level, cards they found unhelpful after the
 * others; known cards last. Otherwise the given order is kept (the sort is stable), so the
 * library's own order (page cards, tool-wide cards first) still decides ties. Pure.
 */
export function orderForComfort<T extends Orderable>(
  cards: readonly T[],
  comfort: Comfort,
  feedback: FeedbackLookup | Iterable<CardFeedback> = [],
): T[] {
  const lookup = asLookup(feedback);
  const ranks = LEVEL_RANK[comfort] ?? LEVEL_RANK[DEFAULT_COMFORT];
  const keyed = cards.map((card, index) => {
    const mark = lookup.get(card.key);
    return {
      card,
      known: mark?.known ? 1 : 0,
      level: ranks[card.level] ?? 0,
      unhelpful: mark?.helpful === 'no' ? 1 : 0,
      index,
    };
  });
  keyed.sort((a, b) => a.known - b.known || a.level - b.level || a.unhelpful - b.unhelpful || a.index - b.index);
  return keyed.map((entry) => entry.card);
}

/** Splits cards into those still to learn and those the teacher marked "I know this", order kept. */
export function splitKnown<T extends Pick<CardRecord, 'key'>>(
  cards: readonly T[],
  feedback: FeedbackLookup | Iterable<CardFeedback>,
): { active: T[]; known: T[] } {
  const lookup = asLookup(feedback);
  const active: T[] = [];
  const known: T[] = [];
  for (const card of cards) (lookup.get(card.key)?.known ? known : active).push(card);
  return { active, known };
}

export function isComfort(value: unknown): value is Comfort {
  return typeof value === 'string' && (COMFORT_LEVELS as readonly string[]).includes(value);
}

/** storage.local key: `{ [toolId]: Comfort }`. Local only, like everything personal. */
export const COMFORT_STORAGE_KEY = 'comfort';

async function readComfortMap(): Promise<Record<string, Comfort>> {
  const stored = (await browser.storage.local.get(COMFORT_STORAGE_KEY))[COMFORT_STORAGE_KEY];
  return cleanComfortMap(stored);
}

function cleanComfortMap(value: unknown): Record<string, Comfort> {
  const clean: Record<string, Comfort> = {};
  if (!value || typeof value !== 'object') return clean;
  for (const [tool, comfort] of Object.entries(value)) if (isComfort(comfort)) clean[tool] = comfort;
  return clean;
}

export async function getComfort(tool: string): Promise<Comfort> {
  return (await readComfortMap())[tool] ?? DEFAULT_COMFORT;
}

export async function setComfort(tool: string, comfort: Comfort): Promise<void> {
  const current = await readComfortMap();
  await browser.storage.local.set({ [COMFORT_STORAGE_KEY]: { ...current, [tool]: comfort } });
}

/** Calls back with the tool's comfort level now and whenever it changes; returns the unsubscribe. */
export function watchComfort(tool: string, callback: (comfort: Comfort) => void): () => void {
  let active = true;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(COMFORT_STORAGE_KEY in changes)) return;
    callback(cleanComfortMap(changes[COMFORT_STORAGE_KEY]?.newValue)[tool] ?? DEFAULT_COMFORT);
  };
  browser.storage.onChanged.addListener(listener);
  void getComfort(tool).then((comfort) => {
    if (active) callback(comfort);
  });
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

// ---------------------------------------------------------------------------------------------
// Feedback on cards (db.feedback)

/** Merges a change into a card's feedback record, creating it if needed, in one transaction. */
async function patchFeedback(cardKey: string, patch: Partial<Omit<CardFeedback, 'cardKey'>>, database: CoachmarkDB): Promise<void> {
  await database.transaction('rw', database.feedback, async () => {
    const existing = await database.feedback.get(cardKey);
    await database.feedback.put({ ...existing, ...patch, cardKey });
  });
}

export function setHelpful(cardKey: string, helpful: 'yes' | 'no', database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  return patchFeedback(cardKey, { helpful, helpfulAt: now }, database);
}

export function setKnown(cardKey: string, known: boolean, database: CoachmarkDB = defaultDb): Promise<void> {
  return patchFeedback(cardKey, { known }, database);
}

export function markViewed(cardKey: string, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  return patchFeedback(cardKey, { viewedAt: now }, database);
}

export interface RecentlyViewedOptions {
  /** At most this many cards (default 5). */
  limit?: number;
  /** Only cards for this tool. */
  tool?: string;
  /** Cards already on screen (the page's own), left out. */
  exclude?: ReadonlySet<string>;
}

/**
 * The cards this teacher opened last, newest first, through the viewedAt index: never a scan of
 * the library. Cards marked known, and cards no longer stored, are left out.
 */
export async function recentlyViewed(database: CoachmarkDB = defaultDb, options: RecentlyViewedOptions = {}): Promise<CardRecord[]> {
  const limit = options.limit ?? 5;
  if (limit <= 0) return [];
  // Enough candidates for the filters below; the table holds one row per card ever opened.
  const marks = await database.feedback
    .orderBy('viewedAt')
    .reverse()
    .limit(Math.max(50, limit * 10))
    .toArray();
  const wanted = marks.filter((mark) => !mark.known && !options.exclude?.has(mark.cardKey));
  const cards = await database.cards.bulkGet(wanted.map((mark) => mark.cardKey));
  const found: CardRecord[] = [];
  for (const card of cards) {
    if (!card || (options.tool && !card.tools.includes(options.tool))) continue;
    found.push(card);
    if (found.length === limit) break;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Searches that found nothing (db.searchMisses), for the gaps loop

/** Queries shorter than this (after trimming) are never recorded: "ru" is typing, not a search. */
export const MIN_MISS_LENGTH = 3;
/** A query is recorded once it has been left unchanged this long (or when the box loses focus). */
export const MISS_STABLE_MS = 1_500;

export interface SearchPlace {
  tool: string | null;
  context: string | null;
}

/** The query as it is kept: trimmed, inner spaces collapsed. */
export function cleanQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

export async function recordSearchMiss(miss: Omit<SearchMiss, 'id'>, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.searchMisses.add({ query: miss.query, tool: miss.tool, context: miss.context, at: miss.at });
}

export interface RecentMissesOptions {
  /** At most this many (default 10). */
  limit?: number;
  /** Only misses at or after this time (epoch ms). */
  since?: number;
}

/**
 * Searches on this page (tool and context) that found nothing, newest first; the same query
 * typed again appears once, at its latest time. For the "Flag a gap" form and the gaps feature.
 */
export async function recentSearchMisses(
  tool: string | null,
  context: string | null,
  database: CoachmarkDB = defaultDb,
  options: RecentMissesOptions = {},
): Promise<SearchMiss[]> {
  const limit = options.limit ?? 10;
  const since = options.since ?? 0;
  // IndexedDB cannot index null: a page without a context, or no tool at all, is found by a scan
  // of the newest misses (the table only grows by one row per failed search).
  const misses =
    tool !== null && context !== null
      ? await database.searchMisses.where('[tool+context]').equals([tool, context]).toArray()
      : await database.searchMisses
          .orderBy('at')
          .reverse()
          .filter((miss) => miss.tool === tool && miss.context === context)
          .toArray();
  misses.sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const result: SearchMiss[] = [];
  for (const miss of misses) {
    if (miss.at < since) break;
    const key = miss.query.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(miss);
    if (result.length === limit) break;
  }
  return result;
}

export interface MissRecorderOptions {
  record: (miss: Omit<SearchMiss, 'id'>) => Promise<void>;
  delayMs?: number;
  minLength?: number;
  now?: () => number;
}

export interface MissRecorder {
  /** Called with every search result: a query that found nothing is recorded once it is stable. */
  update(query: string, found: boolean, place: SearchPlace): void;
  /** Records the pending miss now (the box lost focus, or the teacher moves on to ask for help). */
  flush(): Promise<void>;
  /** Drops the pending miss and its timer. */
  cancel(): void;
}

/**
 * Turns keystrokes into one record per search: only the query the teacher stopped at (for
 * `delayMs`, or until they left the box) is kept, not every prefix typed on the way, and the
 * same query on the same page is not recorded twice in a row.
 */
export function createMissRecorder(options: MissRecorderOptions): MissRecorder {
  const delayMs = options.delayMs ?? MISS_STABLE_MS;
  const minLength = options.minLength ?? MIN_MISS_LENGTH;
  const now = options.now ?? Date.now;
  let pending: Omit<SearchMiss, 'id' | 'at'> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRecorded: string | null = null;
  let writing: Promise<void> = Promise.resolve();

  const identity = (miss: Omit<SearchMiss, 'id' | 'at'>) =>
    `${miss.tool ?? ''}\u0000${miss.context ?? ''}\u0000${miss.query.toLowerCase()}`;
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const flush = (): Promise<void> => {
    stopTimer();
    const miss = pending;
    pending = null;
    if (miss && identity(miss) !== lastRecorded) {
      lastRecorded = identity(miss);
      const write = options
        .record({ ...miss, at: now() })
        .catch((error: unknown) => console.error('Coachmark: could not record a search', error));
      writing = writing.then(() => write);
    }
    return writing;
  };

  return {
    update(query, found, place) {
      const text = cleanQuery(query);
      stopTimer();
      if (found || Array.from(text).length < minLength) {
        pending = null;
        // Finding something ends the search: typing the same miss again later counts again.
        if (found) lastRecorded = null;
        return;
      }
      pending = { query: text, tool: place.tool, context: place.context };
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      stopTimer();
      pending = null;
    },
  };
}
