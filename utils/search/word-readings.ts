import { editDistance, prefixEditDistance } from '../platform/edit-distance';
import { ENGLISH_ANALYSER, type SearchAnalyser } from './analyser';
import { firstLetterBucket, lastLetterBucket, MAX_FUZZY_WORD_LENGTH, maxEdits, prefixRange, type Vocabulary } from './vocabulary';
import { READING_WEIGHT } from './weights';

/** Stems (by id) one query word may mean, each with how much that reading is worth. */
export type Expansions = Map<number, number>;

/**
 * What one query word may mean. `roots` are the words it stands for (itself, or what its typo
 * corrects to), which bring in their synonyms; completions of a half-typed word do not.
 */
export interface WordReading {
  expansions: Expansions;
  roots: Map<string, number>;
}

/** A half-typed word with more completions than this keeps only the commonest. */
const MAX_PREFIX_EXPANSIONS = 40;

export function readWord(
  word: string,
  isLast: boolean,
  vocabulary: Vocabulary,
  stemIds: Map<string, number>,
  analyser: SearchAnalyser = ENGLISH_ANALYSER,
): WordReading {
  const expansions: Expansions = new Map();
  const stemWord = (value: string) => analyser.stem(value);
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
    (analyser.synonyms.single.get(own) ?? []).some((alternative) => alternative.every((altStem) => stemIds.has(altStem)));
  const edits = maxEdits(word.length);
  if (known || edits === 0 || word.length > MAX_FUZZY_WORD_LENGTH || /\d/.test(word)) return { expansions, roots };

  // Nearly every typo changes the length by at most one; the wider window is a fallback.
  const found = new Set<string>();
  const corrections = new Map<string, number>();
  const lengths = [word.length, word.length - 1, word.length + 1];
  for (let pass = 0; pass < 2; pass++) {
    for (const length of pass === 0 ? lengths : [word.length - 2, word.length + 2]) {
      for (const key of [firstLetterBucket(length, word), lastLetterBucket(length, word)]) {
        for (const result of vocabulary.fuzzyBuckets.get(key)?.search(word) ?? []) {
          if (found.has(result.item)) continue;
          found.add(result.item);
          const distance = editDistance(word, result.item, edits);
          if (distance > edits) continue;
          corrections.set(result.item, distance <= 1 ? READING_WEIGHT.fuzzyOneEdit : READING_WEIGHT.fuzzyTwoEdits);
        }
      }
    }
    if (edits < 2 || corrections.size > 0) break;
  }
  // A typo that could be one of several words ("bake": make, take) is a weaker clue to each.
  const correctedStems = new Set([...corrections.keys()].map(stemWord));
  const ambiguity = correctedStems.size > 1 ? READING_WEIGHT.ambiguousCorrection : 1;
  for (const [item, itemWeight] of corrections) {
    const weight = itemWeight * ambiguity;
    addExpansion(expansions, vocabulary.wordStem[vocabulary.wordIndex.get(item) as number], weight);
    const rootStem = stemWord(item);
    if (weight > (roots.get(rootStem) ?? 0)) roots.set(rootStem, weight);
  }
  // A typo in a word still being typed ("anounc"): compare with the start of longer words.
  if (isLast && word.length >= 5) {
    const [from, to] = prefixRange(vocabulary.words, word.slice(0, 2));
    for (let index = from; index < to; index++) {
      const candidate = vocabulary.words[index] as string;
      if (candidate.length <= word.length) continue;
      if (prefixEditDistance(word, candidate, 1) <= 1) addExpansion(expansions, vocabulary.wordStem[index], READING_WEIGHT.fuzzyPrefix);
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
    const weight = READING_WEIGHT.prefixMin + (READING_WEIGHT.prefixSpan * prefix.length) / completion.length;
    addExpansion(expansions, vocabulary.wordStem[index], weight);
  }
}

/** Keeps the stronger of two readings of the same stem. */
export function addExpansion(expansions: Expansions, id: number | undefined, weight: number): void {
  if (id === undefined) return;
  if (weight > (expansions.get(id) ?? 0)) expansions.set(id, weight);
}
