/**
 * Slack incoming webhook: Block Kit message (https://docs.slack.dev/reference/block-kit/blocks).
 *
 * Slack documents escapes only for `&`, `<` and `>`; mrkdwn has none for `*`, `_`, `~`, the
 * backtick or a `>` starting a line, so a teacher's name, a card title or a mentor's name in a
 * mrkdwn object could turn bold, italic, struck, into code or into a quote. Instead of guessing at
 * escapes, no text a person typed goes into mrkdwn at all:
 * - the title is the header's `plain_text`, which Slack never formats;
 * - facts, words and mentors are `rich_text` blocks, which Slack recommends for user-defined
 *   text: a `text` element is shown as it is, and its look comes only from our own `style`
 *   (bold labels, the page path as code, the words in a `rich_text_quote`), so a `*` stays a `*`;
 * - mentions are `user` elements with a member id (U…/W…), so only the routed mentors are pinged;
 * - the top-level `text` (the notification, and clients without blocks) is sent with
 *   `mrkdwn: false`, which turns formatting off for it, and escaped as Slack asks.
 * A `<` in typed text is followed by a zero-width space wherever Slack could read markup, so a
 * `<!channel>` stays text even where a client parses more than it documents.
 */
import type { HeaderBlock, KnownBlock, RichTextBlock, RichTextElement, RichTextText } from '@slack/types';
import { fitEscaped, joinWithin, messageParts, mentorName, moreText, ZWSP } from './message-parts';
import type { OutgoingPayload, RoutedMentor } from './types';

/** The body an incoming webhook accepts: top-level text is the notification fallback. */
export interface SlackWebhookMessage {
  text: string;
  /** Formatting off for `text`: it carries titles and names as typed. */
  mrkdwn: false;
  blocks: KnownBlock[];
  unfurl_links: boolean;
  unfurl_media: boolean;
}

/** Limits from the Block Kit reference (as documented in @slack/types), and our caps per part. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  /** One fact's value; the words; the mentions line (text objects allow 3000). */
  factText: 2000,
  wordsText: 3000,
  mentionsText: 3000,
} as const;

const MEMBER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Typed text in rich text and plain text: shown as is, with `<` defused. */
function defuseChar(ch: string): string {
  return ch === '<' ? `<${ZWSP}` : ch;
}

/** Typed text in the mrkdwn-off fallback: Slack's own escapes, which it still decodes there. */
function escapeChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return ch;
}

function plain(text: string, style?: RichTextText['style']): RichTextText {
  return style ? { type: 'text', text, style } : { type: 'text', text };
}

function memberId(mentor: RoutedMentor): string | null {
  const handle = mentor.handle?.trim();
  return handle && MEMBER_ID.test(handle) ? handle : null;
}

export function toSlackMessage(payload: OutgoingPayload): SlackWebhookMessage {
  const parts = messageParts(payload);

  const header: HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: fitEscaped(parts.title, SLACK_LIMITS.headerText, defuseChar), emoji: true },
  };

  // One line per fact: "Teacher: Maya Lopez", the label bold, the page path as code.
  const facts: RichTextElement[] = [];
  for (const [index, fact] of parts.facts.entries()) {
    if (index > 0) facts.push(plain('\n'));
    facts.push(plain(`${fact.label}: `, { bold: true }));
    // Slack refuses an empty text element, and a teacher with no name set is not unusual.
    const value = fitEscaped(fact.value, SLACK_LIMITS.factText, defuseChar);
    if (value) facts.push(fact.label === 'Page' ? plain(value, { code: true }) : plain(value));
  }
  const blocks: KnownBlock[] = [header, { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: facts }] }];

  if (parts.words) {
    blocks.push({
      type: 'rich_text',
      elements: [
        { type: 'rich_text_section', elements: [plain(parts.wordsLabel, { bold: true })] },
        { type: 'rich_text_quote', elements: [plain(fitEscaped(parts.words, SLACK_LIMITS.wordsText, defuseChar))] },
      ],
    } satisfies RichTextBlock);
  }

  let fallbackMentions = '';
  if (parts.mentors.length > 0) {
    const label = 'Mentors: ';
    // Measured as the fallback writes them, so the block and the fallback show the same mentors.
    const items = parts.mentors.map((mentor) => {
      const id = memberId(mentor);
      return id ? `<@${id}>` : fitEscaped(mentorName(mentor), 200, escapeChar);
    });
    const joined = joinWithin(items, SLACK_LIMITS.mentionsText - label.length);
    fallbackMentions = joined.text;

    const line: RichTextElement[] = [plain(label, { bold: true })];
    for (const [index, mentor] of parts.mentors.slice(0, joined.shown).entries()) {
      if (index > 0) line.push(plain(', '));
      const id = memberId(mentor);
      line.push(id ? { type: 'user', user_id: id } : plain(fitEscaped(mentorName(mentor), 200, defuseChar)));
    }
    const left = parts.mentors.length - joined.shown;
    if (left > 0) line.push(plain(joined.shown === 0 ? moreText(left, false) : ` ${moreText(left, true)}`));
    blocks.push({ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: line }] });
  }

  const title = fitEscaped(parts.title, SLACK_LIMITS.headerText, escapeChar);
  return {
    text: fallbackMentions ? `${title}\nMentors: ${fallbackMentions}` : title,
    mrkdwn: false,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
