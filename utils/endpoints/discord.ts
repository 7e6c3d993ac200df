/**
 * Discord webhook (Execute Webhook, https://discord.com/developers/docs/resources/webhook).
 * Mentions are `<@id>`; `allowed_mentions` lets Discord ping only the routed mentors, whatever
 * the text says. The text is defused as well: `@everyone`/`@here` broken by a zero-width space,
 * `<` followed by one (so `<@…>`, `<@&…>`, `<#…>` are plain text), Markdown escaped with `\`.
 */
import type { APIAllowedMentions, MessageFlags, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { fitEscaped, joinWithin, messageParts, mentorName, ZWSP } from './message-parts';
import type { OutgoingPayload, RoutedMentor } from './types';

/** Limits from Discord's Execute Webhook and Allowed Mentions docs (as documented in discord-api-types). */
export const DISCORD_LIMITS = {
  content: 2000,
  allowedUsers: 100,
} as const;

/**
 * Our own share of the 2000: title 300, each fact 250, mentions 400. With every fact at its
 * worst (all characters escaped) that leaves the words about 200, and usually far more.
 */
const BUDGET = { title: 300, fact: 250, mentions: 400 } as const;

/** Link previews of URLs a teacher typed would fill the channel; webhooks may set this flag. */
const SUPPRESS_EMBEDS: MessageFlags.SuppressEmbeds = 4;

const SNOWFLAKE = /^\d{17,20}$/;
const MARKDOWN = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '(', ')', '#', '>', '-']);

function escapeChar(ch: string): string {
  if (ch === '<') return `<${ZWSP}`;
  if (MARKDOWN.has(ch)) return `\\${ch}`;
  return ch;
}

/** Inside inline code Markdown escapes show literally, so only backticks and `<` are changed. */
function escapeCodeChar(ch: string): string {
  if (ch === '`') return "'";
  if (ch === '<') return `<${ZWSP}`;
  return ch;
}

function mentorId(mentor: RoutedMentor): string | null {
  const handle = mentor.handle?.trim();
  return handle && SNOWFLAKE.test(handle) ? handle : null;
}

export function toDiscordMessage(payload: OutgoingPayload): RESTPostAPIWebhookWithTokenJSONBody {
  const parts = messageParts(payload);
  const max = DISCORD_LIMITS.content;

  const head = [`**${fitEscaped(parts.title, BUDGET.title, escapeChar)}**`];
  for (const fact of parts.facts) {
    const value =
      fact.label === 'Page'
        ? `\`${fitEscaped(fact.value, BUDGET.fact, escapeCodeChar)}\``
        : fitEscaped(fact.value, BUDGET.fact, escapeChar);
    head.push(`**${fact.label}:** ${value}`);
  }

  // Mentions: each id once, and the line capped so the words keep room.
  const seen = new Set<string>();
  const mentions: { text: string; id: string | null }[] = [];
  for (const mentor of parts.mentors) {
    const id = mentorId(mentor);
    if (id && seen.has(id)) continue;
    if (id) seen.add(id);
    mentions.push({ text: id ? `<@${id}>` : fitEscaped(mentorName(mentor), 200, escapeChar), id });
  }
  const mentorLabel = '**Mentors:** ';
  const joined = joinWithin(
    mentions.map((m) => m.text),
    BUDGET.mentions - mentorLabel.length,
  );
  const mentionLine = mentions.length > 0 ? mentorLabel + joined.text : '';
  // Only the mentions shown may ping (the 400-character line holds far fewer than Discord's 100).
  const users = mentions
    .slice(0, joined.shown)
    .map((m) => m.id)
    .filter((id): id is string => id !== null)
    .slice(0, DISCORD_LIMITS.allowedUsers);

  const lines = [...head];
  if (parts.words) {
    const label = `**${parts.wordsLabel}:**`;
    const fixed = [...head, label, mentionLine].filter(Boolean).join('\n').length + 1;
    // A quote: every line of the teacher's words starts with "> ".
    const room = Math.max(max - fixed - 2, 1);
    const quoted = `> ${fitEscaped(parts.words, room, (ch) => (ch === '\n' ? '\n> ' : escapeChar(ch)))}`;
    lines.push(label, quoted);
  }
  if (mentionLine) lines.push(mentionLine);

  const allowedMentions: APIAllowedMentions = { parse: [], users };
  return {
    content: lines.join('\n'),
    allowed_mentions: allowedMentions,
    flags: SUPPRESS_EMBEDS,
  };
}
