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
import { fitEscaped, joinWithin, messageParts, mentorName, ZWSP } from './message-parts';
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
 * Teams documents about 28 KB for a message posted by a webhook; Adaptive Card text blocks have
 * no limit of their own. These caps keep a worst case far below it.
 */
export const TEAMS_LIMITS = {
  messageBytes: 28_000,
  factText: 1000,
  wordsText: 4000,
  mentionsText: 2000,
} as const;

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

const UPN = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

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

export function toTeamsMessage(payload: OutgoingPayload): TeamsWorkflowsMessage {
  const parts = messageParts(payload);

  const title: ITextBlock = {
    type: 'TextBlock',
    text: escapeText(parts.title, 300, ' '),
    weight: 'bolder',
    size: 'medium',
    wrap: true,
  };
  const facts: IFactSet = {
    type: 'FactSet',
    facts: parts.facts.map((fact) => ({ title: fact.label, value: escapeText(fact.value, TEAMS_LIMITS.factText, ' ') })),
  };
  const body: (ITextBlock | IFactSet)[] = [title, facts];

  if (parts.words) {
    body.push({ type: 'TextBlock', text: parts.wordsLabel, weight: 'bolder', wrap: true });
    // Teams Markdown needs a blank line to break a line.
    body.push({ type: 'TextBlock', text: escapeText(parts.words, TEAMS_LIMITS.wordsText, '\n\n'), wrap: true });
  }

  const entities: TeamsMention[] = [];
  if (parts.mentors.length > 0) {
    const shown = parts.mentors.map((mentor): { text: string; entity: TeamsMention | null } => {
      const upn = mentor.handle?.trim();
      if (upn && UPN.test(upn)) {
        const name = atName(mentor);
        const tag = `<at>${name}</at>`;
        return { text: tag, entity: { type: 'mention', text: tag, mentioned: { id: upn, name } } };
      }
      return { text: escapeText(mentorName(mentor), 200, ' '), entity: null };
    });
    const { text, shown: count } = joinWithin(
      shown.map((s) => s.text),
      TEAMS_LIMITS.mentionsText,
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
