import Dexie from 'dexie';
import type { CardRecord, CoachmarkDB, PackRecord } from '../platform/db';
import { cardKey } from '../platform/keys';
import { alternativeGroup, preferLanguage } from './language';
import { STARTER_PACK_ID } from './built-in';

/**
 * A district's own version of another pack's card. A card that declares
 * `replaces: "<pack id>/<card id>"` is shown instead of that card, and instead of its
 * translations (cards tagged `translation-of:<card id>` in the same pack), wherever they would
 * show: the panel never lists both. Nothing is deleted: the replaced card comes back as soon as
 * no stored card replaces it any more (the district card deleted, its pack removed, or a new
 * copy of the pack without it).
 *
 * Only another pack's card can be replaced, and the built-in pack replaces nothing: a pack can
 * set its own cards aside by leaving them out.
 */

export interface ReplaceableCard {
  id: string;
  pack: string;
  tags?: readonly string[];
}

export interface ReplacingCard {
  pack: string;
  replaces?: string;
}

/** What a `replaces` naming this card, or the card it translates, would say. */
export function referencesTo(card: ReplaceableCard): string[] {
  const own = cardKey(card.pack, card.id);
  const group = cardKey(card.pack, alternativeGroup(card));
  return own === group ? [own] : [own, group];
}

/** Whether this card's `replaces` counts: another pack's card, and not from the built-in pack. */
function honoured(card: ReplacingCard): card is ReplacingCard & { replaces: string } {
  if (!card.replaces || card.pack === STARTER_PACK_ID) return false;
  return card.replaces.slice(0, card.replaces.indexOf('/')) !== card.pack;
}

/** The references that `replacing` cards take the place of. */
export function replacedReferences(replacing: readonly ReplacingCard[]): Set<string> {
  const out = new Set<string>();
  for (const card of replacing) if (honoured(card)) out.add(card.replaces);
  return out;
}

/** `cards` without those another card of `replacing` (often the same list) stands in for. */
export function withoutReplaced<T extends ReplaceableCard>(cards: readonly T[], replacing: readonly ReplacingCard[]): T[] {
  const replaced = replacedReferences(replacing);
  if (replaced.size === 0) return [...cards];
  return cards.filter((card) => !referencesTo(card).some((reference) => replaced.has(reference)));
}

/**
 * The cards a teacher sees out of a whole library: replaced cards left out, then, among a card
 * and its translations, the one in the teacher's language (see language.ts).
 */
export function visibleCards<T extends ReplaceableCard & ReplacingCard & { lang?: string }>(
  cards: readonly T[],
  packs: readonly Pick<PackRecord, 'id' | 'lang'>[],
  uiLanguage: string | undefined,
): T[] {
  const kept = withoutReplaced(cards, cards);
  return uiLanguage ? preferLanguage(kept, uiLanguage, new Map(packs.map((pack) => [pack.id, pack.lang]))) : kept;
}

/**
 * `cards` without the ones another stored card replaces. The cards that replace another are read
 * whole through the `replaces` index, which holds only them (a district's own versions: a few,
 * where the library has thousands). Hands back Dexie's own promise, so that inside a live query
 * the read stays watched: a district card saved or deleted updates the panel at once.
 */
export function dropReplacedStored(cards: CardRecord[], database: CoachmarkDB): Promise<CardRecord[]> {
  if (cards.length === 0) return Dexie.Promise.resolve(cards);
  return database.cards
    .orderBy('replaces')
    .toArray()
    .then((replacing) => withoutReplaced(cards, replacing));
}
