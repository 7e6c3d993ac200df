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

/** Things that happened to one step of a card, counted per card and step. */
export interface StepTally<T> {
  cardKey: string;
  step: number;
  count: number;
  /** Epoch ms of the latest. */
  last: number;
  /** What was counted, newest first. */
  items: T[];
}

/**
 * One tally per card and step: the most often first, then the most recent. Flags that name a
 * step and "show me" targets not found on this device are both counted this way.
 */
export function tallyBySteps<T extends { cardKey: string; step: number; at: number }>(items: readonly T[]): Array<StepTally<T>> {
  const tallies = new Map<string, StepTally<T>>();
  for (const item of [...items].sort((a, b) => b.at - a.at)) {
    const key = `${item.cardKey}\u0000${item.step}`;
    const tally = tallies.get(key);
    if (tally) {
      tally.count += 1;
      tally.items.push(item);
    } else tallies.set(key, { cardKey: item.cardKey, step: item.step, count: 1, last: item.at, items: [item] });
  }
  return [...tallies.values()].sort(
    (a, b) => b.count - a.count || b.last - a.last || a.cardKey.localeCompare(b.cardKey) || a.step - b.step,
  );
}

/**
 * "Out of date" flags that name a step, one entry per card and step: the most flagged first,
 * then the most recently flagged. Flags about a card as a whole are left to the other lists.
 */
export function outdatedSteps(gaps: readonly GapRecord[]): OutdatedStep[] {
  const flags = gaps.flatMap((gap) =>
    gap.kind === 'outdated' && gap.cardKey !== undefined && gap.cardStep !== undefined
      ? [{ cardKey: gap.cardKey, step: gap.cardStep, at: gap.createdAt, gap }]
      : [],
  );
  return tallyBySteps(flags).map(({ cardKey, step, count, last, items }) => {
    const newest = items[0]!.gap;
    return {
      cardKey,
      step,
      title: newest.payload?.card?.title || newest.cardId || cardKey,
      count,
      last,
      gapIds: items.map((item) => item.gap.id),
    };
  });
}
