import type { Card } from '../cards/schema';
import { topK } from './heap';
import { buildPostings } from './postings';
import { matchTerms, parseQuery } from './query';
import { SYNONYMS } from './synonyms';
import { foldText, type MatchTerms } from './text-terms';
import { compareStrings } from './vocabulary';
import { addExpansion, readWord, type Expansions, type WordReading } from './word-readings';
import { READING_WEIGHT } from './weights';

/**
 * The card search index: an inverted index over normalised, lightly stemmed tokens with
 * per-field weights. Typos are handled by matching each query word against the index's
 * vocabulary (fuse.js over the distinct words, not over the cards), so a query costs a few
 * posting-list walks instead of a fuzzy scan of every card.
 *
 * Scoring: each query word is read as the stems it may mean (itself, typo corrections,
 * completions of the last word, synonyms), each reading weighted; a card scores, per word, its
 * best reading times that stem's field-weighted score, times the word's idf. The sum is scaled
 * by the square of the share of query words the card matches, then by the tool and page boosts.
 */

export interface SearchOptions {
  /** The tool the teacher has open: its cards rank first. */
  tool?: string;
  /** The part of the tool (page) the teacher is on: its cards rank above the rest of the tool's. */
  context?: string;
  /** At most this many cards (default 50; `Infinity` for every match). */
  limit?: number;
}

export interface SearchIndex {
  /** Cards matching the query, best first. An empty or stop-word-only query gives []. */
  search(query: string, options?: SearchOptions): Card[];
  /** Like the exported matchTerms, plus the vocabulary words the query's typos resolved to. */
  matchTerms(query: string): MatchTerms;
  /** Number of cards indexed. */
  readonly size: number;
  /** Number of distinct words (before stemming) in the index. */
  readonly vocabularySize: number;
}

export interface IndexOptions {
  /** Typo and prefix look-ups are cached per query word; 0 turns the cache off (benchmarks). */
  wordCacheSize?: number;
}

export const DEFAULT_SEARCH_LIMIT = 50;

const TOOL_BOOST = 2.5;
const CONTEXT_BOOST = 1.6;
const DEFAULT_WORD_CACHE_SIZE = 2_000;

