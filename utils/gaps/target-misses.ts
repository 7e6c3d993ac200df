import { db, type CoachmarkDB } from '../platform/db';
import { tallyBySteps } from './steps';

/**
 * "Show me" targets that were not found on the page (db.targetMisses): which card's step, on
 * which page, and when. Kept on this device and never sent; the studio's Gaps tab counts them
 * so a coach sees which steps stopped matching a tool's page. The background records them; this
 * module is not under utils/show-me/ because everything there may load in the content script,
 * which never opens the database.
 */

/** How long a miss is kept, and how many are kept at most: the oldest go first. */
export const TARGET_MISS_KEEP = { days: 90, rows: 2_000 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TargetMissInput {
  cardKey: string;
  /** Index of the step in the card's steps, from 0. */
  step: number;
  tool: string | null;
  context: string | null;
}

export interface TargetMissCount {
  cardKey: string;
  /** Index of the step, from 0. */
  step: number;
  count: number;
  /** Epoch ms of the latest miss. */
  last: number;
}

/**
 * Keeps one miss at `now`, then forgets those older than 90 days and the oldest beyond 2,000,
 * so the table stays small however often a page has changed. A miss that names no card, or no
 * step (a negative or fractional index), is not kept.
 */
export async function recordTargetMiss(miss: TargetMissInput, now: number = Date.now(), database: CoachmarkDB = db): Promise<void> {
  if (typeof miss.cardKey !== 'string' || miss.cardKey === '' || !Number.isSafeInteger(miss.step) || miss.step < 0) return;
  const table = database.targetMisses;
  await database.transaction('rw', table, async () => {
    await table.add({ cardKey: miss.cardKey, step: miss.step, tool: miss.tool ?? null, context: miss.context ?? null, at: now });
    await table
      .where('at')
      .below(now - TARGET_MISS_KEEP.days * DAY_MS)
      .delete();
    const over = (await table.count()) - TARGET_MISS_KEEP.rows;
    if (over > 0) await table.bulkDelete(await table.orderBy('at').limit(over).primaryKeys());
  });
}

/** Misses at or after `since`, one entry per card and step: the most often missed first, then the latest. */
export async function targetMissSummary(since: number, database: CoachmarkDB = db): Promise<TargetMissCount[]> {
  const misses = await database.targetMisses.where('at').aboveOrEqual(since).toArray();
  return tallyBySteps(misses).map(({ cardKey, step, count, last }) => ({ cardKey, step, count, last }));
}
