import { describe, expect, it } from 'vitest';
import {
  COMFORT_LABELS,
  ELLIPSIS,
  GOAL_PROGRESS_LABELS,
  TEXT_LIMITS,
  cleanText,
  fitEscaped,
  joinWithin,
  messageParts,
  stripLayoutMarks,
  truncate,
} from '../../../utils/endpoints/message-parts';
import { GOAL_PROGRESS, type PlanGoal } from '../../../utils/endpoints/types';
import { ANY_LAYOUT_MARK, LAYOUT_MARKS, LINE_SEPARATORS, hostilePlan, hugePlans } from './hostile-input';
import { HOSTILE_TEXT, PLAIN_MASS_MENTION, WORST_CASE_TEXT, gapFlag, growthPlan, helpRequest } from '../../support/payloads';

const html = (ch: string) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] ?? ch;

describe('fitting text into a limit', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(fitEscaped('a<b', 6, html)).toBe('a&lt;b');
  });

  it('cuts with an ellipsis, never inside an entity or a surrogate pair', () => {
    expect(truncate('abcdefgh', 5)).toBe(`abcd${ELLIPSIS}`);
    expect(fitEscaped('<<<<', 10, html)).toBe(`&lt;&lt;${ELLIPSIS}`);
    const emoji = truncate('😀😀😀😀', 6);
    expect(emoji).toBe(`😀😀${ELLIPSIS}`);
    expect(emoji.length).toBeLessThanOrEqual(6);
    expect(truncate('word word', 7)).toBe(`word w${ELLIPSIS}`);
    expect(truncate('word word', 6)).toBe(`word${ELLIPSIS}`);
  });

  it('joins what fits and counts the rest', () => {
    expect(joinWithin(['a', 'b', 'c'], 100)).toEqual({ text: 'a, b, c', shown: 3 });
    const items = Array.from({ length: 20 }, (_, i) => `item-${i}`);
    const joined = joinWithin(items, 40);
    expect(joined.text.length).toBeLessThanOrEqual(40);
    expect(joined.text).toBe(`${items.slice(0, joined.shown).join(', ')} and ${20 - joined.shown} more`);
    expect(joinWithin(['a-very-long-name'], 5)).toEqual({ text: '1 more', shown: 0 });
  });

  it('joins at most `limit` items, counting the rest whatever room is left', () => {
    expect(joinWithin(['a', 'b', 'c', 'd'], 100, ', ', 2)).toEqual({ text: 'a, b and 2 more', shown: 2 });
    expect(joinWithin(['a', 'b'], 100, ', ', 2)).toEqual({ text: 'a, b', shown: 2 });
    expect(joinWithin(['a', 'b'], 100, ', ', 1)).toEqual({ text: 'a and 1 more', shown: 1 });
  });
});

describe('cleaning text that people typed', () => {
  it('breaks plain mass mentions and drops invisible controls', () => {
    expect(cleanText('Hi @everyone, @Here and @channel; mail a@allison.org')).toBe(
      'Hi @\u200Beveryone, @\u200BHere and @\u200Bchannel; mail a@allison.org',
    );
    expect(cleanText('a\r\nb\rc\u202Ed\u0007e\n\n\n\nf\t g')).toBe('a\nb\ncde\n\nf  g');
  });

  it('drops every bidi mark, makes the Unicode separators newlines and mends broken surrogates', () => {
    for (const mark of LAYOUT_MARKS) expect(stripLayoutMarks(`Ma${mark}ya`), escape(mark)).toBe('Maya');
    for (const separator of LINE_SEPARATORS) expect(stripLayoutMarks(`one${separator}two`)).toBe('one\ntwo');
    expect(stripLayoutMarks('a\uD800b\uDC00c 😀')).toBe('a\uFFFDb\uFFFDc 😀');
    // What is neither is left alone, zero-width joiners in emoji included.
    expect(stripLayoutMarks('👩\u200D💻 *x* <y> \u200B')).toBe('👩\u200D💻 *x* <y> \u200B');
    expect(cleanText('one\u2028\u2028\u2028\u2029two')).toBe('one\n\ntwo');
  });

  it('gives every format single-line names and lines that cannot be reordered', () => {
    const parts = messageParts(
      gapFlag({
        teacher: { name: 'Ma\u202Eya\u2028Lopez', school: '\u2067Lincoln\u2069' },
        tool: { id: 'canvas', name: 'Can\u200Fvas' },
        page: { context: null, name: 'Speed\u2029Grader', url: '/a\u202D/b' },
        card: { id: 'c', title: 'Ru\u2066brics\u2028', pack: 'p\u061C', version: 1 },
        searches: ['ru\u200Ebric'],
        note: 'one\u2028two',
        mentors: [{ name: 'Ana\u202B Ruiz' }],
      }),
    );
    expect(parts.title).toBe('Gap flagged: Canvas › Speed Grader — no card');
    expect(parts.facts.map((f) => f.value)).toEqual(['Maya Lopez (Lincoln)', '/a/b', 'Rubrics (p v1)', '“rubric”']);
    expect(parts.words).toBe('one\ntwo');
  });
});

