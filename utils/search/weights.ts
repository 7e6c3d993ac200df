/**
 * How much an alternative to what the teacher typed is worth, relative to the word itself.
 * Exact words and completions of the word being typed count most; typo corrections and
 * synonyms less; a synonym of a typo's correction ("anouncement" → announcement → post) least.
 */
export const READING_WEIGHT = {
  synonym: 0.5,
  synonymPhrasePart: 0.4,
  /** Times the synonym weight, for the synonyms of a word the teacher did not type (a typo's correction). */
  synonymOfCorrection: 0.5,
  /** "turn" in "turn in": the phrase's meaning matters, the word alone is a weak clue. */
  wordInsidePhrase: 0.6,
  fuzzyOneEdit: 0.6,
  fuzzyTwoEdits: 0.45,
  fuzzyPrefix: 0.5,
  /** Times the typo weight when a typo is as close to more than one word the cards use. */
  ambiguousCorrection: 0.6,
  prefixMin: 0.6,
  prefixSpan: 0.35,
} as const;
