import { describe, expect, expectTypeOf, it } from 'vitest';
import type { KnownBlock, SectionBlock } from '@slack/types';
import { SLACK_LIMITS, toSlackMessage, type SlackWebhookMessage } from '../../../utils/endpoints/slack';
import type { OutgoingPayload } from '../../../utils/endpoints/types';
import {
  HOSTILE_MENTORS,
  HOSTILE_TEXT,
  MENTORS,
  OVERSIZED_TEXTS,
  PLAIN_MASS_MENTION,
  allStrings,
  gapFlag,
  helpRequest,
  oversizedGapFlag,
} from '../../support/payloads';

const mentorIds = MENTORS.slack.flatMap((m) => (m.handle ? [m.handle] : []));

function sections(message: SlackWebhookMessage): SectionBlock[] {
  return message.blocks.filter((block): block is SectionBlock => block.type === 'section');
}

/** Block Kit limits from the Blocks reference, as @slack/types documents them. */
function expectWithinBlockKitLimits(message: SlackWebhookMessage): void {
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    if (block.type === 'header') {
      expect(block.text.type).toBe('plain_text');
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(150);
    } else if (block.type === 'section') {
      expect(block.text ?? block.fields).toBeDefined();
      if (block.text) {
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(3000);
      }
      expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) {
        expect(field.text.length).toBeGreaterThan(0);
        expect(field.text.length).toBeLessThanOrEqual(2000);
      }
    } else {
      throw new Error(`unexpected block type ${block.type}`);
    }
  }
}

/**
 * No mass mention: no `<!…>` command anywhere, no bare @everyone, and every `<` that could open
 * Slack markup (one not followed by a zero-width space) is a routed mentor's `<@…>`.
 */
function expectNoMassMention(message: SlackWebhookMessage, allowed: string[]): void {
  for (const text of allStrings(message)) {
    expect(text).not.toMatch(/<!/);
    expect(text).not.toMatch(PLAIN_MASS_MENTION);
    for (const match of text.matchAll(/<(?!\u200B)([^>]*)>?/g)) {
      expect(match[1]).toMatch(/^@[UW][A-Z0-9]+$/);
      expect(allowed).toContain(match[1]!.slice(1));
    }
  }
}

describe('Slack Block Kit message', () => {
  it('is typed as an incoming-webhook body with @slack/types blocks', () => {
    expectTypeOf(toSlackMessage).returns.toEqualTypeOf<SlackWebhookMessage>();
    const message = toSlackMessage(helpRequest()) satisfies { text: string; blocks: KnownBlock[] };
    expect(message.unfurl_links).toBe(false);
    expect(SLACK_LIMITS).toMatchObject({ blocks: 50, headerText: 150, sectionText: 3000 });
  });

  it('renders a help request: title, teacher, page, urgency, words, mentors', () => {
    const message = toSlackMessage(helpRequest({ mentors: MENTORS.slack }));
    expectWithinBlockKitLimits(message);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Help needed: Nearpod › Reports', emoji: true },
    });
    const [facts, words, mentors] = sections(message);
    expect(facts!.fields!.map((f) => f.text)).toEqual([
      '*Teacher*\nMaya Lopez (Lincoln Elementary)',
      '*Page*\n`/reports/lessons/:id`',
      '*Urgency*\nToday',
    ]);
    expect(words!.text!.text).toBe('*Message*\n>How do I export the session report for one class only?');
    expect(mentors!.text!.text).toBe('*Mentors:* <@U01ANARUIZ>, <@W02BENOKA>, Cy Park');
    expect(message.text).toContain('<@U01ANARUIZ>');
    expect(message.text.startsWith('Help needed: Nearpod › Reports')).toBe(true);
    for (const section of sections(message)) {
      for (const text of [section.text, ...(section.fields ?? [])]) {
        if (text) expect(text).toMatchObject({ type: 'mrkdwn', verbatim: true });
      }
    }
    expectNoMassMention(message, mentorIds);
  });

  it('posts to the channel alone, with no mention, when no mentor is routed', () => {
    const message = toSlackMessage(helpRequest());
    expectWithinBlockKitLimits(message);
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(JSON.stringify(message)).not.toContain('Mentors');
    expect(message.text).toBe('Help needed: Nearpod › Reports');
  });

  it('renders a gap flag as its own message', () => {
    for (const mentors of [[], MENTORS.slack]) {
      const message = toSlackMessage(
        gapFlag({ mentors, card: { id: 'c1', title: 'Leave rubric comments', pack: 'canvas-basics', version: 3 } }),
      );
      expectWithinBlockKitLimits(message);
      expect(message.blocks[0]).toMatchObject({ text: { text: 'Gap flagged: Canvas › SpeedGrader — no card' } });
      const fields = sections(message)[0]!.fields!.map((f) => f.text);
      expect(fields).toContain('*Card*\nLeave rubric comments (canvas-basics v3)');
      expect(fields).toContain('*Searches*\n“rubric comment”, “speedgrader rubric”');
      expect(sections(message)[1]!.text!.text).toBe('*Note*\n>Nothing explains rubric comments.');
      expect(JSON.stringify(message).includes('<@U01ANARUIZ>')).toBe(mentors.length > 0);
      expectNoMassMention(message, mentorIds);
    }
  });

  it('escapes &, < and > so hostile teacher text stays text', () => {
    const message = toSlackMessage(helpRequest({ message: HOSTILE_TEXT, mentors: MENTORS.slack }));
    expectWithinBlockKitLimits(message);
    expectNoMassMention(message, mentorIds);
    const words = sections(message)[1]!.text!.text;
    expect(words).toContain('&lt;!channel&gt;');
    expect(words).toContain('&lt;@U123&gt;');
    expect(words).toContain('&amp;amp; &amp; &lt; &gt;');
    // Each of the teacher's lines is quoted; the teacher's own '>' is not a quote marker.
    expect(
      words
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('>')),
    ).toBe(true);
    expect(words).toContain('>&lt;at&gt;x&lt;/at&gt;');
  });

  it('never turns a bad mentor handle into a mention', () => {
    const message = toSlackMessage(gapFlag({ mentors: HOSTILE_MENTORS, teacher: { name: '<!channel> @here' } }));
    expectNoMassMention(message, []);
    expect(JSON.stringify(message)).not.toContain('<@');
  });

  it('truncates very long text with an ellipsis inside every limit', () => {
    for (const text of OVERSIZED_TEXTS) {
      const message = toSlackMessage(oversizedGapFlag(text, MENTORS.slack));
      expectWithinBlockKitLimits(message);
      expectNoMassMention(message, mentorIds);
      expect(sections(message)[1]!.text!.text.endsWith('…')).toBe(true);
      expect((message.blocks[0] as { text: { text: string } }).text.text.endsWith('…')).toBe(true);
    }
  });

  it('keeps every payload shape within limits', () => {
    const payloads: OutgoingPayload[] = [
      helpRequest({ urgency: 'now' }),
      helpRequest({ urgency: 'this-week', message: '', teacher: { name: 'Sam' } }),
      gapFlag({ kind: 'unhelpful', searches: [] }),
      gapFlag({ kind: 'outdated', note: '' }),
      gapFlag({ kind: 'search-found-nothing', page: { context: null, name: null, url: '/' } }),
    ];
    for (const payload of payloads) expectWithinBlockKitLimits(toSlackMessage(payload));
    expect(toSlackMessage(payloads[4]!).blocks[0]).toMatchObject({
      text: { text: 'Gap flagged: Canvas — search found nothing' },
    });
  });
});
