import Fuse from 'fuse.js';

/**
 * The index's distinct words, sorted for prefix look-ups and bucketed for typo look-ups
 * (fuse.js over the words, not over the cards).
 */

export interface Vocabulary {
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

/** Longer words are ids, URLs run together or pasted text: not typos worth correcting. */
export const MAX_FUZZY_WORD_LENGTH = 24;

/** Typos allowed in a word of this length: none in short words, where a change is another word. */
export function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Code-unit order, the order prefixRange relies on (localeCompare would break it). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildVocabulary(surfaceWords: string[], surfaceStem: number[], surfaceDf: number[]): Vocabulary {
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

export function firstLetterBucket(length: number, word: string): string {
  return `${length}^${word.slice(0, bucketLetters(length))}`;
}

export function lastLetterBucket(length: number, word: string): string {
  return `${length}$${word.slice(-bucketLetters(length))}`;
}

/** Indices [from, to) of the sorted words that start with `prefix`. */
export function prefixRange(words: string[], prefix: string): [number, number] {
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
