import { describe, expect, it } from 'vitest';
import { queryWords, tokenizeForIndex, type TokenBuffer } from '../../../utils/search/tokenize';

function tokens(text: string): Array<[string, number]> {
  const out: TokenBuffer = { words: [], weights: [] };
  tokenizeForIndex(text, out);
  return out.words.map((word, index) => [word, out.weights[index] as number]);
}

describe('tokenizeForIndex', () => {
  it('folds words and drops stop words', () => {
    expect(tokens('Grade the Évaluation')).toEqual([
      ['grade', 1],
      ['evaluation', 1],
    ]);
  });

  it('adds the parts of camel-case words at reduced weight', () => {
    expect(tokens('SpeedGrader')).toEqual([
      ['speedgrader', 1],
      ['speed', 0.5],
      ['grader', 0.5],
    ]);
  });

  it('joins hyphenated compounds, keeping the parts of a pair whole', () => {
    expect(tokens('co-teacher')).toEqual([
      ['coteacher', 0.5],
      ['co', 1],
      ['teacher', 1],
    ]);
    expect(tokens('drag-and-drop')).toEqual([
      ['draganddrop', 0.5],
      ['drag', 0.5],
      ['drop', 0.5],
    ]);
  });

  it('drops possessives and apostrophes', () => {
    expect(tokens("Teacher's co-teacher's")).toEqual([
      ['teacher', 1],
      ['coteacher', 0.5],
      ['co', 1],
      ['teacher', 1],
    ]);
  });

  it('reads a negative contraction as its two words (stop words still dropped)', () => {
    expect(tokens("Students who haven't submitted, can't or won't")).toEqual([
      ['students', 1],
      ['have', 1],
      ['not', 1],
      ['submitted', 1],
      ['not', 1],
      ['not', 1],
    ]);
  });
});

describe('queryWords', () => {
  it('reads "haven’t", "havent" and "cannot" as two words each', () => {
    expect(queryWords('haven’t havent cannot dont')).toEqual(['have', 'not', 'have', 'not', 'can', 'not', 'do', 'not']);
  });

  it('keeps every word in order, stop words too, with hyphens split', () => {
    expect(queryWords('Turn in the co-teacher’s quiz')).toEqual(['turn', 'in', 'the', 'co', 'teacher', 'quiz']);
    expect(queryWords('?!…')).toEqual([]);
  });
});
