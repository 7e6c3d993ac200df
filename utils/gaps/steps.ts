import type { GapRecord } from '../platform/db';

/** Flags that say one step of a card is out of date, counted per card and step. */

export interface OutdatedStep {
  cardKey: string;
  /** The step, counted from 1 as the card shows it. */
  step: number;
  /** The card's title as the newest flag gave it; the studio prefers the card's own. */
  title: string;
  count: number;
  /** Epoch ms of the newest flag. */
  last: number;
  /** The flags, newest first. */
  gapIds: string[];
}

/**
 * "Out of date" flags that name a step, one entry per card and step: the most flagged first,
 * then the most recently flagged. Flags about a card as a whole are left to the other lists.
 */
export function outdatedSteps(gaps: readonly GapRecord[]): OutdatedStep[] {
  const byStep = new Map<string, OutdatedStep>();
  const newestFirst = gaps
    .filter((gap) => gap.kind === 'outdated' && gap.cardKey !== undefined && gap.cardStep !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt);
  for (const gap of newestFirst) {
    const cardKey = gap.cardKey!;
    const step = gap.cardStep!;
    const key = `${cardKey}\u0000${step}`;
    const entry = byStep.get(key);
    if (entry) {
      entry.count += 1;
      entry.gapIds.push(gap.id);
    } else {
      const title = gap.payload?.card?.title || gap.cardId || cardKey;
      byStep.set(key, { cardKey, step, title, count: 1, last: gap.createdAt, gapIds: [gap.id] });
    }
  }
  return [...byStep.values()].sort((a, b) => b.count - a.count || b.last - a.last || a.cardKey.localeCompare(b.cardKey) || a.step - b.step);
}
