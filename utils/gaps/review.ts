import type { CardFeedback, CardRecord, GapRecord } from '../platform/db';

/** Cards that need the coach's attention: past their review date, or often no help. */

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
