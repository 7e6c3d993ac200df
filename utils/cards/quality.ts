import type { Card, Pack } from './schema';

/**
 * What the pack format allows but a card that teachers can trust should not do. `cards check`
 * prints these as warnings for any pack; the built-in pack's own test fails on them.
 * - A link to a help centre's home, index, category or search page: the teacher lands among a
 *   thousand articles and has to search again, which is what the card was for.
 * - The same link twice in one card.
 * - More than MAX_UNNAMED_RUN steps in a row that name no on-screen control: a teacher reads
 *   "choose the option" with the tool open and cannot tell which one. A step names its control
 *   in bold, as the vendor labels it ("Click **Publish**").
 */

export const MAX_UNNAMED_RUN = 3;

/** Path parts that only say which language or help centre: "en", "en-us", "es-419", "hc". */
const LOCALE_OR_CENTRE = /^(?:[a-z]{2}(?:[-_][a-z0-9]{2,4})?|hc|s)$/i;
/** Last path parts of a help centre's front door. */
const HOME_ENDINGS = new Set([
  'home',
  'index',
  'index.html',
  'help-center',
  'helpcenter',
  'help',
  'support',
  'kb',
  'articles',
  'knowledge-base',
]);
/** Path parts that introduce a list of articles rather than one. */
const INDEX_PARTS = new Set(['categories', 'category', 'sections', 'section', 'search', 'tag', 'tags']);

/** Why a link is a help centre's home or index page rather than an article, or null. */
export function homePageReason(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const parts = parsed.pathname.split('/').filter(Boolean);
  const meaningful = parts.filter((part) => !LOCALE_OR_CENTRE.test(part));
  if (meaningful.length === 0) return 'is a help centre’s home page';
  if (HOME_ENDINGS.has((meaningful[meaningful.length - 1] as string).toLowerCase())) return 'is a help centre’s home page';
  if (parts.some((part) => INDEX_PARTS.has(part.toLowerCase()))) return 'is a list of articles, not the article for this task';
  // Google's help centres: every article is /<product>/answer/<n>; anything else is a product's front page or a topic.
  if (parsed.hostname === 'support.google.com' && !parts.includes('answer')) return 'is a help centre’s home page';
  return null;
}

/** The same page however it is written: no fragment, no trailing slash, host in lowercase. */
export function linkIdentity(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url;
  }
}

/** Whether a step names an on-screen control: a bold label. */
export function namesControl(step: string): boolean {
  return /\*\*[^*]+\*\*|__[^_]+__/.test(step);
}

/** The longest run of steps that name no control, and where it starts (index). */
export function longestUnnamedRun(steps: readonly string[]): { length: number; start: number } {
  let best = { length: 0, start: 0 };
  let start = 0;
  steps.forEach((step, index) => {
    if (namesControl(step)) {
      start = index + 1;
      return;
    }
    if (index - start + 1 > best.length) best = { length: index - start + 1, start };
  });
  return best;
}

/** Problems of one card, each "<field path>: <what is wrong>", paths relative to the card. */
export function cardQualityProblems(card: Pick<Card, 'links' | 'steps' | 'source'>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  card.links.forEach((link, index) => {
    const reason = homePageReason(link.url);
    if (reason) problems.push(`links[${index}].url: ${reason} (${link.url}); link the vendor's article for this task`);
    const identity = linkIdentity(link.url);
    const first = seen.get(identity);
    if (first !== undefined) problems.push(`links[${index}].url: repeats links[${first}]`);
    else seen.set(identity, index);
  });
  if (card.source) {
    const reason = homePageReason(card.source);
    if (reason) problems.push(`source: ${reason} (${card.source}); give the article the card was checked against`);
  }
  const run = longestUnnamedRun(card.steps);
  if (run.length > MAX_UNNAMED_RUN) {
    problems.push(
      `steps[${run.start}]: ${run.length} steps in a row (${run.start + 1} to ${run.start + run.length}) name no on-screen control; put each control's label in bold, as the tool shows it ("Click **Publish**")`,
    );
  }
  return problems;
}

/** cardQualityProblems for every card of a pack, with the card's place: "cards[3].links[0].url: …". */
export function packQualityProblems(pack: Pick<Pack, 'cards'>): string[] {
  return pack.cards.flatMap((card, index) => cardQualityProblems(card).map((problem) => `cards[${index}].${problem} (card "${card.id}")`));
}
