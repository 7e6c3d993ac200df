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
  /**
   * Pages on the tool's own hosts that are not the app: API and its documentation, file and
   * LTI service hosts, marketing and help pages. Written like context matches; never detected.
   */
  lookAlikes?: ContextMatch[];
  /** Structural signatures for self-hosted installs; used only when the host is unknown. */
  signatures?: Signature[];
  /**
   * A self-hosted install may live under a sub-folder (https://school.example/moodle/…): its
   * contexts then match once the leading folder is set aside.
   */
  subfolderInstalls?: boolean;
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
 * A page signature: every selector must match for the signature to count (a selector may list
 * alternatives with commas). Selectors describe structure (ids, elements, attributes, the
 * product's own asset paths), never visible text, so a page that merely mentions a tool is not
 * taken for it. A tool has several independent signatures; any one matching is enough.
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
  /**
   * For self-hosted examples: a page shell under tests/fixtures/shells/, reproduced from a real
   * page of the product (its source is named beside the example), read instead of `html`.
   */
  shell?: string;
}

/** A page that looks like the tool (its domains, its styles, a link to it) and must not be taken for it. */
export interface LookAlikeExample {
  url: string;
  /** Why it looks like the tool, and why it is not. */
  why: string;
  html?: string;
  /** A page under tests/fixtures/shells/. */
  shell?: string;
}
