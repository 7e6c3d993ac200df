import { TOOLS } from '../tools/catalog';
import { normalizeHost, splitPath, toolOwnsHost } from '../tools/match';
import type { ToolDef } from '../tools/types';

/**
 * The path words of one tool that may leave the device: the literal segments of its host and
 * context patterns, "u" of Google's /u/N/ account prefix, and its explicit routeWords. They
 * are the tool's own vocabulary, the same for every school, so they say which page a teacher
 * was on without saying whose. Lower-cased, as the matcher compares paths.
 */
export function routeWordsOf(tool: ToolDef): Set<string> {
  const words = new Set<string>();
  const addLiterals = (pattern: string) => {
    for (const segment of splitPath(pattern)) if (segment !== ':id' && segment !== '*') words.add(segment);
  };
  for (const host of tool.hosts) {
    const slash = host.indexOf('/');
    if (slash !== -1) addLiterals(host.slice(slash));
  }
  // Hash routes are left out: the fragment never leaves the device.
  for (const context of tool.contexts) for (const match of context.match) if (match.path !== undefined) addLiterals(match.path);
  if (tool.accountPrefix) words.add('u');
  for (const word of tool.routeWords ?? []) words.add(word.toLowerCase());
  return words;
}

/** Worked out once when the module loads: the catalogue does not change at run time. */
const ROUTE_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(TOOLS.map((tool) => [tool.id, routeWordsOf(tool)]));

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The route words for a page, by its host, as detect() claims hosts. A host no catalogue tool
 * owns has the words of the tool the page was recognised as (a school's own Canvas, by its
 * markup), and none when it was not recognised: the URL alone cannot tell.
 */
export function routeWordsForUrl(url: URL, detectedTool?: string): ReadonlySet<string> {
  const host = normalizeHost(url.hostname);
  // A reference already redacted ("/u/:id/document/…") still belongs to the same tool, so that
  // redacting twice gives the same answer as redacting once.
  const segments = splitPath(url.pathname).map((segment, index, all) => (segment === ':id' && all[index - 1] === 'u' ? '0' : segment));
  const tool = TOOLS.find((candidate) => toolOwnsHost(candidate, host, segments));
  if (tool) return ROUTE_WORDS.get(tool.id) ?? NO_WORDS;
  // Not the catalogue's host: the words of the tool the page was recognised as, if any.
  return (detectedTool && ROUTE_WORDS.get(detectedTool)) || NO_WORDS;
}
