import { describe, expect, it } from 'vitest';
import { foldText, stemWord, stripMarkdown, termOf, wordMatches } from '../../../utils/search/text-terms';

describe('normalisation', () => {
  it('stems inflections of one word to the same term', () => {
    for (const family of [
      ['grade', 'grades', 'graded', 'grading'],
      ['share', 'shared', 'sharing', 'shares'],
      ['embed', 'embeds', 'embedded', 'embedding'],
      ['quiz', 'quizzes'],
      ['copy', 'copied', 'copies', 'copying'],
      ['submit', 'submitted', 'submits'],
      ['class', 'classes'],
    ]) {
      expect(new Set(family.map(stemWord)), family.join(', ')).toHaveProperty('size', 1);
    }
    expect(stemWord('grade')).not.toBe(stemWord('gradebook'));
  });

  it('leaves words alone that only look inflected, and ids with digits', () => {
    expect(stemWord('speed')).toBe('speed');
    expect(stemWord('morning')).toBe('morning');
    expect(stemWord('k12s')).toBe('k12s');
  });

  it('folds case and accents, and drops stop words', () => {
    expect(foldText('Évaluation')).toBe('evaluation');
    expect(termOf('Évaluation')).toBe(termOf('evaluation'));
    expect(termOf('VIDÉOS')).toBe(stemWord('video'));
    expect(termOf('the')).toBe('');
  });

  it('keeps link text and drops URLs and HTML from Markdown', () => {
    const text = stripMarkdown('See [the help page](https://example.com/zebrafish) or <b>bold</b> &amp; ![diagram](https://x.org/a.png)');
    expect(text).toContain('the help page');
    expect(text).toContain('diagram');
    expect(text).not.toContain('zebrafish');
    expect(text).not.toContain('<b>');
  });
});

describe('wordMatches', () => {
  const terms = { terms: [stemWord('rubric')], prefixes: ['vid'] };

  it('matches a word by its term, or by the half-typed prefix', () => {
    expect(wordMatches('Rubrics', terms)).toBe(true);
    expect(wordMatches('Vidéos', terms)).toBe(true);
    expect(wordMatches('grade', terms)).toBe(false);
  });

  it('matches nothing with no terms', () => {
    expect(wordMatches('rubric', { terms: [], prefixes: [] })).toBe(false);
  });
});
