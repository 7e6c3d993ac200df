import { describe, expect, it } from 'vitest';
import { editDistance, levenshteinDistance, prefixEditDistance } from '../../../utils/platform/edit-distance';

describe('editDistance', () => {
  it('measures typos as edits, a swap of neighbours counting once', () => {
    expect(editDistance('vidoe', 'video', 2)).toBe(1);
    expect(editDistance('rubrik', 'rubric', 2)).toBe(1);
    expect(editDistance('anouncement', 'announcement', 2)).toBe(1);
    expect(editDistance('rubric', 'rubric', 2)).toBe(0);
  });

  it('answers max + 1 for anything further than max', () => {
    expect(editDistance('grade', 'gradebook', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('', 'abc', 1)).toBe(2);
  });
});

describe('prefixEditDistance', () => {
  it('compares a half-typed word with the closest start of a longer one', () => {
    expect(prefixEditDistance('anounc', 'announcement', 1)).toBe(1);
    expect(prefixEditDistance('announ', 'announcement', 1)).toBe(0);
    expect(prefixEditDistance('xyz', 'announcement', 1)).toBe(2);
  });
});

describe('levenshteinDistance', () => {
  it('counts a swap of neighbours as two edits', () => {
    expect(levenshteinDistance('reviewyb', 'reviewby', 2)).toBe(2);
    expect(editDistance('reviewyb', 'reviewby', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions once each, up to max + 1', () => {
    expect(levenshteinDistance('reviewby', 'reviewBy', 2)).toBe(1);
    expect(levenshteinDistance('tag', 'tags', 2)).toBe(1);
    expect(levenshteinDistance('lnks', 'links', 2)).toBe(1);
    expect(levenshteinDistance('title', 'summary', 2)).toBe(3);
  });
});
