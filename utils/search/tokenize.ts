import { contractionParts, foldText, STOP_WORDS } from './text-terms';

/**
 * Text to words, two ways: card text for the index (stop words dropped, compounds also split
 * into parts at reduced weight) and query text (every word in order, for phrases). Both read a
 * negative contraction as its two words ("haven't" → have, not).
 */

/** Parts of compound words (SpeedGrader → speed, grader; drag-and-drop → draganddrop) count less. */
const PART_WEIGHT = 0.5;

// Words with inner apostrophes or hyphens stay together so compounds can be joined.
const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/gu;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Reused output buffers of the index tokenizer: folded words and their weights. */
export interface TokenBuffer {
  words: string[];
  weights: number[];
}

/** foldText for one word, skipping Unicode normalisation for plain ASCII (most words). */
function foldWord(word: string): string {
  return NON_ASCII.test(word) ? foldText(word) : word.toLowerCase();
}

/** Tokens of card text, with compound parts at reduced weight. Stop words (the analyser's) are dropped. */
export function tokenizeForIndex(text: string, out: TokenBuffer, stopWords: ReadonlySet<string> = STOP_WORDS): void {
  for (const match of text.matchAll(WORD_PATTERN)) {
    let raw = match[0];
    const contraction = contractionParts(foldWord(raw));
    if (contraction) {
      for (const part of contraction) pushToken(out, part, 1, stopWords);
      continue;
    }
    if (raw.includes("'") || raw.includes('’')) raw = raw.replace(/['’]s$/i, '').replace(/['’]/g, '');
    if (!raw.includes('-') && !raw.includes('‐')) {
      pushWord(out, raw, 1, stopWords);
      continue;
    }
    const parts = raw.split(/[-‐]/).filter(Boolean);
    pushToken(out, foldWord(parts.join('')), PART_WEIGHT, stopWords);
    for (const part of parts) pushWord(out, part, parts.length > 2 ? PART_WEIGHT : 1, stopWords);
  }
}

/** One word, and its camel-case parts when it has them (SpeedGrader → speed, grader). */
function pushWord(out: TokenBuffer, word: string, weight: number, stopWords: ReadonlySet<string>): void {
  const folded = foldWord(word);
  pushToken(out, folded, weight, stopWords);
  if (word.length > 3 && word.slice(1) !== folded.slice(1)) {
    const pieces = word.split(CAMEL_BOUNDARY);
    if (pieces.length > 1) for (const piece of pieces) pushToken(out, foldWord(piece), PART_WEIGHT, stopWords);
  }
}

function pushToken(out: TokenBuffer, word: string, weight: number, stopWords: ReadonlySet<string>): void {
  if (word && !stopWords.has(word)) {
    out.words.push(word);
    out.weights.push(weight);
  }
}

/** Every word of a query or phrase, folded, in order, stop words included (phrases need them). */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const match of foldText(text).matchAll(WORD_PATTERN)) {
    const contraction = contractionParts(match[0]);
    if (contraction) {
      words.push(...contraction);
      continue;
    }
    const raw = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    for (const part of raw.split(/[-‐]/)) if (part) words.push(part);
  }
  return words;
}
