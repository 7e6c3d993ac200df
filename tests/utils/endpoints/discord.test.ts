import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { DISCORD_LIMITS, toDiscordMessage } from '../../../utils/endpoints/discord';
import { messageParts } from '../../../utils/endpoints/message-parts';
import type { OutgoingPayload, RoutedMentor } from '../../../utils/endpoints/types';
import {
  HOSTILE_MENTORS,
  HOSTILE_TEXT,
  MENTORS,
  OVERSIZED_TEXTS,
  PLAIN_MASS_MENTION,
  gapFlag,
  growthPlan,
  helpRequest,
  oversizedGapFlag,
} from '../../support/payloads';
import { ALL_HOSTILE, hostilePlan, hugePlans } from './hostile-input';
import { hostileVolunteer, hugeVolunteers, mentorVolunteer } from './volunteer-fixtures';

const mentorIds = MENTORS.discord.flatMap((m) => (m.handle ? [m.handle] : []));

/**
 * Discord parses `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`, plain @everyone/@here, and Markdown
 * links. None may appear except the routed mentors' `<@id>`, and allowed_mentions must agree.
 */
function expectOnlyMentors(message: RESTPostAPIWebhookWithTokenJSONBody, ids: string[]): void {
  const content = message.content ?? '';
  expect(content.length).toBeGreaterThan(0);
  expect(content.length).toBeLessThanOrEqual(2000);
  expect(message.allowed_mentions).toEqual({ parse: [], users: ids });
  expect(content).not.toMatch(PLAIN_MASS_MENTION);
  const tokens = [...content.matchAll(/<(@[!&]?|#)(\d+)>/g)].map((m) => `${m[1]}${m[2]}`);
  expect(tokens.sort()).toEqual(ids.map((id) => `@${id}`).sort());
  // A Markdown link needs an unescaped "](" outside the page path's inline code (not parsed there).
  const outsideCode = content.replace(/^\*\*Page:\*\* `[^`\n]*`$/m, '');
  expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
  expect(message.embeds).toBeUndefined();
}

describe('Discord webhook message', () => {
  it('is typed with discord-api-types', () => {
    expectTypeOf(toDiscordMessage).returns.toEqualTypeOf<RESTPostAPIWebhookWithTokenJSONBody>();
    const message = toDiscordMessage(helpRequest()) satisfies RESTPostAPIWebhookWithTokenJSONBody;
    // SUPPRESS_EMBEDS (1 << 2): the teacher's links do not unfurl.
    expect(message.flags).toBe(1 << 2);
    expect(DISCORD_LIMITS.content).toBe(2000);
  });

  it('renders a help request and lets Discord ping exactly the routed mentors', () => {
    const message = toDiscordMessage(helpRequest({ mentors: MENTORS.discord }));
    expect(message.content).toBe(
      [
        '**Help needed: Nearpod › Reports**',
        '**Teacher:** Maya Lopez \\(Lincoln Elementary\\)',
        '**Page:** `/reports/lessons/:id`',
        '**Urgency:** Today',
        '**Message:**',
        '> How do I export the session report for one class only?',
        '**Mentors:** <@123456789012345678>, <@876543210987654321>, Cy Park',
      ].join('\n'),
    );
    expectOnlyMentors(message, mentorIds);
  });

  it('posts to the channel alone, with no mention and nothing allowed, when no mentor is routed', () => {
    const message = toDiscordMessage(helpRequest());
    expectOnlyMentors(message, []);
    expect(message.content).not.toContain('Mentors');
  });

  it('renders a gap flag as its own message', () => {
    for (const mentors of [[], MENTORS.discord]) {
      const message = toDiscordMessage(gapFlag({ mentors }));
      const lines = message.content!.split('\n');
      expect(lines[0]).toBe('**Gap flagged: Canvas › SpeedGrader — no card**');
      expect(lines).toContain('**Searches:** “rubric comment”, “speedgrader rubric”');
      expect(lines).toContain('**Note:**');
      expectOnlyMentors(message, mentors.length > 0 ? mentorIds : []);
    }
  });

  it('defuses hostile teacher text: no mass mention, no stray mention, no hidden link', () => {
    const message = toDiscordMessage(helpRequest({ message: HOSTILE_TEXT, mentors: MENTORS.discord }));
    expectOnlyMentors(message, mentorIds);
    const content = message.content!;
    expect(content).toContain('@\u200Beveryone');
    expect(content).toContain('<\u200B@&123456789012345678\\>');
    expect(content).toContain('\\[click here\\]\\(https://evil.example/steal\\)');
    // Every line of the teacher's words stays inside the quote.
    const words = content.split('\n').slice(content.split('\n').indexOf('**Message:**') + 1, -1);
    expect(words.length).toBe(HOSTILE_TEXT.split('\n').length);
    expect(words.every((line) => line.startsWith('> '))).toBe(true);
  });

  it('mentions only well-formed user ids, each once', () => {
    const mentors: RoutedMentor[] = [
      ...HOSTILE_MENTORS,
      { name: 'Ana again', handle: '123456789012345678' },
      { name: 'Ana Ruiz', handle: '123456789012345678' },
      { name: 'Role', handle: '&123456789012345678' },
    ];
    const message = toDiscordMessage(gapFlag({ mentors, teacher: { name: '@everyone <@&1234567890123456789>' } }));
    expectOnlyMentors(message, ['123456789012345678']);
  });

  it('keeps within 2000 characters and 100 allowed users, truncating with an ellipsis', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ name: `Mentor ${i}`, handle: String(100000000000000000n + BigInt(i)) }));
    for (const text of OVERSIZED_TEXTS) {
      const payloads: OutgoingPayload[] = [helpRequest({ message: text, mentors: many }), oversizedGapFlag(text, many)];
      for (const payload of payloads) {
        const message = toDiscordMessage(payload);
        const users = message.allowed_mentions!.users!;
        expect(users.length).toBeGreaterThan(0);
        expect(users.length).toBeLessThanOrEqual(100);
        // What is allowed is exactly what the text mentions, a prefix of the routed mentors.
        expectOnlyMentors(
          message,
          many.slice(0, users.length).map((m) => m.handle),
        );
        expect(message.content).toMatch(/and \d+ more$/);
        const quote = message.content!.split('\n').filter((line) => line.startsWith('> '));
        expect(quote.at(-1)!.endsWith('…')).toBe(true);
      }
    }
  });

  it('renders a growth plan with its summary quoted, and lets Discord ping nobody', () => {
    const message = toDiscordMessage(growthPlan());
    expectOnlyMentors(message, []);
    const lines = message.content!.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '**Growth plan: Maya Lopez**',
      '**Teacher:** Maya Lopez \\(Lincoln Elementary\\)',
      '**Next meeting:** 2026\\-12\\-03',
      '**Since:** 2026\\-11\\-04',
      '**Plan:**',
    ]);
    // Every line of the summary stays inside the quote.
    const words = messageParts(growthPlan()).words.split('\n');
    expect(lines.slice(5)).toHaveLength(words.length);
    expect(lines.slice(5).every((line) => line.startsWith('> '))).toBe(true);
    expect(lines).toContain('> Goal 1: Give rubric feedback in SpeedGrader within a week \\(Canvas, new to it\\) — Trying');
  });

  it('defuses a plan’s teacher text: no mass mention, no stray mention, no Markdown', () => {
    const typed = '<!channel> @everyone *bold* <at>x</at> <@&123456789012345678> [x](https://evil.example)';
    const message = toDiscordMessage(hostilePlan(typed));
    expectOnlyMentors(message, []);
    const content = message.content!;
    expect(content).toContain(
      '<\u200B!channel\\> @\u200Beveryone \\*bold\\* <\u200Bat\\>x<\u200B/at\\> <\u200B@&123456789012345678\\> \\[x\\]\\(https://evil.example\\)',
    );
    expect(content.split('\n')[0]).toBe(
      `**Growth plan: <\u200B!channel\\> @\u200Beveryone \\*bold\\* <\u200Bat\\>x<\u200B/at\\> <\u200B@&123456789012345678\\> \\[x\\]\\(https://evil.example\\)**`,
    );
    for (const text of [HOSTILE_TEXT, ALL_HOSTILE]) expectOnlyMentors(toDiscordMessage(hostilePlan(text)), []);
  });

  it('renders a mentor volunteer and lets Discord ping nobody, the handle shown as text', () => {
    // A Discord handle is a user id, the very shape of a mention: it is never wrapped in <@…>.
    const message = toDiscordMessage(mentorVolunteer({ handle: '345678901234567890' }));
    expect(message.content).toBe(
      [
        '**Mentor volunteer: Maya Lopez**',
        '**Teacher:** Maya Lopez',
        '**School:** Lincoln Elementary',
        '**Chat handle:** 345678901234567890',
        '**Tools:** Canvas, Nearpod',
        '**Note:**',
        '> Free 3rd period, Tuesdays and Thursdays.',
      ].join('\n'),
    );
    expectOnlyMentors(message, []);
    for (const offer of [mentorVolunteer({ teacher: { name: '' }, handle: '', note: '' }), hostileVolunteer(ALL_HOSTILE)]) {
      expectOnlyMentors(toDiscordMessage(offer), []);
    }
  });

  it('keeps a huge offer within 2000 characters, cut with an ellipsis', () => {
    for (const offer of hugeVolunteers()) {
      const message = toDiscordMessage(offer);
      expectOnlyMentors(message, []);
      const quote = message.content!.split('\n').filter((line) => line.startsWith('> '));
      expect(quote.at(-1)!.endsWith('…')).toBe(true);
    }
  });

  it('keeps a huge plan within 2000 characters, cut with an ellipsis', () => {
    for (const plan of hugePlans()) {
      const message = toDiscordMessage(plan);
      expectOnlyMentors(message, []);
      const quote = message.content!.split('\n').filter((line) => line.startsWith('> '));
      expect(quote.at(-1)!.endsWith('…')).toBe(true);
    }
  });
});
