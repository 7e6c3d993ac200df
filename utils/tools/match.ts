import type { ContextMatch, Signature, ToolDef } from './types';

/** The generic matcher behind detect(): reads the catalogue's patterns, knows no tool by name. */

interface HostRule {
  /** Exact host, or the suffix (".instructure.com") for a wildcard. */
  host: string;
  wildcard: boolean;
  pathPrefix: string[];
}

const hostRuleCache = new Map<string, HostRule>();
const pathPatternCache = new Map<string, string[]>();

function hostRule(pattern: string): HostRule {
  let rule = hostRuleCache.get(pattern);
  if (!rule) {
    const slash = pattern.indexOf('/');
    const hostPart = (slash === -1 ? pattern : pattern.slice(0, slash)).toLowerCase();
    const wildcard = hostPart.startsWith('*.');
    rule = {
      host: wildcard ? hostPart.slice(1) : hostPart,
      wildcard,
      pathPrefix: slash === -1 ? [] : splitPath(pattern.slice(slash)),
    };
    hostRuleCache.set(pattern, rule);
  }
  return rule;
}

/** Lower-cases and drops a trailing dot, so "Classroom.Google.com." is the same host. */
export function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function splitPath(path: string): string[] {
  const segments: string[] = [];
  for (const segment of path.split('/')) if (segment !== '') segments.push(segment.toLowerCase());
  return segments;
}

/**
 * Whole-label host matching: "*.instructure.com" matches "school.instructure.com" and
 * "school.beta.instructure.com" but never "instructure.com", "evilinstructure.com" or
 * "school.instructure.com.evil.example".
 */
function hostMatches(pattern: string, host: string, segments: string[]): boolean {
  const rule = hostRule(pattern);
  const hostOk = rule.wildcard ? host.endsWith(rule.host) && host.length > rule.host.length : host === rule.host;
  if (!hostOk) return false;
  return rule.pathPrefix.every((segment, index) => segments[index] === segment);
}

/** Drops the first /u/N/ pair, as pageParts does, so "docs.google.com/u/1/document/…" keeps its prefix. */
function withoutAccountPrefix(segments: string[]): string[] {
  const at = segments.findIndex((segment, index) => segment === 'u' && /^\d+$/.test(segments[index + 1] ?? ''));
  return at === -1 ? segments : [...segments.slice(0, at), ...segments.slice(at + 2)];
}

export function toolOwnsHost(tool: ToolDef, host: string, segments: string[]): boolean {
  if (tool.excludeHosts?.includes(host)) return false;
  const path = tool.accountPrefix ? withoutAccountPrefix(segments) : segments;
  return tool.hosts.some((pattern) => hostMatches(pattern, host, path));
}

function compiledPattern(pattern: string): string[] {
  let compiled = pathPatternCache.get(pattern);
  if (!compiled) {
    compiled = splitPath(pattern);
    pathPatternCache.set(pattern, compiled);
  }
  return compiled;
}

function pathMatches(pattern: string, segments: string[]): boolean {
  const parts = compiledPattern(pattern);
  const rest = parts[parts.length - 1] === '*';
  const fixed = rest ? parts.length - 1 : parts.length;
  if (rest ? segments.length < fixed : segments.length !== fixed) return false;
  for (let i = 0; i < fixed; i++) {
    const part = parts[i]!;
    if (part === ':id') continue;
    if (part !== segments[i]) return false;
  }
  return true;
}

function queryMatches(expected: Record<string, string>, params: URLSearchParams): boolean {
  for (const [key, want] of Object.entries(expected)) {
    const value = params.get(key);
    if (value === null) return false;
    if (want === '') continue;
    if (want.endsWith('*') ? !value.startsWith(want.slice(0, -1)) : value !== want) return false;
  }
  return true;
}

export interface PageParts {
  host: string;
  segments: string[];
  params: URLSearchParams;
  hashSegments: string[];
}

export function pageParts(url: URL, tool?: ToolDef): PageParts {
  let path = url.pathname;
  if (tool?.accountPrefix) path = path.replace(/\/u\/\d+(?=\/|$)/, '');
  const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  const hashPath = hash.split('?')[0] ?? '';
  return {
    host: normalizeHost(url.hostname),
    segments: splitPath(safeDecode(path)),
    params: url.searchParams,
    hashSegments: splitPath(safeDecode(hashPath)),
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const hostGlobCache = new Map<string, RegExp>();

/** Context host globs: "join.nearpod.com" exactly, or "*.quiz-lti-*.instructure.com". */
function hostGlobMatches(glob: string, host: string): boolean {
  if (!glob.includes('*')) return glob.toLowerCase() === host;
  let regex = hostGlobCache.get(glob);
  if (!regex) {
    const source = glob
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9.-]*');
    regex = new RegExp(`^${source}$`);
    hostGlobCache.set(glob, regex);
  }
  return regex.test(host);
}

export function contextMatches(match: ContextMatch, parts: PageParts): boolean {
  if (match.host !== undefined && !hostGlobMatches(match.host, parts.host)) return false;
  if (match.path !== undefined && !pathMatches(match.path, parts.segments)) return false;
  if (match.hash !== undefined && !pathMatches(match.hash, parts.hashSegments)) return false;
  if (match.query !== undefined && !queryMatches(match.query, parts.params)) return false;
  return true;
}

export function matchContext(tool: ToolDef, parts: PageParts): string | null {
  for (const context of tool.contexts) {
    if (context.match.some((match) => contextMatches(match, parts))) return context.id;
  }
  return null;
}

export function signatureMatches(signatures: Signature[], doc: Document): boolean {
  return signatures.some((signature) =>
    signature.all.every((selector) => {
      try {
        return doc.querySelector(selector) !== null;
      } catch {
        return false;
      }
    }),
  );
}