export function createSearchIndex(cards: readonly Card[], indexOptions: IndexOptions = {}): SearchIndex {
  const cardCount = cards.length;
  const { stems, stemIds, postings, postingWeights, idf, vocabulary } = buildPostings(cards);

  // Ties go to the alphabetically first title, then id, so results never depend on timing.
  const order = cards.map((_, index) => index);
  const titleKeys = cards.map((card) => foldText(card.title));
  order.sort(
    (a, b) =>
      compareStrings(titleKeys[a] as string, titleKeys[b] as string) ||
      compareStrings((cards[a] as Card).id, (cards[b] as Card).id) ||
      a - b,
  );
  const rank = new Int32Array(cardCount);
  order.forEach((cardIndex, position) => (rank[cardIndex] = position));

  // Scratch space reused by every query (JavaScript runs one query at a time).
  const termBest = new Float64Array(cardCount);
  const total = new Float64Array(cardCount);
  const matched = new Uint8Array(cardCount);
  const finalScore = new Float64Array(cardCount);

  const cacheSize = indexOptions.wordCacheSize ?? DEFAULT_WORD_CACHE_SIZE;
  const wordCache = new Map<string, WordReading>();

  function lookUpWord(word: string, isLast: boolean): WordReading {
    const key = `${isLast ? '>' : '='}${word}`;
    const cached = wordCache.get(key);
    if (cached) return cached;
    const reading = readWord(word, isLast, vocabulary, stemIds);
    if (cacheSize > 0) {
      if (wordCache.size >= cacheSize) wordCache.clear();
      wordCache.set(key, reading);
    }
    return reading;
  }

  /** Each query word with the stems it may mean, synonyms included. */
  function analyse(query: string): Expansions[] {
    const parsed = parseQuery(query);
    const readings = parsed.terms.map((word, index) => lookUpWord(word, parsed.lastIsPrefix && index === parsed.terms.length - 1));
    // Copies: synonyms and phrases are added per query, the cached readings stay as they are.
    const terms = readings.map((reading, index) => {
      const literal = parsed.literalWeight[index] as number;
      return new Map([...reading.expansions].map(([id, weight]) => [id, weight * literal]));
    });
    readings.forEach((reading, index) => {
      const term = terms[index] as Expansions;
      for (const [root, rootWeight] of reading.roots) {
        const weight = rootWeight * (parsed.literalWeight[index] as number);
        for (const alternative of SYNONYMS.single.get(root) ?? []) {
          const altWeight = weight * (alternative.length === 1 ? READING_WEIGHT.synonym : READING_WEIGHT.synonymPhrasePart);
          for (const altStem of alternative) addExpansion(term, stemIds.get(altStem), altWeight);
        }
      }
      for (const [altStem, weight] of parsed.phraseAlternatives[index] ?? []) addExpansion(term, stemIds.get(altStem), weight);
    });
    // Compounds written apart: "grade book" also means "gradebook", "co teacher" "coteacher".
    for (const [left, right] of parsed.adjacent) {
      const joined = vocabulary.wordIndex.get(`${parsed.terms[left]}${parsed.terms[right]}`);
      if (joined === undefined) continue;
      addExpansion(terms[left] as Expansions, vocabulary.wordStem[joined], 1);
      addExpansion(terms[right] as Expansions, vocabulary.wordStem[joined], 1);
    }
    return terms;
  }

  function search(query: string, options: SearchOptions = {}): Card[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (typeof query !== 'string' || !(limit > 0) || cardCount === 0) return [];
    const terms = analyse(query);
    if (terms.length === 0) return [];

    const touchedCards: number[] = [];
    const scratch: number[] = [];
    for (const term of terms) {
      if (term.size === 0) continue;
      const termIdf = representativeIdf(term, idf);
      scratch.length = 0;
      for (const [id, weight] of term) {
        const cardsOfStem = postings[id] as Int32Array;
        const scores = postingWeights[id] as Float32Array;
        for (let p = 0; p < cardsOfStem.length; p++) {
          const cardIndex = cardsOfStem[p] as number;
          const value = weight * (scores[p] as number);
          if (value > (termBest[cardIndex] as number)) {
            if (termBest[cardIndex] === 0) scratch.push(cardIndex);
            termBest[cardIndex] = value;
          }
        }
      }
      for (const cardIndex of scratch) {
        if (matched[cardIndex] === 0) touchedCards.push(cardIndex);
        total[cardIndex] = (total[cardIndex] as number) + (termBest[cardIndex] as number) * termIdf;
        matched[cardIndex] = (matched[cardIndex] as number) + 1;
        termBest[cardIndex] = 0;
      }
    }

    // Cards that match more of the query's words come first; then the current tool and page.
    const termCount = terms.length;
    for (const cardIndex of touchedCards) {
      const coverage = (matched[cardIndex] as number) / termCount;
      let score = (total[cardIndex] as number) * coverage * coverage;
      const card = cards[cardIndex] as Card;
      const ofTool = options.tool !== undefined && card.tools.includes(options.tool);
      if (ofTool) score *= TOOL_BOOST;
      if (options.context && (ofTool || !options.tool) && card.contexts.includes(options.context)) score *= CONTEXT_BOOST;
      finalScore[cardIndex] = score;
      total[cardIndex] = 0;
      matched[cardIndex] = 0;
    }
    const better = (a: number, b: number): boolean => {
      const diff = (finalScore[a] as number) - (finalScore[b] as number);
      return diff > 0 || (diff === 0 && (rank[a] as number) < (rank[b] as number));
    };
    return topK(touchedCards, limit, better).map((cardIndex) => cards[cardIndex] as Card);
  }

  function indexMatchTerms(query: string): MatchTerms {
    const base = matchTerms(query);
    const terms = new Set(base.terms);
    for (const term of analyse(query)) for (const id of term.keys()) terms.add(stems[id] as string);
    return { terms: [...terms], prefixes: base.prefixes };
  }

  return {
    search,
    matchTerms: indexMatchTerms,
    size: cardCount,
    vocabularySize: vocabulary.words.length,
  };
}

/**
 * One idf per query word, from its strongest reading: a synonym or completion must not count
 * for more than the word typed just because it is rarer.
 */
function representativeIdf(term: Expansions, idf: Float64Array): number {
  let bestWeight = -1;
  let value = 0;
  for (const [id, weight] of term) {
    const candidate = idf[id] as number;
    if (weight > bestWeight || (weight === bestWeight && candidate < value)) {
      bestWeight = weight;
      value = candidate;
    }
  }
  return value;
}
