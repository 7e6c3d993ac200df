import type { CardRecord, GapRecord } from '../platform/db';
import { cardsPastReview } from '../gaps/review';

/**
 * Where a card stands with its upkeep, as the studio's library shows it. A card can be several
 * at once (past its review date, flagged and never verified); "current" is a card none of the
 * others applies to.
 *
 * - due: its review-by date is before today (the same rule as the Gaps tab's "past their
 *   review date").
 * - outdated: a teacher flagged it "This card is out of date" and the flag is still open (not
 *   answered by a newer copy of the card, not resolved by the coach).
 * - unverified: nobody has checked it against the vendor's own article (no verifiedAt).
 */

export const REVIEW_STATES = ['due', 'outdated', 'unverified', 'current'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export type ReviewCard = Pick<CardRecord, 'key' | 'reviewBy' | 'verifiedAt'>;
export type ReviewGap = Pick<GapRecord, 'kind' | 'cardKey' | 'status' | 'hub'>;

/** Whether a flag still says its card is out of date. */
export function isOpenOutdatedFlag(gap: ReviewGap): gap is ReviewGap & { cardKey: string } {
  if (gap.kind !== 'outdated' || !gap.cardKey) return false;
  if (gap.status !== 'open' && gap.status !== 'sent') return false;
  return gap.hub?.status !== 'resolved';
}

/** Open "out of date" flags per card key. */
export function openOutdatedFlags(gaps: readonly ReviewGap[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gap of gaps) if (isOpenOutdatedFlag(gap)) counts.set(gap.cardKey, (counts.get(gap.cardKey) ?? 0) + 1);
  return counts;
}

/** Answers for the cards the lookup was made from. */
export interface ReviewLookup {
  /** The card's states, in REVIEW_STATES order; ['current'] when nothing else applies. */
  statesOf(card: ReviewCard): ReviewState[];
  has(card: ReviewCard, state: ReviewState): boolean;
  /** Open "out of date" flags on the card. */
  outdatedFlags(card: ReviewCard): number;
  /** How many of the cards are in each state (a card counts once in each of its states). */
  counts: Record<ReviewState, number>;
}

/**
 * The review states of a whole library, worked out once: `today` is the device's local date
 * (localDate in utils/gaps/review.ts), the way reviewBy dates are written.
 */
export function reviewLookup(cards: readonly ReviewCard[], gaps: readonly ReviewGap[], today: string): ReviewLookup {
  const due = new Set(cardsPastReview(cards, today).map((card) => card.key));
  const flags = openOutdatedFlags(gaps);
  const statesOf = (card: ReviewCard): ReviewState[] => {
    const states: ReviewState[] = [];
    if (due.has(card.key)) states.push('due');
    if (flags.has(card.key)) states.push('outdated');
    if (!card.verifiedAt) states.push('unverified');
    return states.length > 0 ? states : ['current'];
  };
  const counts: Record<ReviewState, number> = { due: 0, outdated: 0, unverified: 0, current: 0 };
  for (const card of cards) for (const state of statesOf(card)) counts[state] += 1;
  return {
    statesOf,
    has: (card, state) => statesOf(card).includes(state),
    outdatedFlags: (card) => flags.get(card.key) ?? 0,
    counts,
  };
}
