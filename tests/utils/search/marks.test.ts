import { describe, expect, it } from 'vitest';
import { clearMarks, markMatches, markRanges, splitMarks } from '../../../utils/search/marks';
import { createSearchIndex } from '../../../utils/search/engine';
import { matchTerms } from '../../../utils/search/query';
import { card } from '../../support/factories';

const marked = (text: string, query: string) =>
  splitMarks(text, matchTerms(query))
    .filter((part) => part.hit)
    .map((part) => part.text);

describe('splitMarks', () => {
  it('gives back the text exactly, in parts', () => {
    const text = 'Grade essays with a rubric, then post grades.';
    const parts = splitMarks(text, matchTerms('grade rubric'));
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['Grade', 'rubric', 'grades']);
  });

  it('marks inflections, synonyms and a half-typed last word', () => {
    expect(marked('Graded work and marks', 'grade')).toEqual(['Graded', 'marks']);
    expect(marked('Announcements and announcing', 'announ')).toEqual(['Announcements', 'announcing']);
    expect(marked('Turn in a clip', 'video')).toEqual(['clip']);
  });

  it('marks the matching part of a compound word', () => {
    expect(marked('Open SpeedGrader', 'grader')).toEqual(['Grader']);
    expect(marked('Add a co-teacher', 'teacher')).toEqual(['teacher']);
    expect(marked('Add a co-teacher', 'coteacher')).toEqual(['co-teacher']);
  });

  it('leaves text alone without terms, and stop words unmarked', () => {
    expect(splitMarks('The rubric', undefined)).toEqual([{ text: 'The rubric', hit: false }]);
    expect(marked('How to use the rubric', 'how to the')).toEqual([]);
    expect(splitMarks('', matchTerms('x'))).toEqual([]);
  });

  it('marks the word a typo stood for when the index resolves it', () => {
    const index = createSearchIndex([card({ id: 'r', title: 'Grade with a rubric', summary: 's', steps: ['x'], contexts: [] })]);
    expect(
      splitMarks('Grade with a rubric', index.matchTerms('rubrik'))
        .filter((part) => part.hit)
        .map((part) => part.text),
    ).toEqual(['rubric']);
  });
});

describe('markRanges', () => {
  it('gives the character ranges of matched words and matched parts of compounds', () => {
    const text = 'Open SpeedGrader, then grade';
    expect(markRanges(text, matchTerms('grader grade'))).toEqual([
      [10, 16],
      [23, 28],
    ]);
    expect(markRanges(text, { terms: [], prefixes: [] })).toEqual([]);
  });
});

describe('markMatches', () => {
  it('wraps matched words of rendered HTML in <mark> by splitting text nodes, and clearMarks undoes it', () => {
    const root = document.createElement('ol');
    root.innerHTML = '<li><p>Open the <strong>rubric</strong> menu &lt;b&gt;rubric&lt;/b&gt; and <code>rubric</code>.</p></li>';
    const before = root.innerHTML;
    expect(markMatches(root, matchTerms('rubric'))).toBe(2);
    expect(Array.from(root.querySelectorAll('mark'), (mark) => mark.parentElement?.tagName)).toEqual(['STRONG', 'P']);
    // The escaped text stays text: no element came from it.
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('Open the rubric menu <b>rubric</b> and rubric.');
    clearMarks(root);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('p')[0]?.childNodes).toHaveLength(5);
  });

  it('does nothing without terms', () => {
    const root = document.createElement('div');
    root.textContent = 'rubric';
    expect(markMatches(root, undefined)).toBe(0);
    expect(root.innerHTML).toBe('rubric');
  });
});
