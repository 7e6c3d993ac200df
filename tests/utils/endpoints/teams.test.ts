import { describe, expect, expectTypeOf, it } from 'vitest';
import { AdaptiveCard, SerializationContext, ValidationEvent, Versions, type IAdaptiveCard } from 'adaptivecards';
import { buildRequest } from '../../../utils/endpoints';
import {
  ADAPTIVE_CARD_SCHEMA,
  TEAMS_LIMITS,
  TEAMS_MENTION_LIMIT,
  toTeamsMessage,
  type TeamsWorkflowsMessage,
} from '../../../utils/endpoints/teams';
import { messageParts } from '../../../utils/endpoints/message-parts';
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
import { ALL_HOSTILE, HOSTILE_TOKENS, hostilePayloads, hostilePlan, hugePlans, longUpn, manyMentors } from './hostile-input';
import { hostileVolunteer, hugeVolunteers, mentorVolunteer } from './volunteer-fixtures';

const mentorUpns = ['ana.ruiz@lincoln.example.org', 'ben@lincoln.example.org'];

/** The words a card shows: every `text`, `title` and `value`, in order. */
function shownTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(shownTexts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'string' ? (['text', 'title', 'value'].includes(key) ? [inner] : []) : shownTexts(inner),
  );
}

/**
 * What the Adaptive Cards library objects to when it parses a card at schema 1.4: parse events
 * (unknown element, invalid value, unsupported version…), validation events, and any element or
 * text lost when the library serialises what it parsed.
 */
