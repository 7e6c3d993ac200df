import { db as defaultDb, type CardFeedback, type CardRecord, type CoachmarkDB } from '../platform/db';

/**
 * The teacher's own marks on cards (db.feedback): "Was this helpful?", "I know this", and when
 * a card was last opened, for "Recently viewed". All of it stays on this device; nothing here
 * is ever sent.
 */

export type FeedbackLookup = ReadonlyMap<string, CardFeedback>;

/** Feedback records by card key, for ordering and grouping cards. */
export function feedbackByKey(feedback: Iterable<CardFeedback>): Map<string, CardFeedback> {
  const map = new Map<string, CardFeedback>();
  for (const entry of feedback) map.set(entry.cardKey, entry);
  return map;
}

export function asFeedbackLookup(feedback: FeedbackLookup | Iterable<CardFeedback>): FeedbackLookup {
  return feedback instanceof Map ? feedback : feedbackByKey(feedback as Iterable<CardFeedback>);
}

/** Splits cards into those still to learn and those the teacher marked "I know this", order kept. */
export function splitKnown<T extends Pick<CardRecord, 'key'>>(
  cards: readonly T[],
  feedback: FeedbackLookup | Iterable<CardFeedback>,
): { active: T[]; known: T[] } {
  const lookup = asFeedbackLookup(feedback);
  const active: T[] = [];
  const known: T[] = [];
  for (const card of cards) (lookup.get(card.key)?.known ? known : active).push(card);
  return { active, known };
}

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
