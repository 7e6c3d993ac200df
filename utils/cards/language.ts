/**
 * Cards in the teacher's language. A district that translates a pack keeps each card's id, so
 * "the same card in another language" is a card with the same id in another pack (or with a
 * `translation-of:<id>` tag, for a translation that needs its own id in the same pack). Among
 * such alternatives the panel shows the best match for the browser's language. A card with no
 * alternative is always kept, whatever its language: a card in English beats no card.
 *
 * Match, best first: the same tag ("es-MX" for "es-MX"), the same language ("es" for "es-MX",
 * or "es-ES" for "es-MX"), then a card whose language is unknown or English (the extension's
 * default language), then any other. Ties keep the input order, which is relevance order.
 */

const TRANSLATION_TAG_PREFIX = 'translation-of:';
const DEFAULT_LANGUAGE = 'en';

export interface LanguageCard {
  id: string;
  lang?: string;
  tags?: readonly string[];
  /** The pack the card is stored in, to look up the pack's language. */
  pack?: string;
}

/** The id a card is an alternative of: its translation-of tag, or its own id. */
export function alternativeGroup(card: LanguageCard): string {
  const tag = card.tags?.find((candidate) => candidate.startsWith(TRANSLATION_TAG_PREFIX));
  const target = tag?.slice(TRANSLATION_TAG_PREFIX.length).trim();
  return target || card.id;
}

/** How well a card's language fits the teacher's: 3 exact, 2 same language, 1 default, 0 other. */
export function languageScore(cardLang: string | undefined, uiLanguage: string): number {
  const wanted = normalize(uiLanguage);
  if (!cardLang) return wanted && primary(wanted) === DEFAULT_LANGUAGE ? 2 : 1;
  const lang = normalize(cardLang);
  if (lang === wanted) return 3;
  if (primary(lang) === primary(wanted)) return 2;
  return primary(lang) === DEFAULT_LANGUAGE ? 1 : 0;
}

/**
 * Drops each card that has an alternative in a language fitting `uiLanguage`
 * (browser.i18n.getUILanguage()) better; everything else keeps its place. Within a group, the
 * language of the best-fitting card wins (the first one on a tie), and every card of the group
 * in that language stays: two packs' same-language cards that share an id are not translations,
 * and deciding between them is not this function's business. `packLanguages` gives a pack's
 * `lang` for cards that do not carry their own.
 */
export function preferLanguage<T extends LanguageCard>(
  cards: readonly T[],
  uiLanguage: string,
  packLanguages?: ReadonlyMap<string, string | undefined>,
): T[] {
  const langOf = (card: T) => normalize(card.lang ?? (card.pack !== undefined ? packLanguages?.get(card.pack) : undefined) ?? '');
  const chosen = new Map<string, { lang: string; score: number }>();
  for (const card of cards) {
    const group = alternativeGroup(card);
    const lang = langOf(card);
    const score = languageScore(lang || undefined, uiLanguage);
    const current = chosen.get(group);
    if (!current || score > current.score) chosen.set(group, { lang, score });
  }
  return cards.filter((card) => chosen.get(alternativeGroup(card))!.lang === langOf(card));
}

/** "es_MX", "ES-mx" → "es-mx": Chrome reports "es-419" or "es", Firefox "es-MX". */
function normalize(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

function primary(tag: string): string {
  return tag.split('-')[0] ?? tag;
}
