import { describe, expect, expectTypeOf, it } from 'vitest';
import type { chat_v1 } from '@googleapis/chat';
import { GOOGLE_CHAT_CARD_ID, GOOGLE_CHAT_LIMITS, toGoogleChatMessage } from '../../../utils/endpoints/google-chat';
import { messageParts } from '../../../utils/endpoints/message-parts';
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
import { ALL_HOSTILE, hostilePlan, hugePlans } from './hostile-input';
import { hostileVolunteer, hugeVolunteers, mentorVolunteer } from './volunteer-fixtures';

type Message = chat_v1.Schema$Message;

const mentorUsers = ['users/111111111111111111111', 'users/222222222222222222222'];

function card(message: Message): chat_v1.Schema$GoogleAppsCardV1Card {
  expect(message.cardsV2).toHaveLength(1);
  const [withId] = message.cardsV2!;
  expect(withId!.cardId).toBe(GOOGLE_CHAT_CARD_ID);
  return withId!.card!;
}

/** Card text fields that Chat renders as HTML. */
function htmlTexts(message: Message): string[] {
  return (card(message).sections ?? [])
    .flatMap((section) => (section.widgets ?? []).flatMap((widget) => [widget.decoratedText?.text, widget.textParagraph?.text]))
    .filter((text): text is string => typeof text === 'string');
}

/**
 * Mentions exist only in `text`, as `<users/…>`: the routed mentors and nothing else (never
 * `<users/all>`). Card HTML has no markup but our own `<br>`.
 */
function expectOnlyMentors(message: Message, users: string[]): void {
  const json = JSON.stringify(message);
  expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.messageBytes);
  expect(json).not.toContain('<users/all>');
  for (const text of allStrings(message)) expect(text).not.toMatch(PLAIN_MASS_MENTION);
  const tokens = [...(message.text ?? '').matchAll(/<(?!\u200B)([^>]*)>?/g)].map((m) => m[1]);
  expect(tokens).toEqual(users);
  for (const text of allStrings(message.cardsV2)) {
    if (htmlTexts(message).includes(text)) expect(text.replace(/<br>/g, '')).not.toMatch(/</);
    else expect(text).not.toMatch(/<(?!\u200B)/);
  }
}

