import type { Card } from '../cards/schema';
import { contextName, toolById } from '../tools/catalog';
import { pageNameIn, toolNameIn } from '../tools/localized-names';
import { TRANSLATION_TAG_PREFIX } from '../cards/language';
import { ENGLISH_ANALYSER, type SearchAnalyser } from './analyser';
import { stripMarkdown } from './text-terms';
import { tokenizeForIndex, type TokenBuffer } from './tokenize';
import { buildVocabulary, type Vocabulary } from './vocabulary';

/**
 * The inverted index proper: for every stem, the cards that use it and a field-weighted,
 * BM25-style score per card, plus the stem's idf and the vocabulary of surface words.
 */

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

export interface Postings {
  /** Stem of each stem id, and the id of each stem. */
  stems: string[];
  stemIds: Map<string, number>;
  /** Per stem id: the cards (by position) that use it, ascending, and each card's score for it. */
  postings: Int32Array[];
  postingWeights: Float32Array[];
  /** Per stem id: inverse document frequency. */
  idf: Float64Array;
  vocabulary: Vocabulary;
}

export function buildPostings(cards: readonly Card[], analyser: SearchAnalyser = ENGLISH_ANALYSER): Postings {
  const { stopWords } = analyser;
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
      for (const text of fieldTexts(card, field)) tokenizeForIndex(text, buffer, stopWords);
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
          surfaceStem.push(stemId(analyser.stem(word)));
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

  return { stems, stemIds, postings, postingWeights, idf, vocabulary: buildVocabulary(surfaceWords, surfaceStem, surfaceDf) };
}

/** The text of one field of a card; Markdown is reduced to words. */
function fieldTexts(card: Card, field: Field): string[] {
  switch (field) {
    case 'title':
      return [card.title];
    case 'tags':
      // "translation-of:<id>" names the card's original: bookkeeping, not a word teachers search for.
      return card.tags.filter((tag) => !tag.startsWith(TRANSLATION_TAG_PREFIX));
    case 'summary':
      return [stripMarkdown(card.summary)];
    case 'links':
      return card.links.map((link) => link.title);
    case 'tools':
      // The catalogue's name, and the name in the card's own language where it differs ("Documentos de Google").
      return card.tools.flatMap((id) => [id, ...withLocal(toolById(id)?.name ?? '', card.lang && toolNameIn(id, card.lang))]);
    case 'contexts':
      // The id and the catalogue's name for it ("grader" is the "Grading tool"), and its name in the card's language.
      return card.contexts.flatMap((id) => [
        id,
        ...card.tools.flatMap((tool) => withLocal(contextName(tool, id) ?? '', card.lang && pageNameIn(tool, id, card.lang))),
      ]);
    case 'steps':
      return card.steps.map(stripMarkdown);
  }
}

/** A name, and its localized form when there is a different one. */
function withLocal(name: string, local: string | null | undefined | ''): string[] {
  return local && local !== name ? [name, local] : [name];
}
