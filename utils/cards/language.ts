/**
 * Cards in the teacher's language. A pack that carries a card in several languages gives each
 * translation its own id and a `translation-of:<id>` tag naming the original. Among a card and
 * its translations the panel shows the best match for the browser's language. A card with no
 * alternative is always kept, whatever its language: a card in English beats no card.
 *
 * Alternatives come from one pack only. A pack is written by whoever publishes it, so a card in
 * one pack never hides a card in another, whatever id, language or tag it carries: otherwise a
 * pasted or subscribed pack could put its own words in place of the built-in card a teacher
 * trusts, just by reusing that card's id.
 *
 * Match, best first: the same tag ("es-MX" for "es-MX"), the same language ("es" for "es-MX",
 * or "es-ES" for "es-MX"), then a card whose language is unknown or English (the extension's
 * default language), then any other. Ties keep the input order, which is relevance order.
 */

export const TRANSLATION_TAG_PREFIX = 'translation-of:';
const DEFAULT_LANGUAGE = 'en';

export interface LanguageCard {
  id: string;
  lang?: string;
  tags?: readonly string[];
  /** The pack the card is stored in: alternatives come from it alone, and it gives the card's language. */
  pack: string;
}

/** The id a card is an alternative of, within its own pack: its translation-of tag, or its own id. */
export function alternativeGroup(card: LanguageCard): string {
  const tag = card.tags?.find((candidate) => candidate.startsWith(TRANSLATION_TAG_PREFIX));
  const target = tag?.slice(TRANSLATION_TAG_PREFIX.length).trim();
  return target || card.id;
}

/** How well a card's language fits the teacher's: 3 exact, 2 same language, 1 default, 0 other. */
export function languageScore(cardLang: string | undefined, uiLanguage: string): number {
  return scoreNormalized(cardLang ? normalize(cardLang) : '', normalize(uiLanguage));
}

/** languageScore of tags already normalized ('' for a card of unknown language). */
function scoreNormalized(lang: string, wanted: string): number {
  if (!lang) return wanted && primary(wanted) === DEFAULT_LANGUAGE ? 2 : 1;
  if (lang === wanted) return 3;
  if (primary(lang) === primary(wanted)) return 2;
  return primary(lang) === DEFAULT_LANGUAGE ? 1 : 0;
}

/**
 * Drops each card that has an alternative in its own pack in a language fitting `uiLanguage`
 * (browser.i18n.getUILanguage()) better; everything else keeps its place. Within a group, the
 * language of the best-fitting card wins (the first one on a tie), and every card of the group
 * in that language stays. `packLanguages` gives a pack's `lang` for cards that do not carry
 * their own.
 */
export function preferLanguage<T extends LanguageCard>(
  cards: readonly T[],
  uiLanguage: string,
  packLanguages?: ReadonlyMap<string, string | undefined>,
): T[] {
  // Without a translation in the list, every card is the only one of its group: all stay. The
  // panel's search reads a whole library this way, so the common case costs one pass.
  if (!cards.some(hasTranslationTag)) return [...cards];
  const wanted = normalize(uiLanguage);
  const langs = cards.map((card) => normalize(card.lang ?? packLanguages?.get(card.pack) ?? ''));
  const groups = cards.map(groupKey);
  const chosen = new Map<string, { lang: string; score: number }>();
  cards.forEach((_, index) => {
    const lang = langs[index] as string;
    const score = scoreNormalized(lang, wanted);
    const current = chosen.get(groups[index] as string);
    if (!current || score > current.score) chosen.set(groups[index] as string, { lang, score });
  });
  return cards.filter((_, index) => chosen.get(groups[index] as string)!.lang === langs[index]);
}

function hasTranslationTag(card: LanguageCard): boolean {
  return card.tags?.some((tag) => tag.startsWith(TRANSLATION_TAG_PREFIX)) ?? false;
}

/** The pack and the group within it, written so that no two different pairs share a key. */
function groupKey(card: LanguageCard): string {
  return JSON.stringify([card.pack, alternativeGroup(card)]);
}

/** "es_MX", "ES-mx" → "es-mx": Chrome reports "es-419" or "es", Firefox "es-MX". */
function normalize(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

function primary(tag: string): string {
  return tag.split('-')[0] ?? tag;
}
