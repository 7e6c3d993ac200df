import { STOP_WORDS, stemWord } from './english';
import { SPANISH_STOP_WORDS, stemSpanish } from './spanish';

/**
 * Word normalisation shared by the search index and the UI's marks (folding, a light stemmer,
 * stop words, per language): kept apart from the index so marking matches never loads fuse.js.
 */

export { STOP_WORDS, stemWord };

/** The languages search has an analyser for; any other reads as English. */
export type SearchLanguage = 'en' | 'es';

/**
 * What the UI marks: a word of card text is marked when `termOf(word)` is in `terms`,
 * or its folded form starts with one of `prefixes` (the word still being typed).
 */
export interface MatchTerms {
  terms: string[];
  prefixes: string[];
  /** The analyser the terms come from, and that reads the text to mark; English when absent. */
  language?: SearchLanguage;
}

/** How one language reads a word: which words say nothing, and the stem of the others. */
export interface WordAnalyser {
  readonly language: SearchLanguage;
  /** Folded words that say nothing about a card. */
  readonly stopWords: ReadonlySet<string>;
  /** The stem of a folded word. */
  stem(word: string): string;
}

export const ENGLISH_WORDS: WordAnalyser = { language: 'en', stopWords: STOP_WORDS, stem: stemWord };
export const SPANISH_WORDS: WordAnalyser = { language: 'es', stopWords: SPANISH_STOP_WORDS, stem: stemSpanish };

/** The analyser's language for a language tag ("es", "es-419", "es_MX"): English unless it is Spanish. */
export function searchLanguage(tag: string | undefined): SearchLanguage {
  return tag && /^es(?:$|[-_])/i.test(tag.trim()) ? 'es' : 'en';
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Lowercase with accents folded ("Évaluation" → "evaluation"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Markdown to plain words: keeps link and image text, drops URLs, HTML tags and entities. */
export function stripMarkdown(markdown: string): string {
  // Most card text has none of these; skipping the replacements keeps index builds fast.
  if (!/[\]<&:]/.test(markdown)) return markdown;
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/<(?:https?:|mailto:)[^>]*>/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ');
}

/** The normalised form of one word of text, as the index stores it; empty for stop words. */
export function termOf(word: string, words: WordAnalyser = ENGLISH_WORDS): string {
  const folded = foldText(word)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (!folded || words.stopWords.has(folded)) return '';
  return words.stem(folded);
}

// ---------------------------------------------------------------------------------------------
// Negative contractions: "haven't", "havent" and "have not" are read the same in cards and queries.

/** Where the part before "n't" is not the verb itself. */
const CONTRACTION_BASES = new Map([
  ['ca', 'can'],
  ['wo', 'will'],
  ['sha', 'shall'],
]);
/** Typed without the apostrophe; "cant" and "wont" are rarer as words than as contractions. */
const BARE_CONTRACTIONS = new Set(
  'arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt mustnt neednt shouldnt wasnt werent wont wouldnt'.split(' '),
);

/** ["have", "not"] for "haven't" or "havent" (folded, lowercase), ["can", "not"] for "cannot"; null for other words. */
export function contractionParts(word: string): [string, 'not'] | null {
  if (word === 'cannot') return ['can', 'not'];
  const bare = /n['’]t$/.test(word) ? word.replace(/['’]/g, '') : BARE_CONTRACTIONS.has(word) ? word : null;
  if (!bare || bare.length < 4 || !bare.endsWith('nt')) return null;
  const base = bare.slice(0, -2);
  return [CONTRACTION_BASES.get(base) ?? base, 'not'];
}

/** True when a word of card text should be marked for these terms. */
export function wordMatches(word: string, matchTerms: MatchTerms): boolean {
  const words = matchTerms.language === 'es' ? SPANISH_WORDS : ENGLISH_WORDS;
  const term = termOf(word, words);
  if (term && matchTerms.terms.includes(term)) return true;
  const parts = contractionParts(foldText(word));
  if (parts?.some((part) => matchTerms.terms.includes(termOf(part, words)))) return true;
  const folded = foldText(word);
  return matchTerms.prefixes.some((prefix) => folded.startsWith(prefix));
}
