import type { Card } from '../cards/schema';
import { searchAnalyser } from './analyser';
import { topK } from './heap';
import { buildPostings } from './postings';
import { matchTerms, parseQuery } from './query';
import { foldText, type MatchTerms, type SearchLanguage } from './text-terms';
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
 * by the square of the share of query words the card matches and by what a perfect title match
 * would score, which gives the card's relevance: about 1 when every word is in the title.
 * Cards below RELEVANCE_FLOOR (PARTIAL_MATCH_FLOOR when they miss some of the query's words), or
 * below RELATIVE_FLOOR of the best card's relevance, are dropped. The tool and page boosts are bounded (at most
 * MAX_BOOST together), so they settle near-ties but never lift a weak match over a clearly
 * better one.
 *
 * Words are read by the analyser of the index's language (analyser.ts): English by default, or
 * Spanish (its stop words, stemmer and synonyms, which still read English words as English).
 * Queries and the marks of their results are read with the same analyser.
 */

export interface SearchOptions {
  /** The tool the teacher has open: its cards rank first. */
  tool?: string;
  /** The part of the tool (page) the teacher is on: its cards rank above the rest of the tool's. */
  context?: string;
  /** At most this many cards (default 50; `Infinity` for every match). */
  limit?: number;
  /** Tools the school does not use: cards only for these are left out, unless one is `tool`. */
  hiddenTools?: readonly string[];
}

export interface ScoredCard {
  card: Card;
  /** How well the card matches the query, before the tool and page boosts (≥ RELEVANCE_FLOOR). */
  relevance: number;
  /** Relevance with the boosts: the order of the results. */
  score: number;
}

export interface SearchIndex {
  /** Cards matching the query, best first. An empty or stop-word-only query gives []. */
  search(query: string, options?: SearchOptions): Card[];
  /** The same results with their relevance and boosted score. */
  rank(query: string, options?: SearchOptions): ScoredCard[];
  /** Like the exported matchTerms, plus the vocabulary words the query's typos resolved to. */
  matchTerms(query: string): MatchTerms;
  /** Number of cards indexed. */
  readonly size: number;
  /** Number of distinct words (before stemming) in the index. */
  readonly vocabularySize: number;
  /** The language whose analyser reads the cards and the queries. */
  readonly language: SearchLanguage;
}

