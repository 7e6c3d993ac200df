import { describe, expect, expectTypeOf, it } from 'vitest';
import type { KnownBlock, RichTextBlock, RichTextElement } from '@slack/types';
import { messageParts } from '../../../utils/endpoints/message-parts';
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
  growthPlan,
  helpRequest,
  oversizedGapFlag,
} from '../../support/payloads';
import { ALL_HOSTILE, MARKUP_TOKENS, hostilePayloads, hostilePlan, hugePlans } from './hostile-input';
import { hostileVolunteer, hugeVolunteers, mentorVolunteer } from './volunteer-fixtures';

const mentorIds = MENTORS.slack.flatMap((m) => (m.handle ? [m.handle] : []));

function richBlocks(message: SlackWebhookMessage): RichTextBlock[] {
  return message.blocks.filter((block): block is RichTextBlock => block.type === 'rich_text');
}

/** Every inline element of a rich text block, sections and quotes alike. */
function inline(block: RichTextBlock): RichTextElement[] {
  return block.elements.flatMap((element) => {
    if (element.type === 'rich_text_section' || element.type === 'rich_text_quote') return element.elements;
    throw new Error(`unexpected rich text element ${element.type}`);
  });
}

/** What a rich text block reads as: its text elements joined, users as `@U…`. */
function read(block: RichTextBlock): string {
  return inline(block)
    .map((element) => (element.type === 'text' ? element.text : element.type === 'user' ? `@${element.user_id}` : `?${element.type}`))
    .join('');
}

/** The text elements that carry no style of ours: where typed text goes. */
function unstyled(message: SlackWebhookMessage): string[] {
  return richBlocks(message)
    .flatMap(inline)
    .flatMap((element) => (element.type === 'text' && !element.style ? [element.text] : []));
}

/** Block Kit limits from the Blocks reference, as @slack/types documents them. */
function expectWithinBlockKitLimits(message: SlackWebhookMessage): void {
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of message.blocks) {
    if (block.type === 'header') {
      expect(block.text.type).toBe('plain_text');
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    } else if (block.type === 'rich_text') {
      expect(block.elements.length).toBeGreaterThan(0);
      for (const element of inline(block)) {
        expect(['text', 'user']).toContain(element.type);
        // Slack refuses an empty text element.
        if (element.type === 'text') expect(element.text.length).toBeGreaterThan(0);
      }
      expect(read(block).length).toBeLessThanOrEqual(3000 + 100);
    } else {
      throw new Error(`unexpected block type ${block.type}`);
    }
  }
  // No text object in the message is mrkdwn: nothing a person typed can be formatted.
  expect(JSON.stringify(message)).not.toContain('"type":"mrkdwn"');
  expect(message.mrkdwn).toBe(false);
}