describe('message parts', () => {
  it('titles each message type and lists its facts in one order', () => {
    const help = messageParts(helpRequest({ urgency: 'now' }));
    expect(help.title).toBe('Help needed: Nearpod › Reports');
    expect(help.facts.map((f) => f.label)).toEqual(['Teacher', 'Page', 'Urgency']);
    expect(help.facts[2]!.value).toBe('Now');
    expect(help.wordsLabel).toBe('Message');

    const gap = messageParts(
      gapFlag({
        page: { context: null, name: null, url: '/' },
        card: { id: 'c', title: 'Rubrics', pack: 'canvas', version: 2 },
        searches: ['a', ' ', 'b', 'c', 'd', 'e', 'f', 'g'],
      }),
    );
    expect(gap.title).toBe('Gap flagged: Canvas — no card');
    expect(gap.facts.map((f) => f.label)).toEqual(['Teacher', 'Page', 'Card', 'Searches']);
    expect(gap.facts[3]!.value).toBe('“a”, “b”, “c”, “d”, “e” and 2 more');
    expect(gap.wordsLabel).toBe('Note');
  });

  it('lists a mentor once even when routed twice', () => {
    const parts = messageParts(
      helpRequest({
        mentors: [{ name: 'Ana', handle: 'U1ANA' }, { name: 'Ana R.', handle: 'U1ANA' }, { name: 'Cy' }, { name: 'Cy' }],
      }),
    );
    expect(parts.mentors).toEqual([{ name: 'Ana', handle: 'U1ANA' }, { name: 'Cy' }]);
  });
});

/** The lines a plan's summary is made of: anything else would be a teacher's newline let through. */
const SUMMARY_LINE = /^(Goal \d+: |• |Not linked to a goal$|Pings sent: \d+$|Oldest entries left out to fit: |No goals yet\.$|$)/;

