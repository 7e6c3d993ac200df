import { Marked, type Tokens } from 'marked';
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { checkCardLink } from './link-rule';

/**
 * Card text is Markdown written by coaches and shared between districts, so it is untrusted.
 * This module is the only place where card text becomes HTML, in three steps:
 *   1. marked (GFM) turns Markdown into HTML;
 *   2. DOMPurify, with a short allow-list, removes everything dangerous;
 *   3. our own allow-list pass walks the result once more, enforces the same list and the
 *      card link rule, adds target/rel to links, and refuses output that would change when
 *      parsed again (the signature of mutation XSS).
 * Step 3 keeps the guarantee where DOMPurify cannot give it: DOMPurify supports real
 * browsers and jsdom only, and under DOM emulations such as happy-dom it misreads node
 * names and lets markup through. A self-test decides whether DOMPurify is used on the
 * current DOM; in extension pages (a real browser) it always is.
 *
 * Images are not rendered as images. A remote image in a card would be fetched from the
 * teacher's browser as soon as the card is shown: whoever hosts the picture in a shared pack
 * would learn who opened which card, and extension pages would talk to the network, which
 * only the background may do. `![alt](https://…)` becomes a link to the picture instead, so
 * nothing loads until the teacher clicks.
 */

/**
 * DOMPurify's URL gate (it strips whitespace and control characters before testing). The
 * card link rule (link-rule.ts) decides in the end; this only keeps DOMPurify from passing
 * anything that rule could never allow.
 */
const ALLOWED_URI = /^(?:https:\/\/|mailto:)/i;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const INLINE_TAGS = ['a', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'kbd', 'br'];
const BLOCK_TAGS = [...INLINE_TAGS, 'p', 'hr', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

/** Attributes each element may keep, with a check of the value. */
const ATTRIBUTE_RULES: Record<string, Record<string, (value: string) => boolean>> = {
  a: { href: (value) => safeHref(value) !== null, title: () => true },
  th: { align: (value) => /^(?:left|right|center)$/.test(value) },
  td: { align: (value) => /^(?:left|right|center)$/.test(value) },
  ol: { start: (value) => /^\d{1,9}$/.test(value) },
};

/** Elements removed with everything inside them; other unknown elements keep their text. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'textarea',
  'select',
  'title',
  'svg',
  'math',
  'audio',
  'video',
  'canvas',
  'picture',
  'head',
  'meta',
  'link',
  'base',
  'param',
  'source',
  'track',
  'img',
  'input',
  'button',
]);

const BASE_CONFIG = {
  ALLOWED_ATTR: ['href', 'title', 'align', 'start'],
  // align and start hold plain words and numbers, not URLs.
  ADD_URI_SAFE_ATTR: ['align', 'start'],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  FORBID_ATTR: ['style', 'target', 'rel', 'id', 'name', 'class'],
  KEEP_CONTENT: true,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  RETURN_TRUSTED_TYPE: false,
} satisfies Config;

type Mode = { tags: ReadonlySet<string>; config: Config };
const BLOCK: Mode = { tags: new Set(BLOCK_TAGS), config: { ...BASE_CONFIG, ALLOWED_TAGS: BLOCK_TAGS } };
const INLINE: Mode = { tags: new Set(INLINE_TAGS), config: { ...BASE_CONFIG, ALLOWED_TAGS: INLINE_TAGS } };

const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // The side panel owns the page's heading outline; a heading inside a step would break it.
    heading(token: Tokens.Heading) {
      return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>\n`;
    },
    image(token: Tokens.Image) {
      const label = escapeHtml(token.text.trim() || 'picture');
      const href = safeHref(token.href);
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
    // Task lists: a glyph instead of a disabled form control, which the allow-list drops.
    checkbox(token: Tokens.Checkbox) {
      return token.checked ? '☑ ' : '☐ ';
    },
  },
});

type DomWindow = Window & typeof globalThis;
let cached: { window: DomWindow; purifier: DOMPurify | null } | null = null;

function currentWindow(): DomWindow | null {
  const win = (globalThis as { window?: DomWindow }).window;
  return win?.document ? win : null;
}

/** DOMPurify bound to this window, or null where it fails its self-test on this DOM. */
function getPurifier(win: DomWindow): DOMPurify | null {
  if (cached?.window === win) return cached.purifier;
  let purifier: DOMPurify | null = createDOMPurify(win);
  if (!purifier.isSupported || !passesSelfTest(purifier)) purifier = null;
  cached = { window: win, purifier };
  return purifier;
}

function passesSelfTest(purifier: DOMPurify): boolean {
  try {
    const out = purifier.sanitize(
      '<p>a</p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)" onclick="alert(1)">b</a><em>c</em>',
      BLOCK.config,
    );
    return String(out) === '<p>a</p><a>b</a><em>c</em>';
  } catch {
    return false;
  }
}

/** For tests and diagnostics: whether DOMPurify runs on the current DOM (always in browsers). */
export function isDomPurifyActive(): boolean {
  const win = currentWindow();
  return win !== null && getPurifier(win) !== null;
}

/**
 * The link if the card link rule allows it (the same rule as a pack's links), else null: a
 * refused link is shown as its text, never as an anchor.
 */
function safeHref(href: string): string | null {
  const check = checkCardLink(href, { allowEmail: true });
  return check.ok ? check.href : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Removes anything outside the allow-list from `parent`'s subtree; links get target/rel. */
function enforceAllowList(parent: Node, mode: Mode): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) continue; // text
    if (node.nodeType !== 1) {
      node.parentNode?.removeChild(node); // comments, processing instructions, CDATA
      continue;
    }
    const element = node as Element;
    const name = element.localName.toLowerCase();
    const isHtml = element.namespaceURI === HTML_NAMESPACE;
    if (!isHtml || !mode.tags.has(name)) {
      if (!isHtml || DROP_WITH_CONTENT.has(name)) {
        element.parentNode?.removeChild(element);
      } else {
        // Unknown but harmless wrapper (div, span, details…): keep what is inside it.
        enforceAllowList(element, mode);
        while (element.firstChild) parent.insertBefore(element.firstChild, element);
        parent.removeChild(element);
      }
      continue;
    }
    const rules = ATTRIBUTE_RULES[name] ?? {};
    for (const attribute of Array.from(element.attributes)) {
      const check = attribute.namespaceURI === null ? rules[attribute.name.toLowerCase()] : undefined;
      if (!check || !check(attribute.value)) element.removeAttribute(attribute.name);
    }
    enforceAllowList(element, mode);
    if (name === 'a') {
      if (element.hasAttribute('href')) {
        // Links leave the panel: a new tab, no window.opener, no referrer.
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      } else {
        // A link whose target was removed is just text.
        while (element.firstChild) parent.insertBefore(element.firstChild, element);
        parent.removeChild(element);
      }
    }
  }
}

