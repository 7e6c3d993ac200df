import { db as defaultDb, type CoachmarkDB, type SearchMiss } from '../platform/db';

/**
 * Searches that found nothing (db.searchMisses), for the gaps loop: kept on this device, and
 * sent only inside a gap flag, only the ones the teacher leaves ticked.
 */

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
