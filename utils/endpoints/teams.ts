/**
 * Microsoft Teams through a Workflows flow started by "When a Teams webhook request is received":
 * the flow takes a message with one Adaptive Card attachment and posts the card. Mentions are
 * `<at>Name</at>` in the card text plus an `msteams.entities` mention with the mentor's e-mail/UPN.
 * Teams pairs `<at>` tags with entities in order, so a teacher's own `<at>` would steal or shift
 * a mention: every `<` in teacher text is followed by a zero-width space, and `](` is split so a
 * Markdown link cannot hide its target.
 */
import type { IAdaptiveCard } from 'adaptivecards';
// The element shapes are published in the package's schema module but not re-exported.
import type { IFactSet, ITextBlock } from 'adaptivecards/lib/schema';
import { fitEscaped, joinWithin, messageParts, mentorName, ZWSP, type MessageParts } from './message-parts';
import type { OutgoingPayload, RoutedMentor } from './types';

export interface TeamsMention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export interface TeamsAdaptiveCard extends IAdaptiveCard {
  $schema: string;
  version: '1.4';
  msteams: { width: 'Full'; entities?: TeamsMention[] };
}

export interface TeamsWorkflowsMessage {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: TeamsAdaptiveCard;
    },
  ];
}

/**
 * Teams documents about 28 KB for a message a flow posts (text, mentions and all); what the flow
 * posts is built from this body, so the body is kept well under it, measured as sent (UTF-8 bytes
 * of the JSON). Adaptive Card text blocks have no limit of their own.
 */
export const TEAMS_LIMITS = {
  messageBytes: 28_000,
  bodyBytes: 24_000,
  factText: 1000,
  wordsText: 4000,
  mentionsText: 2000,
  /** RFC 5321's longest address: a longer handle is no e-mail/UPN, so it is never a mention. */
  upn: 254,
} as const;

/**
 * A card pings at most this many mentors; the rest are counted ("and 3 more"). Every mention
 * repeats the name three times and the UPN once, so it is what grows a card fastest.
 */
export const TEAMS_MENTION_LIMIT = 20;

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** No spaces, angle brackets, quotes or invisible characters: it goes into JSON Teams resolves. */
const UPN = /^[^\s@<>"\p{C}]+@[^\s@<>"\p{C}]+\.[^\s@<>"\p{C}]+$/u;

function escapeChar(ch: string): string {
  return ch === '<' ? `<${ZWSP}` : ch;
}

/** Splits `[label](url)` so Markdown shows it as typed, not as a link. */
function splitLinks(text: string): string {
  return text.replace(/\]\s*\(/g, (match) => `]${ZWSP}${match.slice(1)}`);
}

function escapeText(text: string, max: number, newline: string): string {
  return fitEscaped(splitLinks(text), max, (ch) => (ch === '\n' ? newline : escapeChar(ch)));
}

/** The name inside `<at>…</at>`: no angle brackets, or Teams could not match the entity. */
function atName(mentor: RoutedMentor): string {
  return mentorName(mentor).replace(/[<>]/g, '').trim() || 'Mentor';
}

function mentorUpn(mentor: RoutedMentor): string | null {
  const upn = mentor.handle?.trim();
  return upn && upn.length <= TEAMS_LIMITS.upn && UPN.test(upn) ? upn : null;
}

/** How much room one attempt gives each part; each next attempt halves it. */
interface Room {
  fact: number;
  words: number;
  mentionsText: number;
  mentions: number;
}

function roomAt(step: number): Room {
  const share = 2 ** -step;
  return {
    fact: Math.floor(TEAMS_LIMITS.factText * share),
    words: Math.floor(TEAMS_LIMITS.wordsText * share),
    mentionsText: Math.floor(TEAMS_LIMITS.mentionsText * share),
    mentions: Math.max(1, Math.floor(TEAMS_MENTION_LIMIT * share)),
  };
}

/** Enough halvings that the last one fits whatever the input (every part is then small). */
const ATTEMPTS = 6;

function card(parts: MessageParts, room: Room): TeamsWorkflowsMessage {
  const title: ITextBlock = {
    type: 'TextBlock',
    text: escapeText(parts.title, 300, ' '),
    weight: 'bolder',
    size: 'medium',
    wrap: true,
  };
  const facts: IFactSet = {
    type: 'FactSet',
    // A fact with no value (a teacher with no name set) is left out: cards drop empty values anyway.
    facts: parts.facts
      .map((fact) => ({ title: fact.label, value: escapeText(fact.value, room.fact, ' ') }))
      .filter((fact) => fact.value !== ''),
  };
  const body: (ITextBlock | IFactSet)[] = [title, facts];

  if (parts.words) {
    body.push({ type: 'TextBlock', text: parts.wordsLabel, weight: 'bolder', wrap: true });
    // Teams Markdown needs a blank line to break a line.
    body.push({ type: 'TextBlock', text: escapeText(parts.words, room.words, '\n\n'), wrap: true });
  }

  const entities: TeamsMention[] = [];
  if (parts.mentors.length > 0) {
    const shown = parts.mentors.map((mentor): { text: string; entity: TeamsMention | null } => {
      const upn = mentorUpn(mentor);
      if (upn) {
        const name = atName(mentor);
        const tag = `<at>${name}</at>`;
        return { text: tag, entity: { type: 'mention', text: tag, mentioned: { id: upn, name } } };
      }
      return { text: escapeText(mentorName(mentor), 200, ' '), entity: null };
    });
    const { text, shown: count } = joinWithin(
      shown.map((s) => s.text),
      room.mentionsText,
      ', ',
      room.mentions,
    );
    for (const item of shown.slice(0, count)) if (item.entity) entities.push(item.entity);
    body.push({ type: 'TextBlock', text: `Mentors: ${text}`, wrap: true });
  }

  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          msteams: entities.length > 0 ? { width: 'Full', entities } : { width: 'Full' },
        },
      },
    ],
  };
}

/** What the request carries: the JSON body, in UTF-8 bytes. */
export function bodyBytes(message: unknown): number {
  return new TextEncoder().encode(JSON.stringify(message)).length;
}

/**
 * The card with as much of each part as fits the body budget: first with the full caps, then
 * halving every part (words, facts, mentions) until it fits. A card that is cut still says so,
 * with "…" and "and N more", rather than being refused by Teams as too large.
 */
export function toTeamsMessage(payload: OutgoingPayload): TeamsWorkflowsMessage {
  const parts = messageParts(payload);
  let message = card(parts, roomAt(0));
  for (let step = 1; step < ATTEMPTS && bodyBytes(message) > TEAMS_LIMITS.bodyBytes; step += 1) {
    message = card(parts, roomAt(step));
  }
  return message;
}
