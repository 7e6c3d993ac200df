/** How much an alternative to what the teacher typed is worth, relative to the word itself. */
export const READING_WEIGHT = {
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
