import { describe, expect, it } from 'vitest';
import { matchTerms, parseQuery } from '../../../utils/search/query';
import { stemWord, wordMatches } from '../../../utils/search/text-terms';

describe('parseQuery', () => {
  it('keeps the words that count: no stop words, no repeats, at most eight', () => {
    expect(parseQuery('How do I grade the grade book').terms).toEqual(['grade', 'book']);
    expect(parseQuery('one two three four five six seven eight nine ten').terms).toHaveLength(8);
    expect(parseQuery('how to the').terms).toEqual([]);
  });

  it('reads the last word as half typed unless a stop word ends the query', () => {
    expect(parseQuery('embed vid').lastIsPrefix).toBe(true);
    expect(parseQuery('embed video for').lastIsPrefix).toBe(false);
    expect(parseQuery('').lastIsPrefix).toBe(false);
  });

  it('pairs adjacent words that may be one compound written apart', () => {
    expect(parseQuery('grade book').adjacent).toEqual([[0, 1]]);
    // A stop word between them breaks the pair.
    expect(parseQuery('grade the book').adjacent).toEqual([]);
  });

  it('reads a phrase with one real word as its meaning, and the word itself as a weaker clue', () => {
    const parsed = parseQuery('turn in');
    expect(parsed.terms).toEqual(['turn']);
    expect(parsed.literalWeight[0]).toBeLessThan(1);
    expect(parsed.phraseAlternatives[0]?.get(stemWord('submit'))).toBe(1);
  });

  it('gives each word of a longer phrase the phrase’s synonyms, weighted as synonyms', () => {
    const parsed = parseQuery('due date');
    expect(parsed.literalWeight).toEqual([1, 1]);
    for (const alternatives of parsed.phraseAlternatives) {
      expect(alternatives.get(stemWord('deadline'))).toBeGreaterThan(0);
      expect(alternatives.get(stemWord('deadline'))).toBeLessThan(1);
    }
  });
});

describe('matchTerms', () => {
  it('gives the stems, synonyms and the half-typed last word', () => {
    const terms = matchTerms('Grading vid');
    expect(terms.terms).toContain(stemWord('grade'));
    expect(terms.terms).toContain(stemWord('mark'));
    expect(terms.prefixes).toEqual(['vid']);
    expect(wordMatches('graded', terms)).toBe(true);
    expect(wordMatches('Marks', terms)).toBe(true);
    expect(wordMatches('Videos', terms)).toBe(true);
    expect(wordMatches('rubric', terms)).toBe(false);
    expect(matchTerms('how to')).toEqual({ terms: [], prefixes: [] });
  });

  it('includes what a phrase stands for, and no prefix shorter than two letters', () => {
    expect(matchTerms('hand in').terms).toContain(stemWord('submit'));
    expect(matchTerms('v').prefixes).toEqual([]);
  });
});
