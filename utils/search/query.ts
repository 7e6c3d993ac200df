import { ENGLISH_ANALYSER, searchAnalyser, type SearchAnalyser } from './analyser';
import type { MatchTerms } from './text-terms';
import { queryWords } from './tokenize';
import { MAX_PHRASE_WORDS } from './synonyms';
import { READING_WEIGHT } from './weights';

/** A query is read as at most this many words: more add time and little meaning. */
const MAX_QUERY_TERMS = 8;

export interface ParsedQuery {
  /** The words that count: no stop words, no repeats, at most MAX_QUERY_TERMS. */
  terms: string[];
  /** Per term: stems that phrases around it stand for ("due date" → deadline), with weights. */
  phraseAlternatives: Array<Map<string, number>>;
  /** Per term: how much the word itself counts (less when a phrase gives it another meaning). */
  literalWeight: number[];
  /** The last term may still be being typed (search runs on every keystroke). */
  lastIsPrefix: boolean;
  /** Pairs of adjacent terms, which may be one compound written apart ("grade book"). */
  adjacent: Array<[number, number]>;
}

export function parseQuery(query: string, analyser: SearchAnalyser = ENGLISH_ANALYSER): ParsedQuery {
  const { stopWords, synonyms } = analyser;
  const words = queryWords(query);
  const terms: string[] = [];
  const termOfWord = words.map((word) => {
    if (stopWords.has(word)) return -1;
    let index = terms.indexOf(word);
    if (index === -1 && terms.length < MAX_QUERY_TERMS) index = terms.push(word) - 1;
    return index;
  });
  const phraseAlternatives = terms.map(() => new Map<string, number>());
  const literalWeight = terms.map(() => 1);
  const stems = words.map((word) => analyser.stem(word));
  for (let start = 0; start < words.length; start++) {
    for (let length = 2; length <= MAX_PHRASE_WORDS && start + length <= words.length; length++) {
      const alternatives = synonyms.phrases.get(stems.slice(start, start + length).join(' '));
      if (!alternatives) continue;
      const window = termOfWord.slice(start, start + length).filter((term) => term >= 0);
      // A phrase with one real word ("turn in", "log in") means its synonym, not that word.
      const alone = window.length === 1;
      for (const term of window) {
        if (alone) literalWeight[term] = READING_WEIGHT.wordInsidePhrase;
        for (const alternative of alternatives) {
          addWeight(phraseAlternatives[term] as Map<string, number>, alternative, alone ? 1 : READING_WEIGHT.synonym);
        }
      }
    }
  }
  const adjacent: Array<[number, number]> = [];
  for (let k = 0; k + 1 < words.length; k++) {
    const left = termOfWord[k] as number;
    const right = termOfWord[k + 1] as number;
    if (left >= 0 && right >= 0 && left !== right) adjacent.push([left, right]);
  }
  const lastWord = words[words.length - 1];
  const lastIsPrefix = lastWord !== undefined && !stopWords.has(lastWord) && terms[terms.length - 1] === lastWord;
  return { terms, phraseAlternatives, literalWeight, lastIsPrefix, adjacent };
}

function addWeight(map: Map<string, number>, key: string, weight: number): void {
  if (weight > (map.get(key) ?? 0)) map.set(key, weight);
}

/**
 * The normalised terms and prefixes to mark for a query, without an index: the stems of the
 * query's words and their synonyms, and the last word as a prefix (it may be half typed). Read
 * with the analyser of `language` (a language tag; English by default), which marks then use.
 */
export function matchTerms(query: string, language?: string): MatchTerms {
  const analyser = searchAnalyser(language);
  const parsed = parseQuery(query, analyser);
  const terms = new Set<string>();
  parsed.terms.forEach((word, index) => {
    const own = analyser.stem(word);
    terms.add(own);
    for (const alternative of analyser.synonyms.single.get(own) ?? []) for (const altStem of alternative) terms.add(altStem);
    for (const altStem of parsed.phraseAlternatives[index]?.keys() ?? []) terms.add(altStem);
  });
  const last = parsed.terms[parsed.terms.length - 1];
  const prefixes = parsed.lastIsPrefix && last && last.length >= 2 ? [last] : [];
  return analyser.language === 'en' ? { terms: [...terms], prefixes } : { terms: [...terms], prefixes, language: analyser.language };
}
