import Fuse from 'fuse.js';
import type { Card } from '../cards/schema';
import { contextName, toolById } from '../tools/catalog';
import { foldText, isHighlighted, stemWord, STOP_WORDS, stripMarkdown, termOf, type HighlightTerms } from './text-terms';

// Re-exported: these lived here first, and the index still speaks in these terms.
export { foldText, isHighlighted, stemWord, stripMarkdown, termOf, type HighlightTerms };

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
  /** Like the exported highlightTerms, plus the vocabulary words the query's typos resolved to. */
  highlightTerms(query: string): HighlightTerms;
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

// Title and tags say what a card is about; steps mention many things in passing.
const FIELD_WEIGHTS = {
  title: 10,
  tags: 7,
  summary: 4,
  links: 3,
  tools: 3,
  contexts: 2,
  steps: 1.5,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

// BM25-style saturation and length normalisation per field (b = 0: length does not matter).
const K1 = 1.2;
const LENGTH_NORM: Record<Field, number> = {
  title: 0.5,
  tags: 0.3,
  summary: 0.5,
  links: 0.3,
  tools: 0,
  contexts: 0,
  steps: 0.6,
};

/** Parts of compound words (SpeedGrader → speed, grader; drag-and-drop → draganddrop) count less. */
const PART_WEIGHT = 0.5;

// How much an alternative to what the teacher typed is worth, relative to the word itself.
const WEIGHT = {
  synonym: 0.6,
  synonymPhrasePart: 0.45,
  /** "turn" in "turn in": the phrase's meaning matters, the word alone is a weak clue. */
  wordInsidePhrase: 0.6,
  fuzzyOneEdit: 0.72,
  fuzzyTwoEdits: 0.5,
  fuzzyPrefix: 0.55,
  prefixMin: 0.55,
  prefixSpan: 0.4,
} as const;

const TOOL_BOOST = 2.5;
const CONTEXT_BOOST = 1.6;
const MAX_QUERY_TERMS = 8;
const MAX_PREFIX_EXPANSIONS = 40;
const MAX_FUZZY_WORD_LENGTH = 24;
const DEFAULT_WORD_CACHE_SIZE = 2_000;

/**
 * Words teachers use for the same thing. Each group is matched in both directions; a member may
 * be a phrase ("due date"). Stems are applied at load, so list base forms.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['grade', 'mark', 'score'],
  ['video', 'clip', 'movie', 'film'],
  ['quiz', 'test', 'assessment', 'exam'],
  ['assignment', 'task', 'homework'],
  ['student', 'learner', 'pupil', 'kid'],
  ['delete', 'remove', 'erase', 'trash'],
  ['share', 'send'],
  ['rubric', 'criteria', 'criterion'],
  ['comment', 'feedback'],
  ['announcement', 'announce', 'post'],
  ['copy', 'duplicate', 'clone'],
  ['due date', 'deadline'],
  ['submit', 'submission', 'turn in', 'hand in'],
  ['embed', 'insert'],
  ['link', 'url'],
  ['image', 'picture', 'photo'],
  ['class', 'course'],
  ['parent', 'guardian', 'family'],
  ['email', 'mail'],
  ['calendar', 'schedule'],
  ['late', 'overdue'],
  ['sign in', 'log in', 'login'],
  ['discussion', 'forum', 'thread'],
  ['audio', 'voice', 'sound'],
  ['accommodation', 'extra time', 'extension'],
  ['co-teacher', 'coteacher', 'co teacher'],
  ['hide', 'unpublish'],
  ['mute', 'silence'],
  ['archive', 'end of year'],
];

/** Reused output buffers of the index tokenizer: folded words and their weights. */
interface TokenBuffer {
  words: string[];
  weights: number[];
}

// Words with inner apostrophes or hyphens stay together so compounds can be joined.
const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/gu;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const NON_ASCII = /[^\p{ASCII}]/u;

/** foldText for one word, skipping Unicode normalisation for plain ASCII (most words). */
function foldWord(word: string): string {
  return NON_ASCII.test(word) ? foldText(word) : word.toLowerCase();
}

/** Tokens of card text, with compound parts at reduced weight. Stop words are dropped. */
function tokenizeForIndex(text: string, out: TokenBuffer): void {
  for (const match of text.matchAll(WORD_PATTERN)) {
    let raw = match[0];
    if (raw.includes("'") || raw.includes('’')) raw = raw.replace(/['’]s$/i, '').replace(/['’]/g, '');
    if (!raw.includes('-') && !raw.includes('‐')) {
      pushWord(out, raw, 1);
      continue;
    }
    const parts = raw.split(/[-‐]/).filter(Boolean);
    pushToken(out, foldWord(parts.join('')), PART_WEIGHT);
    for (const part of parts) pushWord(out, part, parts.length > 2 ? PART_WEIGHT : 1);
  }
}

/** One word, and its camel-case parts when it has them (SpeedGrader → speed, grader). */
function pushWord(out: TokenBuffer, word: string, weight: number): void {
  const folded = foldWord(word);
  pushToken(out, folded, weight);
  if (word.length > 3 && word.slice(1) !== folded.slice(1)) {
    const pieces = word.split(CAMEL_BOUNDARY);
    if (pieces.length > 1) for (const piece of pieces) pushToken(out, foldWord(piece), PART_WEIGHT);
  }
}

function pushToken(out: TokenBuffer, word: string, weight: number): void {
  if (word && !STOP_WORDS.has(word)) {
    out.words.push(word);
    out.weights.push(weight);
  }
}

/** Every word of a query or phrase, folded, in order, stop words included (phrases need them). */
function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const match of foldText(text).matchAll(WORD_PATTERN)) {
    const raw = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    for (const part of raw.split(/[-‐]/)) if (part) words.push(part);
  }
  return words;
}

