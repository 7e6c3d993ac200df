import type {
  GapFlagPayload,
  GrowthPlanPayload,
  HelpRequestPayload,
  OutgoingPayload,
  PlanCardRef,
  RoutedMentor,
} from '../../../utils/endpoints/types';
import { OVERSIZED_TEXTS, gapFlag, growthPlan, helpRequest } from '../../support/payloads';

/** Marks that reorder a line or break it: none may reach a chat or the JSON body. */
export const LAYOUT_MARKS = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
export const LINE_SEPARATORS = ['\u2028', '\u2029'];
export const ANY_LAYOUT_MARK = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;

/** mrkdwn and Markdown that would change how a name or a title looks. */
export const MARKUP_TOKENS = ['*bold*', '_it_', '~strike~', '`code`', '```block```', '> quote', '>>> all', '**b**', '~~s~~', '||spoiler||'];

/**
 * Sixty hostile tokens, each a different way to break a message: markup, mass mentions, link
 * syntax, layout marks, separators, controls, broken surrogates and sheer length.
 */
export const HOSTILE_TOKENS: string[] = [
  ...MARKUP_TOKENS,
  ...LAYOUT_MARKS.map((mark) => `a${mark}b`),
  ...LINE_SEPARATORS.map((separator) => `line${separator}next`),
  '@everyone',
  '@here',
  '<!channel>',
  '<!here>',
  '<!subteam^S1>',
  '<@U123>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '<users/all>',
  '<at>x</at>',
  '[x](https://evil.example)',
  '<https://evil.example|safe>',
  '&amp; &lt; &gt;',
  '"quoted" \\ back\\slash',
  '\u001B[31mred\u001B[0m',
  '\u0007bell',
  '\u0000nul',
  '\r\n\r\n\r\n',
  '\uD800lone',
  'lone\uDC00',
  '\t\ttabs',
  '# heading',
  '- list',
  '1. list',
  '| a | b |',
  ':joy:',
  'x'.repeat(10_000),
  '€'.repeat(10_000),
  '😀'.repeat(5_000),
  '<&>*_[](`)'.repeat(1_000),
  '\u202E'.repeat(1_000) + 'x',
  '\u2028'.repeat(1_000) + 'y',
  ' '.repeat(5_000) + 'z',
  '\n'.repeat(5_000) + 'w',
  'ــ'.repeat(3_000),
  'A\u0301'.repeat(3_000),
];

/** One string holding every token, a line each. */
export const ALL_HOSTILE = HOSTILE_TOKENS.join('\n');

/** A valid-looking e-mail handle of about `length` characters. */
export function longUpn(index: number, length = 200): string {
  const local = `m${index}.`.padEnd(length - '@lincoln.example.org'.length, 'x');
  return `${local}@lincoln.example.org`;
}

/** `count` mentors with 100-character three-byte names and long handles of the given kind. */
export function manyMentors(count: number, handle: (index: number) => string | undefined): RoutedMentor[] {
  return Array.from({ length: count }, (_, index) => {
    const h = handle(index);
    const name = `${index} ${'€'.repeat(100)}`;
    return h === undefined ? { name } : { name, handle: h };
  });
}

/** `text` in every field a person fills, help request and gap flag alike. */
export function hostilePayloads(text: string, mentors: RoutedMentor[]): OutgoingPayload[] {
  const people = {
    teacher: { name: text, school: text },
    tool: { id: text, name: text },
    page: { context: text, name: text, url: text },
    mentors,
  };
  const help: HelpRequestPayload = helpRequest({ ...people, message: text });
  const gap: GapFlagPayload = gapFlag({
    ...people,
    note: text,
    card: { id: text, title: text, pack: text, version: 1 },
    searches: Array.from({ length: 60 }, () => text),
  });
  return [help, gap];
}

/**
 * `text` in every string field of a growth plan, ids and times included, with `count` entries in
 * every list (the plan's and each of `goals` goals'): the case that tests every cap at once.
 */
export function hostilePlan(text: string, count = 2, goals = 2): GrowthPlanPayload {
  const card: PlanCardRef = { id: text, title: text, pack: text };
  const tool = { id: text, name: text };
  const saved = () =>
    Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? { savedAt: text, note: text, card }
        : { savedAt: text, note: text, ping: { createdAt: text, tool, page: text, message: text } },
    );
  const reflections = () => Array.from({ length: count }, () => ({ at: text, text, card }));
  return growthPlan({
    id: text,
    createdAt: text,
    teacher: { name: text, school: text },
    period: { since: text, nextMeeting: text },
    goals: Array.from({ length: goals }, () => ({
      id: text,
      text,
      tool,
      comfort: 'new' as const,
      progress: 'getting-there' as const,
      saved: saved(),
      reflections: reflections(),
    })),
    saved: saved(),
    reflections: reflections(),
    pings: Array.from({ length: count }, () => ({ createdAt: text, tool, page: text, message: text, urgency: 'now' as const })),
  });
}

/**
 * Plans whose summary is far over every chat format's limit: every list of twenty goals over
 * what a message shows, each text over every cap. All the hostile tokens at once are so long
 * that four goals are already enough (and keep the test quick).
 */
export function hugePlans(): GrowthPlanPayload[] {
  return [...OVERSIZED_TEXTS.map((text) => hostilePlan(text, 4, 20)), hostilePlan(ALL_HOSTILE, 4, 4)];
}
