/**
 * Google Chat incoming webhook: a Message with `text` (title and mentions, which only text can
 * carry) and one `cardsV2` card with the details (https://developers.google.com/workspace/chat/format-messages).
 * Mentions are `<users/ID>`. Card text is HTML, so it is HTML-escaped; text outside cards gets a
 * zero-width space after every `<`, so `<users/all>` (mention everyone) and `<url|label>` links
 * written by a teacher never parse.
 */
import type { chat_v1 } from '@googleapis/chat';
import { fitEscaped, joinWithin, messageParts, mentorName, ZWSP, type Fact } from './message-parts';
import type { OutgoingPayload, RoutedMentor } from './types';

type Message = chat_v1.Schema$Message;
type Widget = chat_v1.Schema$GoogleAppsCardV1Widget;
type Section = chat_v1.Schema$GoogleAppsCardV1Section;

/**
 * The documented limit is 32,000 bytes for a whole message, text and cards together
 * (spaces.messages.create). Field caps below keep a worst case (every character escaped,
 * four-byte characters) well inside it.
 */
export const GOOGLE_CHAT_LIMITS = {
  messageBytes: 32_000,
  headerText: 200,
  fieldText: 1000,
  wordsText: 4000,
  text: 2000,
} as const;

export const GOOGLE_CHAT_CARD_ID = 'coachmark';

/** Numeric user ids only: `users/all` (everyone) or an e-mail alias never becomes a mention. */
const USER_ID = /^(?:users\/)?(\d{1,32})$/;

function escapeTextChar(ch: string): string {
  return ch === '<' ? `<${ZWSP}` : ch;
}

function escapeHtmlChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  if (ch === '\n') return '<br>';
  return ch;
}

function googleChatMention(mentor: RoutedMentor): string {
  const match = USER_ID.exec(mentor.handle?.trim() ?? '');
  if (match) return `<users/${match[1]}>`;
  return fitEscaped(mentorName(mentor), 200, escapeTextChar);
}

function factWidget(fact: Fact): Widget {
  return {
    decoratedText: {
      topLabel: fact.label,
      text: fitEscaped(fact.value, GOOGLE_CHAT_LIMITS.fieldText, escapeHtmlChar),
      wrapText: true,
    },
  };
}

export function toGoogleChatMessage(payload: OutgoingPayload): Message {
  const parts = messageParts(payload);
  const [teacher, ...facts] = parts.facts;

  // A section needs a widget: a growth plan with no meeting dates has no facts beside the teacher.
  const sections: Section[] = facts.length > 0 ? [{ widgets: facts.map(factWidget) }] : [];
  if (parts.words) {
    sections.push({
      header: parts.wordsLabel,
      widgets: [{ textParagraph: { text: fitEscaped(parts.words, GOOGLE_CHAT_LIMITS.wordsText, escapeHtmlChar) } }],
    });
  }

  const title = fitEscaped(parts.title, GOOGLE_CHAT_LIMITS.headerText, escapeTextChar);
  const lines = [`*${title}*`];
  if (parts.mentors.length > 0) {
    const label = 'Mentors: ';
    const { text } = joinWithin(parts.mentors.map(googleChatMention), GOOGLE_CHAT_LIMITS.text - label.length - title.length - 3);
    lines.push(label + text);
  }

  return {
    text: lines.join('\n'),
    fallbackText: title,
    cardsV2: [
      {
        cardId: GOOGLE_CHAT_CARD_ID,
        card: {
          header: {
            // Header title and subtitle are plain text, not HTML.
            title,
            subtitle: teacher ? fitEscaped(teacher.value, GOOGLE_CHAT_LIMITS.headerText, escapeTextChar) : null,
          },
          sections,
        },
      },
    ],
  };
}