export interface IndexOptions {
  /**
   * The teacher's language (a tag such as "es-419"): its stop words, stems and synonyms read
   * the cards, the queries and the marks. English unless it is Spanish.
   */
  language?: string;
  /** Typo and prefix look-ups are cached per query word; 0 turns the cache off (benchmarks). */
  wordCacheSize?: number;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/** Below this relevance a card is noise (a passing mention, a typo's synonym): not shown. */
export const RELEVANCE_FLOOR = 0.12;
/** The floor for a card that matches only some of the query's words: a weak match of one word of several is noise. */
export const PARTIAL_MATCH_FLOOR = 0.2;
/** A card also goes when it is this far behind the best match (a tail of passing mentions). */
export const RELATIVE_FLOOR = 0.25;
export const TOOL_BOOST = 1.5;
export const CONTEXT_BOOST = 1.2;
/** The most the tool and page boosts can multiply a card's relevance by. */
export const MAX_BOOST = TOOL_BOOST * CONTEXT_BOOST;
/** What one query word found in a card's title once scores (FIELD_WEIGHTS.title): relevance 1 per word. */
const TITLE_MATCH_SCORE = 10;
const DEFAULT_WORD_CACHE_SIZE = 2_000;

export function createSearchIndex(cards: readonly Card[], indexOptions: IndexOptions = {}): SearchIndex {
  const cardCount = cards.length;
  const analyser = searchAnalyser(indexOptions.language);
  const { stems, stemIds, postings, postingWeights, idf, vocabulary } = buildPostings(cards, analyser);

  // Ties go to the alphabetically first title, then id, so results never depend on timing.
  const order = cards.map((_, index) => index);
  const titleKeys = cards.map((card) => foldText(card.title));
  order.sort(
    (a, b) =>
      compareStrings(titleKeys[a] as string, titleKeys[b] as string) ||
      compareStrings((cards[a] as Card).id, (cards[b] as Card).id) ||
      a - b,
  );
  const titleRank = new Int32Array(cardCount);
  order.forEach((cardIndex, position) => (titleRank[cardIndex] = position));

  // Scratch space reused by every query (JavaScript runs one query at a time).
  const termBest = new Float64Array(cardCount);
  const total = new Float64Array(cardCount);
  const matched = new Uint8Array(cardCount);
  const finalScore = new Float64Array(cardCount);
  const relevance = new Float64Array(cardCount);

  const cacheSize = indexOptions.wordCacheSize ?? DEFAULT_WORD_CACHE_SIZE;
  const wordCache = new Map<string, WordReading>();

  function lookUpWord(word: string, isLast: boolean): WordReading {
    const key = `${isLast ? '>' : '='}${word}`;
    const cached = wordCache.get(key);
    if (cached) return cached;
    const reading = readWord(word, isLast, vocabulary, stemIds, analyser);
    if (cacheSize > 0) {
      if (wordCache.size >= cacheSize) wordCache.clear();
      wordCache.set(key, reading);
    }
    return reading;
  }

  /** Each query word with the stems it may mean, synonyms included. */
  function analyse(query: string): Expansions[] {
    const parsed = parseQuery(query, analyser);
    const readings = parsed.terms.map((word, index) => lookUpWord(word, parsed.lastIsPrefix && index === parsed.terms.length - 1));
    // Copies: synonyms and phrases are added per query, the cached readings stay as they are.
    const terms = readings.map((reading, index) => {
      const literal = parsed.literalWeight[index] as number;
      return new Map([...reading.expansions].map(([id, weight]) => [id, weight * literal]));
    });
    readings.forEach((reading, index) => {
      const term = terms[index] as Expansions;
      for (const [root, rootWeight] of reading.roots) {
        const corrected = rootWeight < 1 ? READING_WEIGHT.synonymOfCorrection : 1;
        const weight = rootWeight * corrected * (parsed.literalWeight[index] as number);
        for (const alternative of analyser.synonyms.single.get(root) ?? []) {
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

  function rank(query: string, options: SearchOptions = {}): ScoredCard[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (typeof query !== 'string' || !(limit > 0) || cardCount === 0) return [];
    const terms = analyse(query);
    if (terms.length === 0) return [];

    const touchedCards: number[] = [];
    const scratch: number[] = [];
    // A word no card uses (nor anything like it) counts against coverage only: no card could match it.
    let idfTotal = 0;
    for (const term of terms) {
      if (term.size === 0) continue;
      const termIdf = representativeIdf(term, idf);
      idfTotal += termIdf;
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

    // Cards that match more of the query's words come first; the current tool and page settle near-ties.
    const termCount = terms.length;
    const scale = idfTotal > 0 ? 1 / (idfTotal * TITLE_MATCH_SCORE) : 0;
    const hidden = options.hiddenTools?.length ? new Set(options.hiddenTools) : null;
    const kept: number[] = [];
    let best = 0;
    for (const cardIndex of touchedCards) {
      const coverage = (matched[cardIndex] as number) / termCount;
      const value = (total[cardIndex] as number) * coverage * coverage * scale;
      total[cardIndex] = 0;
      matched[cardIndex] = 0;
      const card = cards[cardIndex] as Card;
      if (value < (coverage < 1 ? PARTIAL_MATCH_FLOOR : RELEVANCE_FLOOR) || (hidden && isHidden(card, hidden, options.tool))) continue;
      const ofTool = options.tool !== undefined && card.tools.includes(options.tool);
      let score = value;
      if (ofTool) score *= TOOL_BOOST;
      if (options.context && (ofTool || !options.tool) && card.contexts.includes(options.context)) score *= CONTEXT_BOOST;
      relevance[cardIndex] = value;
      finalScore[cardIndex] = score;
      kept.push(cardIndex);
      if (value > best) best = value;
    }
    const floor = best * RELATIVE_FLOOR;
    const shown = kept.filter((cardIndex) => (relevance[cardIndex] as number) >= floor);
    const better = (a: number, b: number): boolean => {
      const diff = (finalScore[a] as number) - (finalScore[b] as number);
      return diff > 0 || (diff === 0 && (titleRank[a] as number) < (titleRank[b] as number));
    };
    return topK(shown, limit, better).map((cardIndex) => ({
      card: cards[cardIndex] as Card,
      relevance: relevance[cardIndex] as number,
      score: finalScore[cardIndex] as number,
    }));
  }

  const search = (query: string, options?: SearchOptions): Card[] => rank(query, options).map((scored) => scored.card);

  function indexMatchTerms(query: string): MatchTerms {
    const base = matchTerms(query, analyser.language);
    const terms = new Set(base.terms);
    for (const term of analyse(query)) for (const id of term.keys()) terms.add(stems[id] as string);
    return { ...base, terms: [...terms] };
  }

  return {
    search,
    rank,
    matchTerms: indexMatchTerms,
    size: cardCount,
    vocabularySize: vocabulary.words.length,
    language: analyser.language,
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

/** A card for hidden tools only, seen from another tool (or from no tool). */
function isHidden(card: Card, hidden: ReadonlySet<string>, tool: string | undefined): boolean {
  return card.tools.length > 0 && card.tools.every((id) => hidden.has(id) && id !== tool);
}