function sanitize(html: string, mode: Mode, source: string): string {
  const win = currentWindow();
  // Without a DOM nothing can be checked: fall back to the text itself, escaped.
  if (!win) return escapeHtml(source);
  const purifier = getPurifier(win);
  const purified = purifier ? String(purifier.sanitize(html, mode.config)) : html;
  const body = parseInert(win, purified);
  enforceAllowList(body, mode);
  const output = body.innerHTML;
  // Safe HTML parses back to itself; if it does not, the parser would rewrite it in ways
  // nobody checked, so show the text instead.
  return parseInert(win, output).innerHTML === output ? output : escapeHtml(source);
}

/**
 * The body of a document of its own: nothing in it runs or loads while we inspect it, and it
 * parses as the contents of an element in a page's body, which is where card HTML is shown.
 */
function parseInert(win: DomWindow, html: string): HTMLElement {
  return new win.DOMParser().parseFromString(html, 'text/html').body;
}

/** Card Markdown (GFM) to sanitised HTML. The only way card text becomes HTML. */
export function renderMarkdown(source: string): string {
  if (typeof source !== 'string' || source === '') return '';
  const html = markdown.parse(source, { async: false });
  return sanitize(html, BLOCK, source);
}

/** One line of Markdown (a step title) to sanitised HTML with inline elements only. */
export function renderInline(source: string): string {
  if (typeof source !== 'string' || source === '') return '';
  const html = markdown.parseInline(source, { async: false });
  return sanitize(html, INLINE, source);
}
