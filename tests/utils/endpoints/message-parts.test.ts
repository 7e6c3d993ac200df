import { describe, expect, it } from 'vitest';
import { ELLIPSIS, cleanText, fitEscaped, joinWithin, messageParts, truncate } from '../../../utils/endpoints/message-parts';
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
});

describe('cleaning text that people typed', () => {
  it('breaks plain mass mentions and drops invisible controls', () => {
    expect(cleanText('Hi @everyone, @Here and @channel; mail a@allison.org')).toBe(
      'Hi @\u200Beveryone, @\u200BHere and @\u200Bchannel; mail a@allison.org',
    );
    expect(cleanText('a\r\nb\rc\u202Ed\u0007e\n\n\n\nf\t g')).toBe('a\nb\ncde\n\nf  g');
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
