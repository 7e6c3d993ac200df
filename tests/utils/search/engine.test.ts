import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../utils/cards/pack';
import type { Card } from '../../../utils/cards/schema';
import { DEFAULT_SEARCH_LIMIT, createSearchIndex } from '../../../utils/search/engine';
import { matchTerms } from '../../../utils/search/query';
import { wordMatches } from '../../../utils/search/text-terms';
import { card as validCard } from '../../support/factories';

/** A card whose text is only what the test gives it: ranking tests are sensitive to every word. */
function card(id: string, fields: Partial<Omit<Card, 'id'>> = {}): Card {
  return validCard({ id, title: `Card ${id}`, summary: 'A short how-to.', steps: ['Open the page.'], contexts: [], ...fields });
}

function loadFixture(): Card[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/search-cards.json');
  const result = parsePack(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack.cards;
}

const fixture = loadFixture();
const fixtureIndex = createSearchIndex(fixture);
const ids = (cards: Card[]) => cards.map((found) => found.id);
const top = (query: string, options?: Parameters<typeof fixtureIndex.search>[1]) => ids(fixtureIndex.search(query, options));

describe('createSearchIndex().search', () => {
  it('returns nothing for empty, blank, stop-word and garbage queries', () => {
    for (const query of ['', '   ', '?!…', 'how to', 'the', 'xqzvbnm', 'qqqq zzzz']) {
      expect(fixtureIndex.search(query), JSON.stringify(query)).toEqual([]);
    }
    expect(createSearchIndex([]).search('rubric')).toEqual([]);
  });

  it('ranks a title match above a mention in the steps', () => {
    const index = createSearchIndex([
      card('steps', { title: 'Set up a course', steps: ['Open settings.', 'Attach a rubric if you have one.'] }),
      card('title', { title: 'Rubric basics', steps: ['Open settings.'] }),
      card('other', { title: 'Unrelated', steps: ['Nothing here.'] }),
    ]);
    expect(ids(index.search('rubric'))).toEqual(['title']);
    // Beside a card about it, a passing mention is a tail below the relative floor; alone, it is found.
    const alone = createSearchIndex([
      card('steps', { title: 'Set up a course', steps: ['Attach a rubric if you have one.'] }),
      card('other'),
    ]);
    expect(ids(alone.search('rubric'))).toEqual(['steps']);
  });

  it('weights tags above the summary, and the summary above the steps', () => {
    const index = createSearchIndex([
      card('in-steps', { title: 'Alpha', steps: ['Use the gradebook.'] }),
      card('in-summary', { title: 'Beta', summary: 'All about the gradebook.' }),
      card('in-tags', { title: 'Gamma', tags: ['gradebook'] }),
    ]);
    expect(ids(index.search('gradebook'))).toEqual(['in-tags', 'in-summary']);
    const withoutTags = createSearchIndex([
      card('in-steps', { title: 'Alpha', steps: ['Use the gradebook.'] }),
      card('in-summary', { title: 'Beta', summary: 'All about the gradebook.' }),
    ]);
    expect(ids(withoutTags.search('gradebook'))).toEqual(['in-summary', 'in-steps']);
  });

  it('searches link titles', () => {
    const index = createSearchIndex([
      card('linked', { links: [{ title: 'Photosynthesis walkthrough', url: 'https://example.org/a', kind: 'video' }] }),
      card('plain'),
    ]);
    expect(ids(index.search('photosynthesis'))).toEqual(['linked']);
  });

  it('ranks cards matching more of the query words higher', () => {
    const index = createSearchIndex([
      card('rubric-only', { title: 'Rubric', tags: ['rubric'], summary: 'Rubric rubric rubric.' }),
      card('both', { title: 'Share something', steps: ['Attach the rubric.'] }),
    ]);
    expect(ids(index.search('share rubric'))[0]).toBe('both');
  });

  it('corrects typos against the cards’ own words', () => {
    expect(top('rubrik').slice(0, 3).sort()).toEqual(['canvas-create-rubric', 'canvas-speedgrader-rubric', 'gc-rubric']);
    expect(top('anouncement').slice(0, 2).sort()).toEqual(['canvas-post-announcement', 'gc-announcement']);
    expect(top('embedd vidoe')[0]).toBe('canvas-embed-video');
    expect(top('breakout rom')[0]).toBe('meet-breakout-rooms');
    expect(top('gradebok').slice(0, 2).sort()).toEqual(['canvas-late-policy', 'canvas-message-students-who']);
    // Typos at either end of a word are found too.
    for (const typo of ['nnouncement', 'xnnouncement', 'announcemetn']) {
      expect(top(typo).slice(0, 2).sort(), typo).toEqual(['canvas-post-announcement', 'gc-announcement']);
    }
  });

  it('does not take a word the cards use for a typo of another', () => {
    const index = createSearchIndex([card('test', { title: 'Create a test' }), card('text', { title: 'Format text' })]);
    expect(ids(index.search('test'))).toEqual(['test']);
  });

  it('completes the last word as it is typed', () => {
    expect(
      top('speedgr')
        .slice(0, 3)
        .every((id) => id.startsWith('canvas-')),
    ).toBe(true);
    expect(top('speedgr')).toContain('canvas-speedgrader-rubric');
    expect(top('guardi')[0]).toBe('gc-guardian-summaries');
    expect(top('embed vid')[0]).toBe('canvas-embed-video');
    // Short beginnings, too short to be read as typos.
    expect(
      top('vid')
        .slice(0, 5)
        .every((id) => fixture.find((c) => c.id === id)?.tags.includes('video')),
    ).toBe(true);
    expect(top('anno').slice(0, 4).sort()).toEqual([
      'canvas-post-announcement',
      'canvas-speedgrader-annotate',
      'gc-announcement',
      'kami-annotate-pdf',
    ]);
    // Only the last word is a prefix: an earlier half word does not match longer words.
    const index = createSearchIndex([
      card('sg', { title: 'SpeedGrader tips' }),
      card('r', { title: 'Rubric tips' }),
      card('both', { title: 'Rubric in SpeedGrader' }),
    ]);
    expect(ids(index.search('speedgr rubric')).sort()).toEqual(['both', 'r']);
    expect(ids(index.search('rubric speedgr'))[0]).toBe('both');
  });

  it('ranks cards of the current tool first, and of the current page before that', () => {
    expect(top('rubric', { tool: 'google-classroom' })[0]).toBe('gc-rubric');
    expect(
      top('rubric', { tool: 'canvas' })
        .slice(0, 2)
        .every((id) => id.startsWith('canvas-')),
    ).toBe(true);
    expect(top('rubric', { tool: 'canvas', context: 'speedgrader' })[0]).toBe('canvas-speedgrader-rubric');
    expect(top('rubric', { tool: 'canvas', context: 'assignment-editor' })[0]).toBe('canvas-create-rubric');
    expect(top('announcement', { tool: 'google-classroom' })[0]).toBe('gc-announcement');
    expect(top('announcement', { tool: 'canvas' })[0]).toBe('canvas-post-announcement');
  });

  it('boosts only cards that match the query', () => {
    const results = top('rubric', { tool: 'kahoot' });
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((id) => id.startsWith('kahoot-'))).toBe(false);
  });

  it('understands the words teachers use for the same thing', () => {
    const index = createSearchIndex([
      card('grading', { title: 'Grade essays quickly' }),
      card('video', { title: 'Add a video to a page' }),
      card('due', { title: 'Change the due date' }),
      card('deadline', { title: 'Extend a deadline' }),
      card('student', { title: 'Add a student' }),
      card('unrelated', { title: 'Change the colour theme' }),
    ]);
    expect(ids(index.search('mark essays'))).toEqual(['grading']);
    expect(ids(index.search('clip'))).toEqual(['video']);
    expect(ids(index.search('pupil'))).toEqual(['student']);
    expect(ids(index.search('deadline'))[0]).toBe('deadline');
    expect(ids(index.search('deadline'))).toContain('due');
    expect(ids(index.search('due date'))).toContain('deadline');
  });

  it('ranks the word typed above its synonyms, other things being equal', () => {
    const index = createSearchIndex([
      card('assignment', { title: 'Create an assignment', tags: ['assignment'] }),
      card('homework', { title: 'Create homework', tags: ['homework'] }),
    ]);
    expect(ids(index.search('homework'))).toEqual(['homework', 'assignment']);
  });

  it('reads a phrase as its meaning, not its first word', () => {
    const index = createSearchIndex([
      card('captions', { title: 'Turn on captions' }),
      card('submit', { title: 'Submit work for a student' }),
    ]);
    expect(ids(index.search('turn in'))[0]).toBe('submit');
  });

  it('matches inflected forms and compounds written apart', () => {
    const index = createSearchIndex([
      card('grade', { title: 'Grade with a rubric' }),
      card('gradebook', { title: 'Open the Gradebook' }),
      card('speedgrader', { title: 'Use SpeedGrader' }),
    ]);
    expect(ids(index.search('grading'))).toContain('grade');
    expect(ids(index.search('grade book'))[0]).toBe('gradebook');
    expect(ids(index.search('speed grader'))[0]).toBe('speedgrader');
  });

  it('folds accents in cards and queries', () => {
    const index = createSearchIndex([
      card('es', { title: 'Crear una evaluación', tags: ['calificación'] }),
      card('en', { title: 'Create a video' }),
    ]);
    expect(ids(index.search('evaluacion'))).toEqual(['es']);
    expect(ids(index.search('CALIFICACIÓN'))).toEqual(['es']);
    expect(ids(index.search('vidéo'))).toEqual(['en']);
  });

  it('does not index URLs inside Markdown', () => {
    const index = createSearchIndex([card('md', { steps: ['Read [the guide](https://example.com/zebrafish).'] })]);
    expect(index.search('zebrafish')).toEqual([]);
    expect(ids(index.search('guide'))).toEqual(['md']);
  });

  it('respects the limit, with a default', () => {
    const many = Array.from({ length: DEFAULT_SEARCH_LIMIT + 10 }, (_, i) =>
      card(`c${String(i).padStart(3, '0')}`, { title: `Rubric ${i}` }),
    );
    const index = createSearchIndex(many);
    expect(index.search('rubric')).toHaveLength(DEFAULT_SEARCH_LIMIT);
    expect(index.search('rubric', { limit: 3 })).toHaveLength(3);
    expect(index.search('rubric', { limit: Infinity })).toHaveLength(many.length);
    expect(index.search('rubric', { limit: 0 })).toEqual([]);
    // The limited list is the head of the full list.
    expect(ids(index.search('rubric', { limit: 5 }))).toEqual(ids(index.search('rubric', { limit: Infinity })).slice(0, 5));
  });

  it('breaks ties the same way whatever the order of the cards', () => {
    const twins = [card('b', { title: 'Rubric help' }), card('a', { title: 'Rubric help' }), card('c', { title: 'Rubric help' })];
    const forward = ids(createSearchIndex(twins).search('rubric'));
    const backward = ids(createSearchIndex([...twins].reverse()).search('rubric'));
    expect(forward).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });

  it('gives the same answer from a cached look-up as from a fresh one', () => {
    const uncached = createSearchIndex(fixture, { wordCacheSize: 0 });
    for (const query of ['rubrik', 'embedd vidoe', 'speedgr', 'mark', 'rubrik']) {
      expect(ids(fixtureIndex.search(query)), query).toEqual(ids(uncached.search(query)));
    }
  });
});

describe('createSearchIndex().matchTerms', () => {
  it('includes what typos resolved to', () => {
    const terms = fixtureIndex.matchTerms('rubrik anouncement');
    expect(wordMatches('rubrics', terms)).toBe(true);
    expect(wordMatches('Announcement', terms)).toBe(true);
    expect(wordMatches('rubrics', matchTerms('rubrik anouncement'))).toBe(false);
  });

  it('keeps the index-free terms and prefixes', () => {
    const free = matchTerms('Grading vid');
    const terms = fixtureIndex.matchTerms('Grading vid');
    expect(terms.prefixes).toEqual(free.prefixes);
    expect(terms.terms).toEqual(expect.arrayContaining(free.terms));
  });

  it('reports its size, and counts words before stemming in its vocabulary', () => {
    const one = createSearchIndex([card('a', { title: 'Grade' })]);
    const two = createSearchIndex([card('a', { title: 'Grade' }), card('b', { title: 'Grades' })]);
    expect([one.size, two.size, createSearchIndex([]).size]).toEqual([1, 2, 0]);
    // "grades" is a new word, though not a new stem.
    expect(two.vocabularySize).toBe(one.vocabularySize + 1);
  });
});
