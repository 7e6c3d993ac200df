import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  cleanText,
  fitEscaped,
  joinWithin,
  messageParts,
  stripLayoutMarks,
  truncate,
} from '../../../utils/endpoints/message-parts';
import { LAYOUT_MARKS, LINE_SEPARATORS } from './hostile-input';
import { gapFlag, helpRequest } from '../../support/payloads';

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