/**
 * No mass mention: no `<!…>` command anywhere, no bare @everyone, every `<` that could open
 * Slack markup (one not followed by a zero-width space) is a routed mentor's `<@…>`, and every
 * user element is a routed mentor.
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
  const users = richBlocks(message)
    .flatMap(inline)
    .flatMap((element) => (element.type === 'user' ? [element.user_id] : []));
  for (const user of users) expect(allowed).toContain(user);
}

describe('Slack Block Kit message', () => {
  it('is typed as an incoming-webhook body with @slack/types blocks', () => {
    expectTypeOf(toSlackMessage).returns.toEqualTypeOf<SlackWebhookMessage>();
    const message = toSlackMessage(helpRequest()) satisfies { text: string; blocks: KnownBlock[] };
    expect(message.unfurl_links).toBe(false);
    expect(SLACK_LIMITS).toMatchObject({ blocks: 50, headerText: 150 });
  });

  it('renders a help request: title, teacher, page, urgency, words, mentors', () => {
    const message = toSlackMessage(helpRequest({ mentors: MENTORS.slack }));
    expectWithinBlockKitLimits(message);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Help needed: Nearpod › Reports', emoji: true },
    });
    const [facts, words, mentors] = richBlocks(message);
    expect(facts).toEqual({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'Teacher: ', style: { bold: true } },
            { type: 'text', text: 'Maya Lopez (Lincoln Elementary)' },
            { type: 'text', text: '\n' },
            { type: 'text', text: 'Page: ', style: { bold: true } },
            { type: 'text', text: '/reports/lessons/:id', style: { code: true } },
            { type: 'text', text: '\n' },
            { type: 'text', text: 'Urgency: ', style: { bold: true } },
            { type: 'text', text: 'Today' },
          ],
        },
      ],
    });
    expect(words).toEqual({
      type: 'rich_text',
      elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'Message', style: { bold: true } }] },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: 'How do I export the session report for one class only?' }] },
      ],
    });
    expect(inline(mentors!)).toEqual([
      { type: 'text', text: 'Mentors: ', style: { bold: true } },
      { type: 'user', user_id: 'U01ANARUIZ' },
      { type: 'text', text: ', ' },
      { type: 'user', user_id: 'W02BENOKA' },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'Cy Park' },
    ]);
    expect(message.text).toBe('Help needed: Nearpod › Reports\nMentors: <@U01ANARUIZ>, <@W02BENOKA>, Cy Park');
    expectNoMassMention(message, mentorIds);
  });

  it('posts to the channel alone, with no mention, when no mentor is routed', () => {
    const message = toSlackMessage(helpRequest());
    expectWithinBlockKitLimits(message);
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(JSON.stringify(message)).not.toContain('"user"');
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
      const [facts, words] = richBlocks(message);
      expect(read(facts!)).toContain('Card: Leave rubric comments (canvas-basics v3)');
      expect(read(facts!)).toContain('Searches: “rubric comment”, “speedgrader rubric”');
      expect(read(words!)).toBe('NoteNothing explains rubric comments.');
      expect(JSON.stringify(message).includes('"user_id":"U01ANARUIZ"')).toBe(mentors.length > 0);
      expectNoMassMention(message, mentors.length > 0 ? mentorIds : []);
    }
  });

  it('keeps hostile teacher text as text: no command, no mention, every line in the quote', () => {
    const message = toSlackMessage(helpRequest({ message: HOSTILE_TEXT, mentors: MENTORS.slack }));
    expectWithinBlockKitLimits(message);
    expectNoMassMention(message, mentorIds);
    const quote = richBlocks(message)[1]!.elements[1]!;
    expect(quote.type).toBe('rich_text_quote');
    // One text element with the words as typed: only each '<' and plain mass mention defused.
    const defused = HOSTILE_TEXT.replace(/</g, '<\u200B').replace(/@(everyone|here|channel|all)\b/gi, '@\u200B$1');
    expect(inline(richBlocks(message)[1]!)[1]).toEqual({ type: 'text', text: defused });
  });

  it('never lets a name, a title or the words turn into bold, italic, strike, code or a quote', () => {
    const markup = '*Maya* _Lopez_ ~x~ `code` ```block```';
    const message = toSlackMessage(
      gapFlag({
        teacher: { name: markup, school: '> quoted school' },
        card: { id: 'c', title: '*Bold title* _it_', pack: '~pack~', version: 2 },
        note: '> not a quote marker\n*not bold*',
        searches: ['`tick`'],
        mentors: [{ name: '_Cy_ *Park*' }, { name: 'Ana', handle: 'U01ANARUIZ' }],
      }),
    );
    expectWithinBlockKitLimits(message);
    // Exactly as typed, in elements that carry no style: Slack shows them character for character.
    expect(unstyled(message)).toEqual([
      '*Maya* _Lopez_ ~x~ `code` ```block``` (> quoted school)',
      '\n',
      '\n',
      '*Bold title* _it_ (~pack~ v2)',
      '\n',
      '“`tick`”',
      '> not a quote marker\n*not bold*',
      '_Cy_ *Park*',
      ', ',
    ]);
    // The fallback text is sent with formatting off, escaped as Slack documents.
    expect(message.text).toBe('Gap flagged: Canvas › SpeedGrader — no card\nMentors: _Cy_ *Park*, <@U01ANARUIZ>');
  });

  it('keeps every markup token as text in every field a person fills', () => {
    for (const token of MARKUP_TOKENS) {
      for (const payload of [...hostilePayloads(token, [{ name: token }]), hostilePlan(token)]) {
        const message = toSlackMessage(payload);
        expectWithinBlockKitLimits(message);
        expect(unstyled(message).some((text) => text.includes(token))).toBe(true);
      }
    }
  });

  it('never turns a bad mentor handle into a mention', () => {
    const message = toSlackMessage(gapFlag({ mentors: HOSTILE_MENTORS, teacher: { name: '<!channel> @here' } }));
    expectNoMassMention(message, []);
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(JSON.stringify(message)).not.toContain('"user"');
  });

  it('truncates very long text with an ellipsis inside every limit', () => {
    for (const text of [...OVERSIZED_TEXTS, ALL_HOSTILE]) {
      const message = toSlackMessage(oversizedGapFlag(text, MENTORS.slack));
      expectWithinBlockKitLimits(message);
      expectNoMassMention(message, mentorIds);
      expect(read(richBlocks(message)[1]!).endsWith('…')).toBe(true);
      expect((message.blocks[0] as { text: { text: string } }).text.text.endsWith('…')).toBe(true);
    }
  });

  it('lists many mentors within the limit and counts the rest', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ name: `Mentor ${i}`, handle: `U${String(i).padStart(8, '0')}` }));
    const message = toSlackMessage(helpRequest({ mentors: many }));
    expectWithinBlockKitLimits(message);
    const users = inline(richBlocks(message)[2]!).filter((element) => element.type === 'user');
    expect(users.length).toBeGreaterThan(0);
    expect(read(richBlocks(message)[2]!)).toMatch(new RegExp(` and ${400 - users.length} more$`));
    // The fallback mentions exactly the mentors the block shows.
    expect(message.text.match(/<@U\d+>/g)).toEqual(users.map((user) => `<@${(user as { user_id: string }).user_id}>`));
  });

  it('keeps every payload shape within limits', () => {
    const payloads: OutgoingPayload[] = [
      helpRequest({ urgency: 'now' }),
      helpRequest({ urgency: 'this-week', message: '', teacher: { name: 'Sam' } }),
      helpRequest({ teacher: { name: '' }, page: { context: null, name: null, url: '' } }),
      gapFlag({ kind: 'unhelpful', searches: [] }),
      gapFlag({ kind: 'outdated', note: '' }),
      gapFlag({ kind: 'search-found-nothing', page: { context: null, name: null, url: '/' } }),
      growthPlan({ teacher: { name: '' }, period: { since: null, nextMeeting: null } }),
      growthPlan({ goals: [], saved: [], reflections: [], pings: [] }),
    ];
    for (const payload of payloads) expectWithinBlockKitLimits(toSlackMessage(payload));
    expect(toSlackMessage(payloads[5]!).blocks[0]).toMatchObject({
      text: { text: 'Gap flagged: Canvas — search found nothing' },
    });
  });

  it('renders a growth plan: title, teacher and meeting dates, the summary as a quote, no mention', () => {
    const message = toSlackMessage(growthPlan());
    expectWithinBlockKitLimits(message);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Growth plan: Maya Lopez', emoji: true } });
    const blocks = richBlocks(message);
    expect(blocks).toHaveLength(2);
    expect(read(blocks[0]!)).toBe('Teacher: Maya Lopez (Lincoln Elementary)\nNext meeting: 2026-12-03\nSince: 2026-11-04');
    expect(blocks[1]).toEqual({
      type: 'rich_text',
      elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'Plan', style: { bold: true } }] },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: messageParts(growthPlan()).words }] },
      ],
    });
    expect(message.text).toBe('Growth plan: Maya Lopez');
    expect(JSON.stringify(message)).not.toContain('"user"');
    expectNoMassMention(message, []);
  });

  it('keeps a plan’s teacher text as text: no command, no mention, no formatting', () => {
    const typed = '<!channel> @everyone *bold* _it_ <at>x</at> <@U123>';
    for (const text of [typed, HOSTILE_TEXT]) {
      const message = toSlackMessage(hostilePlan(text));
      expectWithinBlockKitLimits(message);
      expectNoMassMention(message, []);
      expect(JSON.stringify(message)).not.toContain('"user"');
    }
    const message = toSlackMessage(hostilePlan(typed));
    // Only in elements without our style: Slack shows the asterisks, the angle brackets defused.
    const shown = unstyled(message).join('\n');
    expect(shown).toContain('<\u200B!channel> @\u200Beveryone *bold* _it_ <\u200Bat>x<\u200B/at> <\u200B@U123>');
    expect(message.text).toBe('Growth plan: &lt;!channel&gt; @\u200Beveryone *bold* _it_ &lt;at&gt;x&lt;/at&gt; &lt;@U123&gt;');
  });

  it('renders a mentor volunteer: title, teacher, school, handle and tools, the note as a quote, no mention', () => {
    const message = toSlackMessage(mentorVolunteer());
    expectWithinBlockKitLimits(message);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Mentor volunteer: Maya Lopez', emoji: true } });
    const blocks = richBlocks(message);
    expect(blocks).toHaveLength(2);
    expect(read(blocks[0]!)).toBe('Teacher: Maya Lopez\nSchool: Lincoln Elementary\nChat handle: U07MAYALOPEZ\nTools: Canvas, Nearpod');
    expect(blocks[1]).toEqual({
      type: 'rich_text',
      elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'Note', style: { bold: true } }] },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: 'Free 3rd period, Tuesdays and Thursdays.' }] },
      ],
    });
    expect(message.text).toBe('Mentor volunteer: Maya Lopez');
    // The handle is a member id, yet the volunteer is not a mentor: text, never a user element.
    expect(JSON.stringify(message)).not.toContain('"user"');
    expectNoMassMention(message, []);
    for (const offer of [mentorVolunteer({ teacher: { name: '' }, handle: '', note: '' }), hostileVolunteer(ALL_HOSTILE)]) {
      expectWithinBlockKitLimits(toSlackMessage(offer));
      expectNoMassMention(toSlackMessage(offer), []);
    }
  });

  it('keeps a huge offer within every limit, cut with an ellipsis and "N more" tools', () => {
    for (const offer of hugeVolunteers()) {
      const message = toSlackMessage(offer);
      expectWithinBlockKitLimits(message);
      expectNoMassMention(message, []);
      expect(read(richBlocks(message)[0]!)).toMatch(/Tools: .*\d+ more$/);
      expect(read(richBlocks(message)[1]!).endsWith('…')).toBe(true);
    }
  });

  it('keeps a huge plan within every limit, cut with an ellipsis', () => {
    for (const plan of hugePlans()) {
      const message = toSlackMessage(plan);
      expectWithinBlockKitLimits(message);
      expectNoMassMention(message, []);
      expect(read(richBlocks(message)[1]!).endsWith('…')).toBe(true);
      expect((message.blocks[0] as { text: { text: string } }).text.text.endsWith('…')).toBe(true);
    }
  });
});
