import { describe, expect, it } from 'vitest';
import { checkCardLink } from '../../../utils/cards/link-rule';
import { renderMarkdown } from '../../../utils/cards/markdown';
import { parsePack } from '../../../utils/cards/pack';
import { card, pack } from '../../support/factories';

/** The links of the rendered Markdown, as the panel would show them. */
function anchors(markdown: string): { href: string | null; text: string }[] {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  return Array.from(template.content.querySelectorAll('a')).map((a) => ({ href: a.getAttribute('href'), text: a.textContent ?? '' }));
}

function textOf(markdown: string): string {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  return template.content.textContent ?? '';
}

/** Whether the pack format takes the address in a card's links. */
function packAccepts(url: string): boolean {
  return parsePack(pack({ cards: [card({ links: [{ title: 'Help', url, kind: 'help' }] })] })).ok;
}

const REFUSED = [
  ['plain http', 'http://canvas.instructure.com/login', 'not-https'],
  ['a user name before the host (look-alike)', 'https://canvas.instructure.com@evil.example/', 'credentials'],
  ['a user name and password', 'https://teacher:secret@drive.evil.example/', 'credentials'],
  ['an empty user name', 'https://@evil.example/', 'credentials'],
  ['a backslash', 'https://canvas.instructure.com\\@evil.example/', 'invalid'],
  ['no slashes after the scheme', 'https:evil.example/login', 'not-https'],
  ['an upper-case scheme', 'HTTPS://evil.example/', 'not-https'],
  ['a space inside', 'https://canvas.instructure .com/', 'invalid'],
  ['a tab inside the host', 'https://canvas.instr\tucture.com/', 'invalid'],
  ['no host', 'https:///path', 'invalid'],
  ['javascript:', 'javascript:alert(1)', 'not-https'],
  ['a relative link', '/options.html', 'not-https'],
] as const;

describe('checkCardLink', () => {
  it.each(REFUSED)('refuses %s', (_name, url, problem) => {
    expect(checkCardLink(url)).toEqual({ ok: false, problem });
  });

  it('allows a full https link and gives it back trimmed', () => {
    expect(checkCardLink(' https://community.canvaslms.com/t5/Instructor-Guide/ta-p/1 ')).toEqual({
      ok: true,
      href: 'https://community.canvaslms.com/t5/Instructor-Guide/ta-p/1',
    });
    // An @ after the host (a path or a query) is not a user name.
    expect(checkCardLink('https://example.org/people/@coach?from=a@b').ok).toBe(true);
  });

  it('allows an e-mail address only where asked (step text), never in a pack’s links', () => {
    expect(checkCardLink('mailto:help@school.example', { allowEmail: true })).toEqual({ ok: true, href: 'mailto:help@school.example' });
    expect(checkCardLink('mailto:help@school.example')).toEqual({ ok: false, problem: 'not-https' });
    expect(checkCardLink('mailto:', { allowEmail: true })).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('one rule for a pack’s links and the links in step Markdown', () => {
  it.each(REFUSED)('neither takes %s', (_name, url) => {
    expect(packAccepts(url)).toBe(false);
    // Written as a Markdown link, the link text stays and no anchor is made.
    expect(anchors(`See [the help page](${url.replace(/\s/g, '%20')}) first.`)).toEqual([]);
  });

  it('both take the same good link', () => {
    const url = 'https://community.canvaslms.com/t5/Instructor-Guide/ta-p/1';
    expect(packAccepts(url)).toBe(true);
    expect(anchors(`See [the help page](${url}).`)).toEqual([{ href: url, text: 'the help page' }]);
  });

  it.each([
    ['a Markdown link to plain http', '[Canvas](http://canvas.instructure.com/login)', 'Canvas'],
    ['a bare http address', 'Sign in at http://canvas.evil.example/login today', 'Sign in at http://canvas.evil.example/login today'],
    ['a www. address (GFM would link it over http)', 'See www.canvas-help.example for more', 'See www.canvas-help.example for more'],
    ['an http address in angle brackets', 'Go to <http://evil.example/> now', 'Go to http://evil.example/ now'],
    [
      'a bare look-alike address',
      'Log in at https://canvas.instructure.com@evil.example/login first',
      'Log in at https://canvas.instructure.com@evil.example/login first',
    ],
    ['a Markdown look-alike link', '[Canvas login](https://canvas.instructure.com@evil.example/)', 'Canvas login'],
    ['an http image', '![the rubric](http://evil.example/rubric.png)', 'the rubric'],
    ['a reference link to http', '[help][h]\n\n[h]: http://evil.example/', 'help'],
  ])('renders %s as plain text', (_name, markdown, text) => {
    expect(anchors(markdown)).toEqual([]);
    expect(textOf(markdown).trim()).toBe(text);
  });
});