describe('Google Chat webhook message', () => {
  it('is typed as a chat_v1 Message', () => {
    expectTypeOf(toGoogleChatMessage).returns.toEqualTypeOf<chat_v1.Schema$Message>();
    const message = toGoogleChatMessage(helpRequest()) satisfies chat_v1.Schema$Message;
    expect(Object.keys(message).sort()).toEqual(['cardsV2', 'fallbackText', 'text']);
  });

  it('renders a help request: mentions in text, details in one card', () => {
    const message = toGoogleChatMessage(helpRequest({ mentors: MENTORS['google-chat'] }));
    expect(message.text).toBe(
      '*Help needed: Nearpod › Reports*\nMentors: <users/111111111111111111111>, <users/222222222222222222222>, Cy Park',
    );
    expect(message.fallbackText).toBe('Help needed: Nearpod › Reports');
    expect(card(message)).toEqual({
      header: { title: 'Help needed: Nearpod › Reports', subtitle: 'Maya Lopez (Lincoln Elementary)' },
      sections: [
        {
          widgets: [
            { decoratedText: { topLabel: 'Page', text: '/reports/lessons/:id', wrapText: true } },
            { decoratedText: { topLabel: 'Urgency', text: 'Today', wrapText: true } },
          ],
        },
        {
          header: 'Message',
          widgets: [{ textParagraph: { text: 'How do I export the session report for one class only?' } }],
        },
      ],
    });
    expectOnlyMentors(message, mentorUsers);
  });

  it('posts to the space alone, with no mention, when no mentor is routed', () => {
    const message = toGoogleChatMessage(helpRequest());
    expect(message.text).toBe('*Help needed: Nearpod › Reports*');
    expectOnlyMentors(message, []);
  });

  it('renders a gap flag as its own message', () => {
    for (const mentors of [[], MENTORS['google-chat']]) {
      const message = toGoogleChatMessage(
        gapFlag({ mentors, kind: 'outdated', card: { id: 'c', title: 'Rubrics & comments', pack: 'canvas', version: 2 } }),
      );
      expect(card(message).header!.title).toBe('Gap flagged: Canvas › SpeedGrader — card out of date');
      const widgets = card(message).sections!.flatMap((s) => s.widgets!);
      expect(widgets.map((w) => w.decoratedText?.topLabel ?? 'paragraph')).toEqual(['Page', 'Card', 'Searches', 'paragraph']);
      expect(htmlTexts(message)).toContain('Rubrics &amp; comments (canvas v2)');
      expect(card(message).sections![1]!.header).toBe('Note');
      expectOnlyMentors(message, mentors.length > 0 ? mentorUsers : []);
    }
  });

  it('escapes hostile teacher text: HTML in the card, no <users/all> anywhere', () => {
    const message = toGoogleChatMessage(
      helpRequest({ message: HOSTILE_TEXT, teacher: { name: '<users/all> @all' }, mentors: MENTORS['google-chat'] }),
    );
    expectOnlyMentors(message, mentorUsers);
    const words = card(message).sections![1]!.widgets![0]!.textParagraph!.text!;
    expect(words).toContain('&lt;users/all&gt;');
    expect(words).toContain('&lt;https://evil.example|totally safe&gt;');
    expect(words.split('<br>')).toHaveLength(HOSTILE_TEXT.split('\n').length);
    expect(card(message).header!.subtitle).toBe('<\u200Busers/all> @\u200Ball');
  });

  it('never turns a bad mentor handle into a mention', () => {
    const message = toGoogleChatMessage(gapFlag({ mentors: HOSTILE_MENTORS }));
    expectOnlyMentors(message, []);
  });

  it('truncates very long text with an ellipsis within 32,000 bytes', () => {
    for (const text of OVERSIZED_TEXTS) {
      const message = toGoogleChatMessage(
        oversizedGapFlag(text, [
          ...MENTORS['google-chat'],
          ...Array.from({ length: 300 }, (_, i) => ({ name: `M${i}`, handle: `${1000 + i}` })),
        ]),
      );
      expectOnlyMentors(
        message,
        (message.text!.match(/<users\/\d+>/g) ?? []).map((m) => m.slice(1, -1)),
      );
      expect(message.text!.length).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.text);
      expect(message.text).toMatch(/and \d+ more$/);
      expect(card(message).sections![1]!.widgets![0]!.textParagraph!.text!.endsWith('…')).toBe(true);
      expect(card(message).header!.title!.endsWith('…')).toBe(true);
    }
  });

  it('renders a growth plan: title in text, the dates and the summary in the card, nobody mentioned', () => {
    const message = toGoogleChatMessage(growthPlan());
    expect(message.text).toBe('*Growth plan: Maya Lopez*');
    expect(message.fallbackText).toBe('Growth plan: Maya Lopez');
    expect(card(message)).toEqual({
      header: { title: 'Growth plan: Maya Lopez', subtitle: 'Maya Lopez (Lincoln Elementary)' },
      sections: [
        {
          widgets: [
            { decoratedText: { topLabel: 'Next meeting', text: '2026-12-03', wrapText: true } },
            { decoratedText: { topLabel: 'Since', text: '2026-11-04', wrapText: true } },
          ],
        },
        { header: 'Plan', widgets: [{ textParagraph: { text: messageParts(growthPlan()).words.replace(/\n/g, '<br>') } }] },
      ],
    });
    expectOnlyMentors(message, []);
  });

  it('sends no empty section when a plan has no meeting dates', () => {
    const message = toGoogleChatMessage(growthPlan({ period: { since: null, nextMeeting: null } }));
    expect(card(message).sections!.map((section) => section.header)).toEqual(['Plan']);
    for (const section of card(message).sections!) expect(section.widgets!.length).toBeGreaterThan(0);
    expectOnlyMentors(message, []);
  });

  it('escapes a plan’s teacher text: HTML in the card, no <users/all> anywhere', () => {
    const typed = '<users/all> @all <!channel> *bold* <at>x</at> <b>tag</b> & more';
    const message = toGoogleChatMessage(hostilePlan(typed));
    expectOnlyMentors(message, []);
    const words = card(message).sections!.at(-1)!.widgets![0]!.textParagraph!.text!;
    expect(words).toContain(
      '&lt;users/all&gt; @\u200Ball &lt;!channel&gt; *bold* &lt;at&gt;x&lt;/at&gt; &lt;b&gt;tag&lt;/b&gt; &amp; more',
    );
    expect(card(message).header!.subtitle).toMatch(/^<\u200Busers\/all> @\u200Ball <\u200B!channel> \*bold\* <\u200Bat>x<\u200B\/at>/);
    expect(message.text).toMatch(/^\*Growth plan: <\u200Busers\/all> @\u200Ball <\u200B!channel>/);
    for (const text of [HOSTILE_TEXT, ALL_HOSTILE]) expectOnlyMentors(toGoogleChatMessage(hostilePlan(text)), []);
  });

  it('renders a mentor volunteer: title in text, school, handle and tools in the card, nobody mentioned', () => {
    // A Google Chat handle is a user id, the very shape of a mention: it stays card text.
    const message = toGoogleChatMessage(mentorVolunteer({ handle: 'users/333333333333333333333' }));
    expect(message.text).toBe('*Mentor volunteer: Maya Lopez*');
    expect(message.fallbackText).toBe('Mentor volunteer: Maya Lopez');
    expect(card(message)).toEqual({
      header: { title: 'Mentor volunteer: Maya Lopez', subtitle: 'Maya Lopez' },
      sections: [
        {
          widgets: [
            { decoratedText: { topLabel: 'School', text: 'Lincoln Elementary', wrapText: true } },
            { decoratedText: { topLabel: 'Chat handle', text: 'users/333333333333333333333', wrapText: true } },
            { decoratedText: { topLabel: 'Tools', text: 'Canvas, Nearpod', wrapText: true } },
          ],
        },
        { header: 'Note', widgets: [{ textParagraph: { text: 'Free 3rd period, Tuesdays and Thursdays.' } }] },
      ],
    });
    expectOnlyMentors(message, []);
    for (const offer of [mentorVolunteer({ teacher: { name: '' }, handle: '', note: '' }), hostileVolunteer(ALL_HOSTILE)]) {
      expectOnlyMentors(toGoogleChatMessage(offer), []);
    }
  });

  it('keeps a huge offer within 32,000 bytes, cut with an ellipsis', () => {
    for (const offer of hugeVolunteers()) {
      const message = toGoogleChatMessage(offer);
      expectOnlyMentors(message, []);
      expect(message.text!.length).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.text);
      expect(card(message).sections!.at(-1)!.widgets![0]!.textParagraph!.text!.endsWith('…')).toBe(true);
    }
  });

  it('keeps a huge plan within 32,000 bytes, cut with an ellipsis', () => {
    for (const plan of hugePlans()) {
      const message = toGoogleChatMessage(plan);
      expectOnlyMentors(message, []);
      expect(message.text!.length).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.text);
      expect(card(message).sections!.at(-1)!.widgets![0]!.textParagraph!.text!.endsWith('…')).toBe(true);
      expect(card(message).header!.title!.endsWith('…')).toBe(true);
    }
  });
});
