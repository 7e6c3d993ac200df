/**
 * The tool catalogue is data: one file per tool under catalog/, read by one generic matcher
 * (match.ts). Patterns are small strings rather than regular expressions so that coaches and
 * reviewers can read them.
 *
 * Host patterns:
 *   "classroom.google.com"        exactly that host
 *   "*.instructure.com"           any subdomain (one or more labels), never the bare domain
 *   "docs.google.com/document"    that host, and the path must start with that segment
 *
 * Path patterns (matched against the path, the hash route, or both):
 *   ":id"      one segment
 *   "*"        at the end only: zero or more further segments
 *   anything else must match the segment exactly (case-insensitive)
 *   A trailing slash on the URL is ignored.
 */
export interface ToolDef {
  id: string;
  name: string;
  category: ToolCategory;
  hosts: string[];
  /** Hosts under a wildcard that are not the tool (marketing, status, community sites). */
  excludeHosts?: string[];
  /** Strip Google's multi-account prefix (/u/1/) wherever it appears in the path. */
  accountPrefix?: boolean;
  /**
   * Path words the tool really uses that no context pattern spells out (a folder route, a tab).
   * With the contexts' literal segments they are the only segments a page reference keeps
   * (utils/privacy/route-words.ts); each must appear in one of the tool's example URLs.
   */
  routeWords?: string[];
  /** Structural signatures for self-hosted installs; used only when the host is unknown. */
  signatures?: Signature[];
  /** Most specific first: the first context that matches wins. */
  contexts: ContextDef[];
}

export type ToolCategory = 'lms' | 'classroom' | 'workspace' | 'portal';

export interface ContextDef {
  id: string;
  name: string;
  match: ContextMatch[];
}

export interface ContextMatch {
  /** Only on this host: exact, or a glob where "*" stands for any run of host characters. */
  host?: string;
  path?: string;
  /** Query parameters that must be present; a value ending in "*" matches as a prefix, "" means any value. */
  query?: Record<string, string>;
  /** Hash route pattern, for tools that route in the hash (#/activities/…). */
  hash?: string;
}

/**
 * A page signature: every selector must match for the signature to count. Selectors describe
 * structure (ids, elements, attributes), never visible text, so a page that merely mentions
 * a tool is not taken for it.
 */
export interface Signature {
  all: string[];
}

export interface Detection {
  tool: string;
  context: string | null;
}

/** Example URLs that live next to each tool's data and are checked by one test. */
export interface ToolExample {
  url: string;
  context: string | null;
  /** For self-hosted examples: the HTML whose structure identifies the tool. */
  html?: string;
}
