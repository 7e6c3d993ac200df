import type { GapRecord } from '../platform/db';
import type { Detection } from '../tools/types';

/**
 * The cards that answered this teacher's flags lead the page's list for a while. The panel's
 * first render uses this, so the module imports types only.
 */

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