interface ParsedQuery {
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

function parseQuery(query: string): ParsedQuery {
  const words = queryWords(query);
  const terms: string[] = [];
  const termOfWord = words.map((word) => {
    if (STOP_WORDS.has(word)) return -1;
    let index = terms.indexOf(word);
    if (index === -1 && terms.length < MAX_QUERY_TERMS) index = terms.push(word) - 1;
    return index;
  });
  const phraseAlternatives = terms.map(() => new Map<string, number>());
  const literalWeight = terms.map(() => 1);
  const stems = words.map(stemWord);
  for (let start = 0; start < words.length; start++) {
    for (let length = 2; length <= MAX_PHRASE_WORDS && start + length <= words.length; length++) {
      const alternatives = SYNONYMS.phrases.get(stems.slice(start, start + length).join(' '));
      if (!alternatives) continue;
      const window = termOfWord.slice(start, start + length).filter((term) => term >= 0);
      // A phrase with one real word ("turn in", "log in") means its synonym, not that word.
      const alone = window.length === 1;
      for (const term of window) {
        if (alone) literalWeight[term] = WEIGHT.wordInsidePhrase;
        for (const alternative of alternatives) {
          addWeight(phraseAlternatives[term] as Map<string, number>, alternative, alone ? 1 : WEIGHT.synonym);
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
  const lastIsPrefix = lastWord !== undefined && !STOP_WORDS.has(lastWord) && terms[terms.length - 1] === lastWord;
  return { terms, phraseAlternatives, literalWeight, lastIsPrefix, adjacent };
}

function addWeight(map: Map<string, number>, key: string, weight: number): void {
  if (weight > (map.get(key) ?? 0)) map.set(key, weight);
}

// ---------------------------------------------------------------------------------------------
// Synonyms

const MAX_PHRASE_WORDS = 3;

interface SynonymTable {
  /** Stem → alternatives, each a list of stems (more than one for a phrase, stop words left out). */
  single: Map<string, string[][]>;
  /** "due dat" (stems of every word, joined by a space) → single-stem alternatives. */
  phrases: Map<string, string[]>;
}

function buildSynonymTable(groups: readonly (readonly string[])[]): SynonymTable {
  const single = new Map<string, string[][]>();
  const phrases = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map((phrase) => {
      const words = queryWords(phrase);
      return { key: words.map(stemWord).join(' '), words, content: words.filter((word) => !STOP_WORDS.has(word)).map(stemWord) };
    });
    for (const member of members) {
      const others = members.filter((other) => other.key !== member.key);
      if (member.words.length === 1) {
        const list = single.get(member.key) ?? [];
        // "turn in" without its stop word is just "turn": a phrase must keep two words to count.
        for (const other of others) if (other.words.length === 1 || other.content.length > 1) list.push(other.content);
        single.set(member.key, list);
      } else {
        const list = phrases.get(member.key) ?? [];
        for (const other of others) if (other.words.length === 1) list.push(other.key);
        phrases.set(member.key, list);
      }
    }
  }
  return { single, phrases };
}

const SYNONYMS = buildSynonymTable(SYNONYM_GROUPS);

// ---------------------------------------------------------------------------------------------
// Edit distance (the final check on fuse.js candidates)

/** Optimal string alignment distance (a swap of neighbours counts once), or max + 1 if above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return alignment(a, b, max, false);
}

/** Smallest edit distance between `a` and any prefix of `b`. */
export function prefixEditDistance(a: string, b: string, max: number): number {
  return alignment(a, b, max, true);
}

function alignment(a: string, b: string, max: number, prefixOfB: boolean): number {
  const n = a.length;
  const m = prefixOfB ? Math.min(b.length, n + max) : b.length;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (current[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  const best = prefixOfB ? Math.min(...prev) : (prev[m] as number);
  return Math.min(best, max + 1);
}

/** Typos allowed in a word of this length: none in short words, where a change is another word. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

// ---------------------------------------------------------------------------------------------
// The index

/** One reading of a query word: a stem it may mean and how much that reading is worth. */
type Expansions = Map<number, number>;

interface Vocabulary {
  /** Distinct surface words, sorted, for prefix ranges. */
  words: string[];
  /** Stem id of each word in `words`. */
  wordStem: Int32Array;
  /** Number of cards each word occurs in. */
  wordDf: Int32Array;
  /** fuse.js over the words, one instance per word length and first (or last) letters, for typo look-ups. */
  fuzzyBuckets: Map<string, Fuse<string>>;
  wordIndex: Map<string, number>;
}

export function createSearchIndex(cards: readonly Card[], indexOptions: IndexOptions = {}): SearchIndex {
  const cardCount = cards.length;
  const stemIds = new Map<string, number>();
  const stems: string[] = [];
  const stemId = (value: string): number => {
    let id = stemIds.get(value);
    if (id === undefined) {
      id = stems.length;
      stemIds.set(value, id);
      stems.push(value);
    }
    return id;
  };

  // Pass 1: term frequencies per card and field, kept in flat arrays (fewer objects to collect),
  // and field lengths for normalisation.
  const surfaceIds = new Map<string, number>();
  const surfaceWords: string[] = [];
  const surfaceStem: number[] = [];
  const surfaceDf: number[] = [];
  const surfaceLastCard: number[] = [];
  const entryStem: number[] = [];
  const entryTf: number[] = [];
  /** Per card and field: where its entries end, and its length in words. */
  const fieldEnd = new Int32Array(cardCount * FIELDS.length);
  const fieldLength = new Float64Array(cardCount * FIELDS.length);
  const lengthTotals = new Float64Array(FIELDS.length);
  const buffer: TokenBuffer = { words: [], weights: [] };
  const tf = new Map<number, number>();
  cards.forEach((card, cardIndex) => {
    FIELDS.forEach((field, fieldIndex) => {
      buffer.words.length = 0;
      buffer.weights.length = 0;
      for (const text of fieldTexts(card, field)) tokenizeForIndex(text, buffer);
      tf.clear();
      let length = 0;
      for (let t = 0; t < buffer.words.length; t++) {
        const word = buffer.words[t] as string;
        const weight = buffer.weights[t] as number;
        let surface = surfaceIds.get(word);
        if (surface === undefined) {
          surface = surfaceWords.length;
          surfaceIds.set(word, surface);
          surfaceWords.push(word);
          surfaceStem.push(stemId(stemWord(word)));
          surfaceDf.push(0);
          surfaceLastCard.push(-1);
        }
        if (surfaceLastCard[surface] !== cardIndex) {
          surfaceLastCard[surface] = cardIndex;
          surfaceDf[surface] = (surfaceDf[surface] as number) + 1;
        }
        const id = surfaceStem[surface] as number;
        tf.set(id, (tf.get(id) ?? 0) + weight);
        if (weight === 1) length++;
      }
      for (const [id, count] of tf) {
        entryStem.push(id);
        entryTf.push(count);
      }
      const slot = cardIndex * FIELDS.length + fieldIndex;
      fieldEnd[slot] = entryStem.length;
      fieldLength[slot] = length;
      lengthTotals[fieldIndex] = (lengthTotals[fieldIndex] as number) + length;
    });
  });

  // Pass 2: one weighted score per (card, stem), collected into posting lists.
  const averageLength = Array.from(lengthTotals, (totalLength) => Math.max(1, totalLength / Math.max(1, cardCount)));
  const postingCards: number[][] = stems.map(() => []);
  const postingScores: number[][] = stems.map(() => []);
  const scores = new Map<number, number>();
  let entry = 0;
  for (let cardIndex = 0; cardIndex < cardCount; cardIndex++) {
    scores.clear();
    FIELDS.forEach((field, fieldIndex) => {
      const slot = cardIndex * FIELDS.length + fieldIndex;
      const b = LENGTH_NORM[field];
      const norm = 1 - b + (b * (fieldLength[slot] as number)) / (averageLength[fieldIndex] as number);
      const weight = FIELD_WEIGHTS[field];
      for (const end = fieldEnd[slot] as number; entry < end; entry++) {
        const id = entryStem[entry] as number;
        const count = entryTf[entry] as number;
        scores.set(id, (scores.get(id) ?? 0) + (weight * count * (K1 + 1)) / (count + K1 * norm));
      }
    });
    for (const [id, score] of scores) {
      (postingCards[id] as number[]).push(cardIndex);
      (postingScores[id] as number[]).push(score);
    }
  }
  const postings = postingCards.map((list) => Int32Array.from(list));
  const postingWeights = postingScores.map((list) => Float32Array.from(list));
  const idf = Float64Array.from(postings, (list) => Math.log(1 + (cardCount - list.length + 0.5) / (list.length + 0.5)));

  const vocabulary = buildVocabulary(surfaceWords, surfaceStem, surfaceDf);

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
          const altWeight = weight * (alternative.length === 1 ? WEIGHT.synonym : WEIGHT.synonymPhrasePart);
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

  function indexHighlightTerms(query: string): HighlightTerms {
    const base = highlightTerms(query);
    const terms = new Set(base.terms);
    for (const term of analyse(query)) for (const id of term.keys()) terms.add(stems[id] as string);
    return { terms: [...terms], prefixes: base.prefixes };
  }

  return {
    search,
    highlightTerms: indexHighlightTerms,
    size: cardCount,
    vocabularySize: vocabulary.words.length,
  };
}

/** The text of one field of a card; Markdown is reduced to words. */
function fieldTexts(card: Card, field: Field): string[] {
  switch (field) {
    case 'title':
      return [card.title];
    case 'tags':
      return card.tags;
    case 'summary':
      return [stripMarkdown(card.summary)];
    case 'links':
      return card.links.map((link) => link.title);
    case 'tools':
      return card.tools.flatMap((id) => [id, toolById(id)?.name ?? '']);
    case 'contexts':
      // The id and the catalogue's name for it ("grader" is the "Grading tool").
      return card.contexts.flatMap((id) => [id, ...card.tools.map((tool) => contextName(tool, id) ?? '')]);
    case 'steps':
      return card.steps.map(stripMarkdown);
  }
}

function buildVocabulary(surfaceWords: string[], surfaceStem: number[], surfaceDf: number[]): Vocabulary {
  const order = surfaceWords.map((_, index) => index).sort((a, b) => compareStrings(surfaceWords[a] as string, surfaceWords[b] as string));
  const words = order.map((index) => surfaceWords[index] as string);
  const wordStem = Int32Array.from(order, (index) => surfaceStem[index] as number);
  const wordDf = Int32Array.from(order, (index) => surfaceDf[index] as number);
  const wordIndex = new Map(words.map((word, index) => [word, index]));

  const buckets = new Map<string, string[]>();
  for (const word of words) {
    // Short words get no typo tolerance; digits are ids or numbers, not typos.
    if (word.length < 3 || word.length > MAX_FUZZY_WORD_LENGTH + 2 || /\d/.test(word)) continue;
    for (const key of [firstLetterBucket(word.length, word), lastLetterBucket(word.length, word)]) {
      const list = buckets.get(key);
      if (list) list.push(word);
      else buckets.set(key, [word]);
    }
  }
  const fuzzyBuckets = new Map<string, Fuse<string>>();
  for (const [key, list] of buckets) {
    const length = (list[0] as string).length;
    fuzzyBuckets.set(
      key,
      new Fuse(list, {
        includeScore: true,
        shouldSort: false,
        ignoreFieldNorm: true,
        location: 0,
        distance: 8,
        // Loose enough for the typos allowed at this length (a swap costs fuse two errors); the
        // edit distance check is the real gate. Tighter thresholds make fuse.js much faster.
        threshold: Math.min(0.6, (1.5 * maxEdits(length) + 0.5) / length + 0.05),
      }),
    );
  }
  return { words, wordStem, wordDf, fuzzyBuckets, wordIndex };
}

/**
 * Typo look-ups search words of about the same length that share their first two letters, or
 * their last two, with the query word (one letter each for short words): a small slice of the
 * vocabulary that still holds nearly every typo. Missed: a typo that changes both ends of a
 * word, as two typos in a long word or a swap in the middle of a four-letter word can.
 */
function bucketLetters(length: number): number {
  return length <= 5 ? 1 : 2;
}

function firstLetterBucket(length: number, word: string): string {
  return `${length}^${word.slice(0, bucketLetters(length))}`;
}

function lastLetterBucket(length: number, word: string): string {
  return `${length}$${word.slice(-bucketLetters(length))}`;
}

/**
 * What one query word may mean. `roots` are the words it stands for (itself, or what its typo
 * corrects to), which bring in their synonyms; completions of a half-typed word do not.
 */
interface WordReading {
  expansions: Expansions;
  roots: Map<string, number>;
}

function readWord(word: string, isLast: boolean, vocabulary: Vocabulary, stemIds: Map<string, number>): WordReading {
  const expansions: Expansions = new Map();
  const own = stemWord(word);
  const roots = new Map<string, number>([[own, 1]]);
  const exact = stemIds.get(own);
  addExpansion(expansions, exact, 1);

  if (isLast && word.length >= 2) addPrefixExpansions(expansions, word, vocabulary);

  // Only a word the cards do not use (nor begin with, nor have a synonym for) is taken for a typo.
  const known =
    exact !== undefined ||
    expansions.size > 0 ||
    vocabulary.wordIndex.has(word) ||
    (SYNONYMS.single.get(own) ?? []).some((alternative) => alternative.every((altStem) => stemIds.has(altStem)));
  const edits = maxEdits(word.length);
  if (known || edits === 0 || word.length > MAX_FUZZY_WORD_LENGTH || /\d/.test(word)) return { expansions, roots };

  // Nearly every typo changes the length by at most one; the wider window is a fallback.
  const found = new Set<string>();
  const lengths = [word.length, word.length - 1, word.length + 1];
  for (let pass = 0; pass < 2; pass++) {
    for (const length of pass === 0 ? lengths : [word.length - 2, word.length + 2]) {
      for (const key of [firstLetterBucket(length, word), lastLetterBucket(length, word)]) {
        for (const result of vocabulary.fuzzyBuckets.get(key)?.search(word) ?? []) {
          if (found.has(result.item)) continue;
          found.add(result.item);
          const distance = editDistance(word, result.item, edits);
          if (distance > edits) continue;
          const weight = distance <= 1 ? WEIGHT.fuzzyOneEdit : WEIGHT.fuzzyTwoEdits;
          addExpansion(expansions, vocabulary.wordStem[vocabulary.wordIndex.get(result.item) as number], weight);
          const rootStem = stemWord(result.item);
          if (weight > (roots.get(rootStem) ?? 0)) roots.set(rootStem, weight);
        }
      }
    }
    if (edits < 2 || roots.size > 1) break;
  }
  // A typo in a word still being typed ("anounc"): compare with the start of longer words.
  if (isLast && word.length >= 5) {
    const [from, to] = prefixRange(vocabulary.words, word.slice(0, 2));
    for (let index = from; index < to; index++) {
      const candidate = vocabulary.words[index] as string;
      if (candidate.length <= word.length) continue;
      if (prefixEditDistance(word, candidate, 1) <= 1) addExpansion(expansions, vocabulary.wordStem[index], WEIGHT.fuzzyPrefix);
    }
  }
  return { expansions, roots };
}

function addPrefixExpansions(expansions: Expansions, prefix: string, vocabulary: Vocabulary): void {
  const [from, to] = prefixRange(vocabulary.words, prefix);
  let candidates: number[] = [];
  for (let index = from; index < to; index++) candidates.push(index);
  if (candidates.length > MAX_PREFIX_EXPANSIONS) {
    // The most common completions are the likeliest; ties alphabetical for determinism.
    candidates.sort((a, b) => (vocabulary.wordDf[b] as number) - (vocabulary.wordDf[a] as number) || a - b);
    candidates = candidates.slice(0, MAX_PREFIX_EXPANSIONS);
  }
  for (const index of candidates) {
    const completion = vocabulary.words[index] as string;
    const weight = WEIGHT.prefixMin + (WEIGHT.prefixSpan * prefix.length) / completion.length;
    addExpansion(expansions, vocabulary.wordStem[index], weight);
  }
}

function addExpansion(expansions: Expansions, id: number | undefined, weight: number): void {
  if (id === undefined) return;
  if (weight > (expansions.get(id) ?? 0)) expansions.set(id, weight);
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

/** Indices [from, to) of the sorted words that start with `prefix`. */
function prefixRange(words: string[], prefix: string): [number, number] {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((words[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < words.length && (words[end] as string).startsWith(prefix)) end++;
  return [low, end];
}

/** The best `limit` items, best first, without sorting every candidate (a bounded heap). */
function topK(items: number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  if (items.length <= limit || !Number.isFinite(limit)) {
    return [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, limit);
  }
  const k = Math.floor(limit);
  // Min-heap on "better": the root is the worst of the best k so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as number, heap[parent] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (better(item, heap[0] as number)) {
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < k && worse(heap[left] as number, heap[smallest] as number)) smallest = left;
        if (right < k && worse(heap[right] as number, heap[smallest] as number)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
        i = smallest;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The normalised terms and prefixes to highlight for a query, without an index: the stems of
 * the query's words and their synonyms, and the last word as a prefix (it may be half typed).
 */
export function highlightTerms(query: string): HighlightTerms {
  const parsed = parseQuery(query);
  const terms = new Set<string>();
  parsed.terms.forEach((word, index) => {
    const own = stemWord(word);
    terms.add(own);
    for (const alternative of SYNONYMS.single.get(own) ?? []) for (const altStem of alternative) terms.add(altStem);
    for (const altStem of parsed.phraseAlternatives[index]?.keys() ?? []) terms.add(altStem);
  });
  const last = parsed.terms[parsed.terms.length - 1];
  const prefixes = parsed.lastIsPrefix && last && last.length >= 2 ? [last] : [];
  return { terms: [...terms], prefixes };
}
