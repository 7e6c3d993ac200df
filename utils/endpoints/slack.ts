/**
 * Slack incoming webhook: Block Kit message (https://docs.slack.dev/reference/block-kit/blocks).
 * Mentions are `<@U…>` member ids. Teacher text is escaped as Slack asks (&, <, > only), which
 * turns `<!channel>`, `<!here>` and `<@U…>` into visible text, and every mrkdwn object is
 * `verbatim` so Slack does no automatic parsing of names or links in it.
 */
import type { HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { fitEscaped, joinWithin, messageParts, mentorName, ZWSP } from './message-parts';
import type { OutgoingPayload, RoutedMentor } from './types';

/** The body an incoming webhook accepts: top-level text is the notification fallback. */
export interface SlackWebhookMessage {
  text: string;
  blocks: KnownBlock[];
  unfurl_links: boolean;
  unfurl_media: boolean;
}

/** Limits from the Block Kit reference (as documented in @slack/types). */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
} as const;

const MEMBER_ID = /^[UW][A-Z0-9]{2,}$/;

function escapeChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return ch;
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function slackMention(mentor: RoutedMentor): string {
  const handle = mentor.handle?.trim();
  if (handle && MEMBER_ID.test(handle)) return `<@${handle}>`;
  return fitEscaped(mentorName(mentor), 200, escapeChar);
}

export function toSlackMessage(payload: OutgoingPayload): SlackWebhookMessage {
  const parts = messageParts(payload);

  const header: HeaderBlock = {
    type: 'header',
    // plain_text is not parsed as mrkdwn, and entity-escaping it could show "&amp;" literally, so a
    // zero-width space after '<' keeps any "<!channel>" inert whichever way Slack reads it.
    text: {
      type: 'plain_text',
      text: fitEscaped(parts.title, SLACK_LIMITS.headerText, (ch) => (ch === '<' ? `<${ZWSP}` : ch)),
      emoji: true,
    },
  };

  const fields = parts.facts.slice(0, SLACK_LIMITS.fields).map((fact) => {
    const label = `*${fact.label}*\n`;
    const max = SLACK_LIMITS.fieldText - label.length;
    const value =
      fact.label === 'Page'
        ? `\`${fitEscaped(fact.value.replace(/`/g, "'"), max - 2, escapeChar)}\``
        : fitEscaped(fact.value, max, escapeChar);
    return mrkdwn(label + value);
  });
  const blocks: KnownBlock[] = [header, { type: 'section', fields } satisfies SectionBlock];

  if (parts.words) {
    // A mrkdwn quote: each line starts with a literal '>' (the teacher's own '>' is escaped).
    const label = `*${parts.wordsLabel}*\n>`;
    const quoted = fitEscaped(parts.words, SLACK_LIMITS.sectionText - label.length, (ch) => (ch === '\n' ? '\n>' : escapeChar(ch)));
    blocks.push({ type: 'section', text: mrkdwn(label + quoted) });
  }

  let mentions = '';
  if (parts.mentors.length > 0) {
    const label = '*Mentors:* ';
    mentions = joinWithin(parts.mentors.map(slackMention), SLACK_LIMITS.sectionText - label.length).text;
    blocks.push({ type: 'section', text: mrkdwn(label + mentions) });
  }

  // Notifications and clients without blocks show `text`; it gets the title and the mentions.
  const title = fitEscaped(parts.title, SLACK_LIMITS.headerText, escapeChar);
  return {
    text: mentions ? `${title}\nMentors: ${mentions}` : title,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
