/**
 * The one rule for where a card may send a teacher: the links in a pack's `links` and every
 * link in a step's Markdown. Packs are shared between districts, so both are untrusted, and a
 * link that the pack format refuses must not come back in through the step text.
 *
 * A card link is a full https address with a host name, written out (`https://…`, so that
 * what the coach reads is where the browser goes), with no spaces or control characters, and
 * no user name or password before the host: that is how look-alikes are dressed up
 * ("https://canvas.instructure.com@evil.example/" goes to evil.example). Plain http (and so
 * GFM's `www.` autolinks, which mean http) would let anyone on the school network change the
 * page. Step text may also carry an e-mail address (`mailto:`), which opens the teacher's own
 * mail program and loads nothing.
 */

export type CardLinkProblem = 'not-https' | 'invalid' | 'credentials';

export type CardLinkCheck = { ok: true; href: string } | { ok: false; problem: CardLinkProblem };

const HTTPS = 'https://';

/** Whether a card may link to `text`, and the link as it goes into the page (trimmed). */
export function checkCardLink(text: string, options: { allowEmail?: boolean } = {}): CardLinkCheck {
  const href = text.trim();
  if (options.allowEmail && /^mailto:/i.test(href)) return checkEmail(href);
  if (!href.startsWith(HTTPS)) return { ok: false, problem: 'not-https' };
  if (hasHiddenCharacters(href) || href.includes('\\')) return { ok: false, problem: 'invalid' };
  // The host as written: URL parsing forgives "https:///host" and an empty "https://@host",
  // so what the coach reads would not be checked.
  const authority = href.slice(HTTPS.length).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, problem: 'credentials' };
  const url = parse(href);
  if (!authority || !url || url.protocol !== 'https:' || !url.hostname) return { ok: false, problem: 'invalid' };
  return { ok: true, href };
}

function checkEmail(href: string): CardLinkCheck {
  const url = parse(href);
  if (!url || hasHiddenCharacters(href) || url.pathname === '') return { ok: false, problem: 'invalid' };
  return { ok: true, href };
}

/** Spaces and control characters, which URL parsing would quietly drop or encode. */
function hasHiddenCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(char)) return true;
  }
  return false;
}

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
