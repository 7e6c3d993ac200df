import type { CardFeedback } from '../platform/db';

/**
 * What "On this page" lists and the toolbar badge counts: one rule for both, so the number on
 * the toolbar is the number of cards the teacher finds in the panel.
 */

/** The marks this needs, by card key: whether the teacher said "I know this". */
export type KnownMarks = ReadonlyMap<string, Pick<CardFeedback, 'known'>>;

/**
 * The cards still to show, in the order given: all but those the teacher marked "I know this".
 * `keep` is the card just marked known that still offers Undo: it holds its place meanwhile.
 */
export function notMarkedKnown<T extends { key: string }>(cards: readonly T[], marks: KnownMarks, keep?: string): T[] {
  return cards.filter((card) => marks.get(card.key)?.known !== true || card.key === keep);
}

/** How many cards "On this page" lists for the page's own cards (the language variant already chosen). */
export function countOnThisPage(pageCards: readonly { key: string }[], marks: KnownMarks): number {
  return notMarkedKnown(pageCards, marks).length;
}

/** The badge's text for that many cards: nothing for none, and at most two digits, which is what fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