describe('growth plan message parts', () => {
  it('titles the plan with the teacher, lists teacher, next meeting and since, and mentions nobody', () => {
    const parts = messageParts(growthPlan());
    expect(parts.title).toBe('Growth plan: Maya Lopez');
    expect(parts.facts).toEqual([
      { label: 'Teacher', value: 'Maya Lopez (Lincoln Elementary)' },
      { label: 'Next meeting', value: '2026-12-03' },
      { label: 'Since', value: '2026-11-04' },
    ]);
    expect(parts.wordsLabel).toBe('Plan');
    expect(parts.mentors).toEqual([]);
    expect(parts.words).toBe(
      [
        'Goal 1: Give rubric feedback in SpeedGrader within a week (Canvas, new to it) — Trying',
        '• Saved card “Leave rubric comments” (canvas-basics) — Try this with 5th period',
        '• Saved ping (Canvas › SpeedGrader): “Where do rubric comments show for students?” — Ask about this in our meeting',
        '• Reflection on “Leave rubric comments” (canvas-basics): The rubric saved me an hour of grading.',
        '',
        'Goal 2: Feedback within a week (practice) — Not started',
        '',
        'Not linked to a goal',
        '• Saved card “Hide grades until you post them” (starter) — For the grading talk',
        '• Reflection: Students liked seeing the rubric first.',
        '',
        'Pings sent: 2',
        '• Canvas › SpeedGrader (Today): Where do rubric comments show for students?',
        '• Nearpod (This week): How do I export the session report for one class only?',
      ].join('\n'),
    );
  });

  it('leaves out the dates that are not set, and the name when there is none', () => {
    const parts = messageParts(growthPlan({ teacher: { name: ' ' }, period: { since: null, nextMeeting: '2027-01-12' } }));
    expect(parts.title).toBe('Growth plan');
    expect(parts.facts).toEqual([
      { label: 'Teacher', value: '' },
      { label: 'Next meeting', value: '2027-01-12' },
    ]);
    const empty = messageParts(
      growthPlan({ period: { since: null, nextMeeting: null }, goals: [], saved: [], reflections: [], pings: [] }),
    );
    expect(empty.facts.map((fact) => fact.label)).toEqual(['Teacher']);
    expect(empty.words).toBe('No goals yet.\n\nPings sent: 0');
  });

  it('names each progress and comfort in English, and a goal without a tool a practice', () => {
    const base = growthPlan().goals[0]!;
    for (const progress of GOAL_PROGRESS) {
      for (const comfort of [undefined, ...(Object.keys(COMFORT_LABELS) as (keyof typeof COMFORT_LABELS)[])]) {
        const { comfort: _drop, ...rest } = base;
        const goal: PlanGoal = { ...rest, ...(comfort ? { comfort } : {}), progress, saved: [], reflections: [] };
        const first = messageParts(growthPlan({ goals: [goal] })).words.split('\n')[0];
        const tool = comfort ? `Canvas, ${COMFORT_LABELS[comfort]}` : 'Canvas';
        expect(first).toBe(`Goal 1: ${base.text} (${tool}) — ${GOAL_PROGRESS_LABELS[progress]}`);
      }
    }
  });

  it('shows the first few items of each list, and counts the rest, the pings left out included', () => {
    const plan = growthPlan();
    const goal = plan.goals[0]!;
    const many = growthPlan({
      goals: [
        {
          ...goal,
          saved: Array.from({ length: 5 }, (_, i) => ({ ...goal.saved[0]!, note: `note ${i}` })),
          reflections: [goal.reflections[0]!],
        },
      ],
      saved: [],
      reflections: Array.from({ length: 4 }, (_, i) => ({ ...plan.reflections[0]!, text: `reflection ${i}` })),
      pings: Array.from({ length: 6 }, (_, i) => ({ ...plan.pings[0]!, message: `ping ${i}` })),
      omitted: { saved: 2, reflections: 1, pings: 4 },
    });
    const lines = messageParts(many).words.split('\n');
    const shown = TEXT_LIMITS.planItemsShown;
    expect(lines.filter((line) => /note \d$/.test(line))).toHaveLength(shown);
    expect(lines).toContain('• and 2 more');
    expect(lines.filter((line) => /reflection \d$/.test(line))).toHaveLength(shown);
    expect(lines).toContain('• and 1 more');
    expect(lines).toContain('Pings sent: 10');
    expect(lines.filter((line) => /ping \d$/.test(line))).toHaveLength(TEXT_LIMITS.pingsShown);
    expect(lines).toContain(`• and ${10 - TEXT_LIMITS.pingsShown} more`);
    expect(lines.at(-1)).toBe('Oldest entries left out to fit: saved 2, reflections 1');
    // Counts that are no count (from a plan not made by the extension) count nothing.
    const odd = messageParts(growthPlan({ omitted: { saved: Number.NaN, reflections: -1, pings: 1.5 } })).words;
    expect(odd).toContain('Pings sent: 2\n');
    expect(odd).not.toContain('left out');
  });

  it('keeps every piece of teacher text on its own line, mass mentions broken, the whole cut within the limit', () => {
    for (const plan of [hostilePlan(HOSTILE_TEXT, 4, 20), ...hugePlans()]) {
      const parts = messageParts(plan);
      expect(parts.words.length).toBeLessThanOrEqual(TEXT_LIMITS.words);
      expect(parts.title.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
      for (const value of [parts.title, parts.words, ...parts.facts.map((fact) => fact.value)]) {
        expect(value).not.toMatch(PLAIN_MASS_MENTION);
        expect(value).not.toMatch(ANY_LAYOUT_MARK);
      }
      for (const line of parts.words.split('\n')) expect(line).toMatch(SUMMARY_LINE);
      for (const fact of parts.facts) expect(fact.value).not.toContain('\n');
    }
    expect(messageParts(hostilePlan(WORST_CASE_TEXT, 4, 20)).words.endsWith(ELLIPSIS)).toBe(true);
    expect(messageParts(hostilePlan('@everyone', 1, 1)).words).toContain('@\u200Beveryone');
  });
});
