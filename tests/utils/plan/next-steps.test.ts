import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comfort } from '../../../utils/cards/comfort';
import type { Level } from '../../../utils/cards/schema';
import { parsePack } from '../../../utils/cards/pack';
import { toCardRecord, type CardFeedback, type CardRecord } from '../../../utils/platform/db';
import { goalRelevance, nextStepCards, nextStepLevel } from '../../../utils/plan/next-steps';
import { cardRecord } from '../../support/factories';

/** The Canvas cards of the pack every install starts with, in the pack's order. */
function starterCanvasCards(): CardRecord[] {
  const result = parsePack(readFileSync(resolve(__dirname, '../../../public/packs/starter.json'), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack.cards
    .map((card, position) => toCardRecord(result.pack.id, card, position))
    .filter((card) => card.tools.includes('canvas'));
}

const at = (id: string, level: Level) => cardRecord({ id, level });
const keys = (cards: CardRecord[]) => cards.map((card) => card.key.replace('district/', ''));
const known = (...ids: string[]): CardFeedback[] => ids.map((id) => ({ cardKey: `district/${id}`, known: true }));

describe('nextStepLevel', () => {
  it('starts from the comfort level: the basics for new, intermediate for comfortable, advanced for expert', () => {
    expect(nextStepLevel('new', [])).toBe('beginner');
    expect(nextStepLevel('comfortable', [])).toBe('intermediate');
    expect(nextStepLevel('expert', [])).toBe('advanced');
  });

  it('is the level after the highest card the teacher knows, when that is higher', () => {
    expect(nextStepLevel('new', ['beginner'])).toBe('intermediate');
    expect(nextStepLevel('new', ['intermediate'])).toBe('advanced');
    expect(nextStepLevel('new', ['beginner', 'intermediate', 'beginner'])).toBe('advanced');
    expect(nextStepLevel('comfortable', ['intermediate'])).toBe('advanced');
  });

  it('never goes below the comfort level, nor past advanced', () => {
    expect(nextStepLevel('comfortable', ['beginner'])).toBe('intermediate');
    expect(nextStepLevel('expert', ['beginner'])).toBe('advanced');
    expect(nextStepLevel('new', ['advanced'])).toBe('advanced');
    expect(nextStepLevel('expert', ['advanced', 'advanced'])).toBe('advanced');
  });

  it('reads an unknown stored comfort as the default, comfortable', () => {
    expect(nextStepLevel('fluent' as Comfort, [])).toBe('intermediate');
  });
});

describe('nextStepCards', () => {
  // The library's order mixes the levels.
  const library = [
    at('b1', 'beginner'),
    at('a1', 'advanced'),
    at('i1', 'intermediate'),
    at('b2', 'beginner'),
    at('i2', 'intermediate'),
    at('a2', 'advanced'),
  ];
  const all = { limit: 10 };

  it('puts the target level first, then the levels above it, then those below, nearest first', () => {
    expect(keys(nextStepCards(library, { comfort: 'new', feedback: [], ...all }))).toEqual(['b1', 'b2', 'i1', 'i2', 'a1', 'a2']);
    expect(keys(nextStepCards(library, { comfort: 'comfortable', feedback: [], ...all }))).toEqual(['i1', 'i2', 'a1', 'a2', 'b1', 'b2']);
    expect(keys(nextStepCards(library, { comfort: 'expert', feedback: [], ...all }))).toEqual(['a1', 'a2', 'i1', 'i2', 'b1', 'b2']);
  });

  it('leaves out the cards the teacher knows, which raise the level', () => {
    const next = nextStepCards(library, { comfort: 'new', feedback: known('b1'), ...all });
    expect(keys(next)).toEqual(['i1', 'i2', 'a1', 'a2', 'b2']);
    // The same, given as a lookup.
    const lookup = new Map(known('b1').map((entry) => [entry.cardKey, entry]));
    expect(nextStepCards(library, { comfort: 'new', feedback: lookup, ...all })).toEqual(next);
    // A card marked and then unmarked is suggested again.
    expect(keys(nextStepCards(library, { comfort: 'new', feedback: [{ cardKey: 'district/b1', known: false }], ...all }))).toEqual([
      'b1',
      'b2',
      'i1',
      'i2',
      'a1',
      'a2',
    ]);
  });

  it('leaves out the cards already in the plan', () => {
    const exclude = new Set(['district/i1', 'district/a2']);
    expect(keys(nextStepCards(library, { comfort: 'comfortable', feedback: [], exclude, ...all }))).toEqual(['i2', 'a1', 'b1', 'b2']);
  });

  it("puts the cards that match the goal's words first, each group ordered by level", () => {
    const relevant = ['district/b1', 'district/a2', 'district/i2'];
    const next = nextStepCards(library, { comfort: 'comfortable', feedback: [], relevant, ...all });
    expect(keys(next)).toEqual(['i2', 'a2', 'b1', 'i1', 'a1', 'b2']);
  });

  it('orders cards of one level by relevance, then by the library', () => {
    const relevant = ['district/i2', 'district/i1'];
    expect(keys(nextStepCards(library, { comfort: 'comfortable', feedback: [], relevant, limit: 2 }))).toEqual(['i2', 'i1']);
    const sameLevel = [at('x', 'beginner'), at('y', 'beginner'), at('z', 'beginner')];
    expect(keys(nextStepCards(sameLevel, { comfort: 'new', feedback: [], ...all }))).toEqual(['x', 'y', 'z']);
  });

  it('never suggests a relevant card that is known or saved', () => {
    const relevant = ['district/b1', 'district/b2'];
    const next = nextStepCards(library, {
      comfort: 'comfortable',
      feedback: known('b1'),
      exclude: new Set(['district/b2']),
      relevant,
      ...all,
    });
    expect(keys(next)).toEqual(['i1', 'i2', 'a1', 'a2']);
  });

  it('suggests three cards unless told how many', () => {
    expect(keys(nextStepCards(library, { comfort: 'comfortable', feedback: [] }))).toEqual(['i1', 'i2', 'a1']);
    expect(keys(nextStepCards(library, { comfort: 'comfortable', feedback: [], limit: 1 }))).toEqual(['i1']);
    expect(nextStepCards([], { comfort: 'comfortable', feedback: [] })).toEqual([]);
  });

  it('leaves the given list as it was', () => {
    const before = keys(library);
    nextStepCards(library, { comfort: 'expert', feedback: known('b1'), ...all });
    expect(keys(library)).toEqual(before);
  });
});

describe('goalRelevance', () => {
  const canvas = starterCanvasCards();
  const key = (id: string) => `coachmark-starter/${id}`;

  it('has a realistic library to rank', () => {
    expect(canvas.length).toBeGreaterThan(20);
    expect(canvas.map((card) => card.title)).toContain('Leave written, audio or video feedback in SpeedGrader');
  });

  it("ranks the card whose title shares the goal's rare words first, and leaves out cards sharing only a common word", () => {
    const ranked = goalRelevance('give audio feedback on every essay', canvas);
    expect(ranked[0]).toBe(key('canvas-speedgrader-comments'));
    // "Give a student or section a different due date" shares only "give".
    const giveCards = canvas.filter((card) => /^Give\b/.test(card.title)).map((card) => card.key);
    expect(giveCards.length).toBeGreaterThan(1);
    for (const giveCard of giveCards) expect(ranked).not.toContain(giveCard);
  });

  it('reads words as the search index does: case and endings folded', () => {
    expect(goalRelevance('Attaching RUBRICS', canvas)[0]).toBe(key('canvas-add-rubric-to-assignment'));
    expect(goalRelevance('Give every student extra time on quizzes', canvas)[0]).toBe(key('canvas-new-quizzes-moderate'));
  });

  it('ignores stop words', () => {
    // Titles hold "a", "for", "or", "the"… ("Create a module for a unit or week").
    expect(goalRelevance('the and of to in on for with a or', canvas)).toEqual([]);
    expect(goalRelevance('how do I do this', canvas)).toEqual([]);
    expect(goalRelevance('use a rubric for my essays', canvas)).toEqual(goalRelevance('rubric', canvas));
    expect(goalRelevance('rubric', canvas).length).toBeGreaterThan(0);
  });

  it('returns nothing for a goal that shares no words with the cards, or has none', () => {
    expect(goalRelevance('improve parent conferences', canvas)).toEqual([]);
    expect(goalRelevance('', canvas)).toEqual([]);
    expect(goalRelevance('  ?!  ', canvas)).toEqual([]);
    expect(goalRelevance('rubric', [])).toEqual([]);
  });

  it('counts a word in the title above the same word in the summary', () => {
    const cards = [
      cardRecord({ id: 'in-summary', title: 'Grade an essay', summary: 'Leave audio feedback as you grade.' }),
      cardRecord({ id: 'in-title', title: 'Audio feedback', summary: 'Record a comment.' }),
    ];
    expect(goalRelevance('audio feedback', cards)[0]).toBe('district/in-title');
  });

  it('weighs a word by how rare it is: one every card shares does not pull them all in', () => {
    const cards = [
      cardRecord({ id: 'quizzes', title: 'Grade quizzes', summary: 'Scores.' }),
      cardRecord({ id: 'discussions', title: 'Grade discussions', summary: 'Posts.' }),
      cardRecord({ id: 'essays', title: 'Grade essays', summary: 'Use a rubric for each essay.' }),
      cardRecord({ id: 'projects', title: 'Grade projects', summary: 'Checklists.' }),
    ];
    expect(goalRelevance('grade with a rubric', cards)).toEqual(['district/essays']);
    expect(goalRelevance('grade', cards)).toEqual(cards.map((card) => card.key));
  });
});
