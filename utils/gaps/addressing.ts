import { isNewerCard } from '../cards/import';
import type { CardRecord, GapRecord, GapStatus } from '../platform/db';
import { isCardKind } from './kinds';
import { gapPlace } from './records';

/** Closing the loop: which flags a change to the cards addresses. */

/** Statuses a pack change can still close. */
const AWAITING: ReadonlySet<GapStatus> = new Set<GapStatus>(['open', 'sent']);

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