function cardProblems(content: IAdaptiveCard): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_4);
  card.parse(content, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i)).map(
    (e) => `parse ${ValidationEvent[e.event]}: ${e.message}`,
  );
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validate ${ValidationEvent[e.event]}: ${e.message}`);
  }
  if (card.version.toString() !== '1.4') problems.push(`version ${card.version.toString()}`);
  const serialized = card.toJSON() as { body?: unknown[] };
  if ((serialized.body ?? []).length !== (content.body ?? []).length) problems.push('elements dropped');
  if (JSON.stringify(shownTexts(serialized.body)) !== JSON.stringify(shownTexts(content.body))) {
    problems.push('texts changed');
  }
  return problems;
}

function parseCard(content: IAdaptiveCard): void {
  expect(cardProblems(content)).toEqual([]);
}

function content(message: TeamsWorkflowsMessage) {
  expect(message.type).toBe('message');
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment.contentUrl).toBeNull();
  return attachment.content;
}

/** Teams pairs `<at>` tags with entities in order: the tags must be exactly the mentors'. */
function expectOnlyMentors(message: TeamsWorkflowsMessage, upns: string[]): void {
  expect(Buffer.byteLength(JSON.stringify(message), 'utf8')).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
  const card = content(message);
  const texts = allStrings(card.body);
  for (const text of allStrings(message)) expect(text).not.toMatch(PLAIN_MASS_MENTION);
  const tags = texts.flatMap((text) => [...text.matchAll(/<\/?at\b[^>]*>/gi)].map((m) => m[0]));
  const entities = card.msteams.entities ?? [];
  expect(tags).toEqual(entities.flatMap(() => ['<at>', '</at>']));
  expect(entities.map((e) => e.mentioned.id)).toEqual(upns);
  const mentionLine = texts.find((t) => t.startsWith('Mentors: ')) ?? '';
  for (const entity of entities) {
    expect(entity.type).toBe('mention');
    expect(entity.text).toBe(`<at>${entity.mentioned.name}</at>`);
    expect(mentionLine).toContain(entity.text);
  }
  // No Markdown link can hide where it goes.
  for (const text of texts) expect(text).not.toMatch(/\]\s*\(/);
}

describe('Microsoft Teams Workflows message', () => {
  it('is a Workflows webhook envelope around an Adaptive Card 1.4', () => {
    expectTypeOf(toTeamsMessage).returns.toEqualTypeOf<TeamsWorkflowsMessage>();
    const message = toTeamsMessage(helpRequest());
    const card = content(message) satisfies IAdaptiveCard;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: ADAPTIVE_CARD_SCHEMA });
    parseCard(card);
  });

  it('has a card check that catches what the library rejects', () => {
    const good = content(toTeamsMessage(helpRequest()));
    expect(cardProblems({ ...good, body: [{ type: 'TextBlock', text: 'x', size: 'huge' as 'large' }] })).toEqual([
      'parse InvalidPropertyValue: Invalid value "huge" for property "size".',
    ]);
    expect(cardProblems({ ...good, body: [{ type: 'Carousel' } as never] })[0]).toMatch(/UnknownElementType/);
    expect(cardProblems({ ...good, version: '9.9' }).length).toBeGreaterThan(0);
  });

  it('renders a help request with mentions the Adaptive Cards library accepts', () => {
    const message = toTeamsMessage(helpRequest({ mentors: MENTORS.teams }));
    const card = content(message);
    parseCard(card);
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Help needed: Nearpod › Reports', weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Teacher', value: 'Maya Lopez (Lincoln Elementary)' },
          { title: 'Page', value: '/reports/lessons/:id' },
          { title: 'Urgency', value: 'Today' },
        ],
      },
      { type: 'TextBlock', text: 'Message', weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: 'How do I export the session report for one class only?', wrap: true },
      { type: 'TextBlock', text: 'Mentors: <at>Ana Ruiz</at>, <at>Ben Okafor</at>, Cy Park', wrap: true },
    ]);
    expect(card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Ana Ruiz</at>', mentioned: { id: 'ana.ruiz@lincoln.example.org', name: 'Ana Ruiz' } },
      { type: 'mention', text: '<at>Ben Okafor</at>', mentioned: { id: 'ben@lincoln.example.org', name: 'Ben Okafor' } },
    ]);
    expectOnlyMentors(message, mentorUpns);
  });

  it('posts to the channel alone, with no mention, when no mentor is routed', () => {
    const message = toTeamsMessage(helpRequest());
    expect(content(message).msteams).toEqual({ width: 'Full' });
    expect(JSON.stringify(message)).not.toContain('Mentors');
    expectOnlyMentors(message, []);
  });

  it('renders a gap flag as its own card', () => {
    for (const mentors of [[], MENTORS.teams]) {
      const message = toTeamsMessage(gapFlag({ mentors, kind: 'unhelpful' }));
      const card = content(message);
      parseCard(card);
      expect(card.body![0]).toMatchObject({ text: "Gap flagged: Canvas › SpeedGrader — card didn't help" });
      expect(card.body![1]).toMatchObject({
        facts: [{ title: 'Teacher' }, { title: 'Page' }, { title: 'Searches', value: '“rubric comment”, “speedgrader rubric”' }],
      });
      expectOnlyMentors(message, mentors.length > 0 ? mentorUpns : []);
    }
  });

  it('neutralises <at> and Markdown links in hostile teacher text', () => {
    const message = toTeamsMessage(helpRequest({ message: HOSTILE_TEXT, teacher: { name: '<at>Everyone</at>' }, mentors: MENTORS.teams }));
    parseCard(content(message));
    expectOnlyMentors(message, mentorUpns);
    const words = content(message).body![3]!.text as string;
    expect(words).toContain('<\u200Bat>x<\u200B/at>');
    expect(words).toContain('[click here]\u200B(https://evil.example/steal)');
    // Each of the teacher's lines is its own paragraph in Teams Markdown.
    expect(words.split('\n\n')).toHaveLength(HOSTILE_TEXT.split('\n').length);
  });

  it('mentions only e-mail/UPN handles, with names that cannot break the <at> tag', () => {
    const message = toTeamsMessage(
      gapFlag({ mentors: [...HOSTILE_MENTORS, { name: 'Dee <b>Bold</b>', handle: 'dee@lincoln.example.org' }] }),
    );
    parseCard(content(message));
    expectOnlyMentors(message, ['dee@lincoln.example.org']);
    expect(content(message).msteams.entities![0]!.mentioned.name).toBe('Dee bBold/b');
  });

  it('truncates very long text with an ellipsis within the message size Teams accepts', () => {
    for (const text of OVERSIZED_TEXTS) {
      const message = toTeamsMessage(oversizedGapFlag(text, MENTORS.teams));
      parseCard(content(message));
      expectOnlyMentors(message, mentorUpns);
      expect((content(message).body![3]!.text as string).endsWith('…')).toBe(true);
    }
  });

  it('mentions at most TEAMS_MENTION_LIMIT mentors and counts the rest', () => {
    const mentors = Array.from({ length: 30 }, (_, i) => ({ name: `M${i}`, handle: `m${i}@lincoln.example.org` }));
    const message = toTeamsMessage(helpRequest({ mentors }));
    parseCard(content(message));
    const shown = mentors.slice(0, TEAMS_MENTION_LIMIT);
    expectOnlyMentors(
      message,
      shown.map((m) => m.handle),
    );
    expect(content(message).body!.at(-1)!.text).toBe(`Mentors: ${shown.map((m) => `<at>${m.name}</at>`).join(', ')} and 10 more`);
    const one = toTeamsMessage(helpRequest({ mentors: mentors.slice(0, TEAMS_MENTION_LIMIT + 1) }));
    expect(content(one).body!.at(-1)!.text).toMatch(/<\/at> and 1 more$/);
  });

  it('keeps 135 long-handle mentions, long names and long words under the body budget', async () => {
    const mentors = manyMentors(135, (i) => longUpn(i));
    for (const text of [ALL_HOSTILE, ...OVERSIZED_TEXTS]) {
      for (const payload of [...hostilePayloads(text, mentors), oversizedGapFlag(text, mentors)]) {
        const message = toTeamsMessage(payload);
        const request = await buildRequest('teams', payload);
        // Measured as sent: the request body, in UTF-8 bytes.
        expect(Buffer.byteLength(request.body, 'utf8')).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
        parseCard(content(message));
        const entities = content(message).msteams.entities ?? [];
        expect(entities.length).toBeGreaterThan(0);
        expect(entities.length).toBeLessThanOrEqual(TEAMS_MENTION_LIMIT);
        expectOnlyMentors(
          message,
          mentors.slice(0, entities.length).map((m) => m.handle!),
        );
        expect(content(message).body!.at(-1)!.text).toMatch(new RegExp(` and ${135 - entities.length} more$`));
      }
    }
    // Handles far longer than an address can be: listed by name, never mentioned, still small.
    for (const length of [1_000, 3_000]) {
      const message = toTeamsMessage(helpRequest({ mentors: manyMentors(135, (i) => longUpn(i, length)) }));
      expect(Buffer.byteLength(JSON.stringify(message), 'utf8')).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
      expectOnlyMentors(message, []);
      parseCard(content(message));
    }
  });

  it('stays under the body budget with any hostile token in every field', () => {
    const mentors = manyMentors(60, (i) => (i % 2 ? longUpn(i, 250) : undefined));
    for (const token of HOSTILE_TOKENS) {
      for (const payload of [...hostilePayloads(token, mentors), hostilePlan(token, 4, 20)] as OutgoingPayload[]) {
        const message = toTeamsMessage(payload);
        expect(Buffer.byteLength(JSON.stringify(message), 'utf8'), token.slice(0, 20)).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
        parseCard(content(message));
      }
    }
  });

  it('never mentions a handle longer than an e-mail address can be', () => {
    const message = toTeamsMessage(helpRequest({ mentors: [{ name: 'Long', handle: longUpn(1, 300) }, ...MENTORS.teams] }));
    expectOnlyMentors(message, mentorUpns);
    expect(content(message).body!.at(-1)!.text).toBe('Mentors: Long, <at>Ana Ruiz</at>, <at>Ben Okafor</at>, Cy Park');
  });

  it('renders a growth plan as its own card, mentioning nobody', () => {
    const message = toTeamsMessage(growthPlan());
    const card = content(message);
    parseCard(card);
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Growth plan: Maya Lopez', weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Teacher', value: 'Maya Lopez (Lincoln Elementary)' },
          { title: 'Next meeting', value: '2026-12-03' },
          { title: 'Since', value: '2026-11-04' },
        ],
      },
      { type: 'TextBlock', text: 'Plan', weight: 'bolder', wrap: true },
      // Teams Markdown needs a blank line to break a line.
      { type: 'TextBlock', text: messageParts(growthPlan()).words.replace(/\n/g, '\n\n'), wrap: true },
    ]);
    expect(card.msteams).toEqual({ width: 'Full' });
    expectOnlyMentors(message, []);
    for (const plan of [growthPlan({ teacher: { name: '' }, period: { since: null, nextMeeting: null } }), growthPlan({ goals: [] })]) {
      parseCard(content(toTeamsMessage(plan)));
      expectOnlyMentors(toTeamsMessage(plan), []);
    }
  });

  it('neutralises <at>, mass mentions and Markdown links in a plan’s teacher text', () => {
    for (const text of [HOSTILE_TEXT, ALL_HOSTILE]) {
      const message = toTeamsMessage(hostilePlan(text));
      parseCard(content(message));
      expectOnlyMentors(message, []);
    }
    const message = toTeamsMessage(hostilePlan('<!channel> @everyone *bold* <at>x</at> [click here](https://evil.example/steal)'));
    parseCard(content(message));
    expectOnlyMentors(message, []);
    const words = content(message).body!.at(-1)!.text as string;
    expect(words).toContain(
      '<\u200B!channel> @\u200Beveryone *bold* <\u200Bat>x<\u200B/at> [click here]\u200B(https://evil.example/steal)',
    );
    expect(content(message).body![0]!.text).toBe(
      'Growth plan: <\u200B!channel> @\u200Beveryone *bold* <\u200Bat>x<\u200B/at> [click here]\u200B(https://evil.example/steal)',
    );
  });

  it('renders a mentor volunteer as its own card, its handle as a fact, mentioning nobody', async () => {
    // A Teams handle is an e-mail address, the very shape of a mention: it stays a fact.
    const message = toTeamsMessage(mentorVolunteer({ handle: 'maya.lopez@lincoln.example.org' }));
    const card = content(message);
    parseCard(card);
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Mentor volunteer: Maya Lopez', weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Teacher', value: 'Maya Lopez' },
          { title: 'School', value: 'Lincoln Elementary' },
          { title: 'Chat handle', value: 'maya.lopez@lincoln.example.org' },
          { title: 'Tools', value: 'Canvas, Nearpod' },
        ],
      },
      { type: 'TextBlock', text: 'Note', weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: 'Free 3rd period, Tuesdays and Thursdays.', wrap: true },
    ]);
    expect(card.msteams).toEqual({ width: 'Full' });
    expectOnlyMentors(message, []);
    for (const offer of [
      mentorVolunteer({ teacher: { name: '' }, handle: '', note: '' }),
      hostileVolunteer(ALL_HOSTILE),
      ...hugeVolunteers(),
    ]) {
      const request = await buildRequest('teams', offer);
      expect(Buffer.byteLength(request.body, 'utf8')).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
      parseCard(content(toTeamsMessage(offer)));
      expectOnlyMentors(toTeamsMessage(offer), []);
    }
  });

  it('keeps a huge plan under the body budget, cut with an ellipsis', async () => {
    for (const plan of hugePlans()) {
      const request = await buildRequest('teams', plan);
      expect(Buffer.byteLength(request.body, 'utf8')).toBeLessThanOrEqual(TEAMS_LIMITS.bodyBytes);
      const message = toTeamsMessage(plan);
      parseCard(content(message));
      expectOnlyMentors(message, []);
      expect((content(message).body!.at(-1)!.text as string).endsWith('…')).toBe(true);
    }
  });
});
