import { readFileSync, existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Marked } from 'marked';
import ts from 'typescript';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isDomPurifyActive, renderInline, renderMarkdown } from '../../../utils/cards/markdown';

/**
 * Hostile card text. Each output is parsed with a DOM and every element and attribute is
 * checked against what card HTML may contain; string matching alone would miss markup that
 * the parser rebuilds. The same corpus runs twice: under happy-dom (the unit-test DOM) and,
 * where a Chromium binary is available, in a real browser page, which is where the extension
 * renders cards.
 */

interface HostileCase {
  name: string;
  markdown: string;
  /** Harmless text that must survive, so that "drop everything" cannot pass. */
  keeps?: string;
  inline?: boolean;
}

const TAB = '\t';
const HOSTILE: HostileCase[] = [
  { name: 'script element', markdown: 'Before <script>alert(1)</script> after', keeps: 'after' },
  { name: 'img onerror', markdown: 'Look <img src=x onerror=alert(1)> here', keeps: 'here' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)><circle r="5"/></svg>\n\nNext paragraph', keeps: 'Next paragraph' },
  { name: 'script inside svg', markdown: 'ok\n\n<svg><script>alert(1)</script></svg>', keeps: 'ok' },
  { name: 'inline link to javascript:', markdown: '[click me](javascript:alert(1))', keeps: 'click me' },
  { name: 'uppercase JAVASCRIPT: scheme', markdown: '[click me](JAVASCRIPT:alert(1))', keeps: 'click me' },
  { name: 'entity-encoded scheme jav&#x61;script:', markdown: '[click me](jav&#x61;script:alert(1))', keeps: 'click me' },
  {
    name: 'fully decimal-encoded scheme',
    markdown: '[click me](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
    keeps: 'click me',
  },
  { name: 'reference link to javascript:', markdown: '[click me][evil]\n\n[evil]: javascript:alert(1)', keeps: 'click me' },
  { name: 'shortcut reference link', markdown: '[evil]\n\n[evil]: javascript:alert(1) "title"', keeps: 'evil' },
  { name: 'autolink with javascript: scheme', markdown: 'Go <javascript:alert(1)> now', keeps: 'now' },
  { name: 'angle-bracket destination', markdown: '[click me](<javascript:alert(1)>)', keeps: 'click me' },
  {
    name: 'scheme with a tab inside',
    markdown: `[click me](java${TAB}script:alert(1))\n\n<a href="java${TAB}script:alert(1)">tab</a>`,
    keeps: 'tab',
  },
  { name: 'scheme with a newline inside', markdown: '<a href="java\nscript:alert(1)">newline</a>', keeps: 'newline' },
  { name: 'leading spaces before javascript:', markdown: '<a href="   javascript:alert(1)">spaces</a>', keeps: 'spaces' },
  { name: 'entity in raw HTML href', markdown: '<a href="&#x6A;avascript&colon;alert(1)">entity</a>', keeps: 'entity' },
  { name: 'vbscript: link', markdown: '<a href="vbscript:msgbox(1)">vb</a> and [vb2](VBScript:msgbox(1))', keeps: 'vb2' },
  { name: 'data: link', markdown: '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', keeps: 'open' },
  { name: 'data: image', markdown: '![chart](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', keeps: 'chart' },
  { name: 'https image is not loaded', markdown: '![pixel](https://tracker.example/p.gif)', keeps: 'pixel' },
  { name: 'iframe', markdown: 'Video: <iframe src="https://evil.example/"></iframe> end', keeps: 'end' },
  { name: 'style element', markdown: '<style>body { display: none }</style>\n\nVisible', keeps: 'Visible' },
  { name: 'style attribute', markdown: '<p style="position:fixed;inset:0;background:red">cover</p>', keeps: 'cover' },
  {
    name: 'form with button formaction',
    markdown:
      '<form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(1)">Go</button></form>',
  },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">Text', keeps: 'Text' },
  { name: 'base href', markdown: '<base href="https://evil.example/">\n\n[help](/help)', keeps: 'help' },
  { name: 'object and embed', markdown: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">x', keeps: 'x' },
  { name: 'mXSS: math/mglyph/style', markdown: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'mXSS: noscript title breakout', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'mXSS: svg/p/style nesting', markdown: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">' },
  { name: 'svg xlink:href', markdown: '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">svg link</text></a></svg>' },
  {
    name: 'srcset and source onerror',
    markdown: '<img srcset="javascript:alert(1) 1x"><video><source onerror="alert(1)"></video>x',
    keeps: 'x',
  },
  {
    name: 'author target and rel are replaced',
    markdown: '<a href="https://ok.example/" onclick="alert(1)" target="_self" rel="opener">fine</a>',
    keeps: 'fine',
  },
  { name: 'details ontoggle', markdown: '<details open ontoggle="alert(1)"><summary>more</summary>hidden</details>', keeps: 'more' },
  { name: 'div onmouseover', markdown: '<div onmouseover="alert(1)">hover me</div>', keeps: 'hover me' },
  { name: 'HTML comment hiding markup', markdown: 'A<!--<img src=x onerror=alert(1)>-->B', keeps: 'B' },
  { name: 'template element', markdown: '<template><img src=x onerror=alert(1)></template>T', keeps: 'T' },
  { name: 'file: and ftp: links', markdown: '<a href="file:///etc/passwd">f</a> [ftp](ftp://files.example/x)', keeps: 'ftp' },
  {
    name: 'protocol-relative and relative links',
    markdown: '[far](//evil.example/path) [near](../options.html) [anchor](#top)',
    keeps: 'near',
  },
  { name: 'input autofocus onfocus', markdown: '<input autofocus onfocus="alert(1)">typed', keeps: 'typed' },
  {
    name: 'xmp and textarea raw text',
    markdown: '<xmp><img src=x onerror=alert(1)></xmp><textarea><img src=x onerror=alert(1)></textarea>',
  },
  { name: 'link title breaking out of the attribute', markdown: '[t](https://ok.example/ "\\" onmouseover=\\"alert(1)")', keeps: 't' },
  { name: 'image title breaking out', markdown: '![alt](https://ok.example/a.png "\\" onerror=\\"alert(1)")', keeps: 'alt' },
  {
    name: 'id and name (DOM clobbering)',
    markdown: '<a id="defaultView" name="cookie" href="https://ok.example/">clobber</a>',
    keeps: 'clobber',
  },
  { name: 'link stylesheet', markdown: '<link rel="stylesheet" href="https://evil.example/x.css">styled', keeps: 'styled' },
  { name: 'data and aria attributes', markdown: '<p data-action="delete" aria-hidden="true" class="btn">attrs</p>', keeps: 'attrs' },
  { name: 'inline: block markup and heading', markdown: '# <div onclick="alert(1)">Title</div> <p>para</p>', keeps: 'Title', inline: true },
  {
    name: 'inline: javascript link',
    markdown: 'Open [settings](javascript:alert(1)) <img src=x onerror=alert(1)>',
    keeps: 'settings',
    inline: true,
  },
];

/** A plain description of a fragment's nodes, so that the same check runs on any DOM. */
interface NodeInfo {
  kind: 'element' | 'comment' | 'other';
  tag: string;
  namespace: string | null;
  attributes: [string, string][];
}

function describeHtml(html: string, doc: Document = document): { nodes: NodeInfo[]; text: string } {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const nodes: NodeInfo[] = [];
  const visit = (parent: Node) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 1) {
        const element = node as Element;
        nodes.push({
          kind: 'element',
          tag: element.localName.toLowerCase(),
          namespace: element.namespaceURI,
          attributes: Array.from(element.attributes).map((a) => [a.name.toLowerCase(), a.value]),
        });
        visit(element);
      } else if (node.nodeType === 8) nodes.push({ kind: 'comment', tag: '#comment', namespace: null, attributes: [] });
      else if (node.nodeType !== 3) nodes.push({ kind: 'other', tag: node.nodeName, namespace: null, attributes: [] });
    }
  };
  visit(template.content);
  return { nodes, text: template.content.textContent ?? '' };
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const CARD_ELEMENTS = new Set([
  'a',
  'strong',
  'em',
  'b',
  'i',
  'del',
  's',
  'code',
  'kbd',
  'br',
  'p',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const INLINE_ELEMENTS = new Set(['a', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'kbd', 'br']);
const NEVER = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'meta',
  'base',
  'link',
  'img',
  'svg',
  'math',
  'template',
  'textarea',
  'xmp',
  'noscript',
  'video',
  'source',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'xlink:href',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'cite',
  'ping',
]);
const ATTRIBUTES_ALLOWED: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
};

/** What a browser would treat as the scheme: it ignores ASCII whitespace and control characters. */
function normalisedUrl(value: string): string {
  return Array.from(value)
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
}

function findDanger(nodes: NodeInfo[], allowed: ReadonlySet<string> = CARD_ELEMENTS): string[] {
  const problems: string[] = [];
  for (const node of nodes) {
    if (node.kind !== 'element') {
      problems.push(`${node.tag} node`);
      continue;
    }
    if (node.namespace !== HTML_NS) problems.push(`<${node.tag}> in namespace ${node.namespace}`);
    if (NEVER.has(node.tag)) problems.push(`<${node.tag}> element`);
    else if (!allowed.has(node.tag)) problems.push(`unexpected <${node.tag}>`);
    for (const [name, value] of node.attributes) {
      if (name.startsWith('on')) problems.push(`<${node.tag} ${name}> event handler`);
      if (name === 'style') problems.push(`<${node.tag} style>`);
      if (URL_ATTRIBUTES.has(name) && !/^(?:https?:\/\/|mailto:)/.test(normalisedUrl(value))) {
        problems.push(`<${node.tag} ${name}="${value}"> is not an absolute web link`);
      }
      if (!(ATTRIBUTES_ALLOWED[node.tag] ?? []).includes(name)) problems.push(`<${node.tag} ${name}> not allowed`);
    }
    if (node.tag === 'a') {
      const attrs = new Map(node.attributes);
      if (!attrs.has('href')) problems.push('<a> without href');
      if (attrs.get('target') !== '_blank') problems.push(`<a target="${attrs.get('target')}">`);
      const rel = (attrs.get('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`<a rel="${attrs.get('rel')}">`);
    }
  }
  return problems;
}

function render(testCase: HostileCase): string {
  return testCase.inline ? renderInline(testCase.markdown) : renderMarkdown(testCase.markdown);
}

describe('renderMarkdown: hostile input (happy-dom)', () => {
  it('has a corpus of at least 30 cases with distinct names', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE.map((c) => c.name)).size).toBe(HOSTILE.length);
  });

  // Each case must be dangerous without sanitising, or it proves nothing.
  it.each(HOSTILE.map((c) => [c.name, c] as const))('the unsanitised output of "%s" is caught by the check', (_name, testCase) => {
    const plain = new Marked({ gfm: true });
    const raw = testCase.inline ? plain.parseInline(testCase.markdown) : plain.parse(testCase.markdown);
    expect(findDanger(describeHtml(raw as string).nodes).length).toBeGreaterThan(0);
  });

  it.each(HOSTILE.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const html = render(testCase);
    const { nodes, text } = describeHtml(html);
    expect(findDanger(nodes, testCase.inline ? INLINE_ELEMENTS : CARD_ELEMENTS)).toEqual([]);
    if (testCase.keeps) expect(text).toContain(testCase.keeps);
    // Sanitised output parses back to exactly itself.
    expect(describeHtml(html).nodes).toEqual(nodes);
  });

  it('keeps the safe link of a case that mixes good and bad', () => {
    const html = renderMarkdown('<a href="https://ok.example/" onclick="alert(1)" target="_self" rel="opener">fine</a>');
    const link = describeHtml(html).nodes.find((n) => n.tag === 'a');
    expect(link?.attributes).toEqual([
      ['href', 'https://ok.example/'],
      ['target', '_blank'],
      ['rel', 'noopener noreferrer'],
    ]);
  });

  it('turns an https image into a link to it instead of loading it', () => {
    const { nodes, text } = describeHtml(renderMarkdown('![Gradebook screenshot](https://help.example/shot.png)'));
    expect(nodes.some((n) => n.tag === 'img')).toBe(false);
    expect(nodes.find((n) => n.tag === 'a')?.attributes[0]).toEqual(['href', 'https://help.example/shot.png']);
    expect(text).toContain('Gradebook screenshot');
  });
});

describe('renderMarkdown: ordinary card text', () => {
  function parse(html: string): HTMLTemplateElement {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template;
  }

  it('renders lists, emphasis and code', () => {
    const t = parse(renderMarkdown('Open **Grades**, then:\n\n1. Pick *one* column\n2. Press `Enter`\n\n- a\n- b'));
    expect(t.content.querySelector('strong')?.textContent).toBe('Grades');
    expect(t.content.querySelector('em')?.textContent).toBe('one');
    expect(t.content.querySelector('code')?.textContent).toBe('Enter');
    expect(t.content.querySelectorAll('ol > li')).toHaveLength(2);
    expect(t.content.querySelectorAll('ul > li')).toHaveLength(2);
  });

  it('renders fenced code as text, not markup', () => {
    const t = parse(renderMarkdown('```html\n<script>alert(1)</script>\n```'));
    expect(t.content.querySelector('pre code')?.textContent).toBe('<script>alert(1)</script>\n');
    expect(t.content.querySelector('script')).toBeNull();
  });

  it('gives every kind of web link target=_blank and rel=noopener noreferrer', () => {
    const t = parse(
      renderMarkdown(
        '[a](https://a.example/) <https://b.example/> https://c.example/ [d][r] <help@school.example>\n\n[r]: https://d.example/',
      ),
    );
    const links = Array.from(t.content.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://a.example/',
      'https://b.example/',
      'https://c.example/',
      'https://d.example/',
      'mailto:help@school.example',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('keeps GFM tables, strikethrough, ordered list start and task lists (as text marks)', () => {
    const t = parse(renderMarkdown('| Key | Does |\n|:--|--:|\n| J | next |\n\n~~old~~\n\n3. third\n\n- [x] done\n- [ ] todo'));
    expect(t.content.querySelector('td')?.getAttribute('align')).toBe('left');
    expect(t.content.querySelector('del')?.textContent).toBe('old');
    expect(t.content.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(t.content.querySelector('input')).toBeNull();
    expect(t.content.textContent).toContain('☑ done');
    expect(t.content.textContent).toContain('☐ todo');
  });

  it('renders headings as bold paragraphs so the panel keeps its heading outline', () => {
    const t = parse(renderMarkdown('## Before you start'));
    expect(t.content.querySelector('h2')).toBeNull();
    expect(t.content.querySelector('p > strong')?.textContent).toBe('Before you start');
  });

  it('renderInline gives inline elements only', () => {
    const t = parse(renderInline('Open **Settings** and `Save`\n\nsecond paragraph'));
    expect(t.content.querySelector('p')).toBeNull();
    expect(t.content.querySelector('strong')?.textContent).toBe('Settings');
    expect(t.content.textContent).toContain('second paragraph');
  });

  it('returns an empty string for empty or non-string input', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(undefined as unknown as string)).toBe('');
    expect(renderInline(42 as unknown as string)).toBe('');
  });

  it('without a DOM it returns the text escaped rather than unchecked HTML', () => {
    vi.stubGlobal('window', undefined);
    try {
      expect(renderMarkdown('<img src=x onerror=alert(1)> **b**')).toBe('&lt;img src=x onerror=alert(1)&gt; **b**');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

/** A Chromium binary named in CHROMIUM_PATH or found on PATH; the browser suite needs one. */
function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('renderMarkdown in a real browser page (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  const origin = 'http://coachmark.test';
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const fromRoot = (path: string) => join(projectRoot, path);

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    // The page and its modules are served from memory: nothing listens, nothing is fetched.
    const moduleSource = ts.transpileModule(readFileSync(fromRoot('utils/cards/markdown.ts'), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const files: Record<string, { type: string; body: string }> = {
      '/': {
        type: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><script type="importmap">{"imports":{"marked":"/marked.js","dompurify":"/dompurify.js"}}</script>
<script type="module">import * as md from '/markdown.js'; window.md = md; document.title = 'ready';</script>`,
      },
      '/markdown.js': { type: 'text/javascript', body: moduleSource },
      '/marked.js': { type: 'text/javascript', body: readFileSync(fromRoot('node_modules/marked/lib/marked.esm.js'), 'utf8') },
      '/dompurify.js': { type: 'text/javascript', body: readFileSync(fromRoot('node_modules/dompurify/dist/purify.es.mjs'), 'utf8') },
    };
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === origin ? files[url.pathname] : undefined;
      return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.abort();
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 10_000 });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('uses DOMPurify there (the self-test passes on a real DOM)', async () => {
    const active = await page.evaluate(() => (window as unknown as { md: { isDomPurifyActive(): boolean } }).md.isDomPurifyActive());
    expect(active).toBe(true);
    // happy-dom is not a DOM DOMPurify supports; there the allow-list pass works alone.
    expect(isDomPurifyActive()).toBe(false);
  });

  it('leaves nothing dangerous from the hostile corpus, parsed by Chromium itself', async () => {
    const results = await page.evaluate((cases) => {
      const md = (window as unknown as { md: { renderMarkdown(s: string): string; renderInline(s: string): string } }).md;
      return cases.map((c) => {
        const html = c.inline ? md.renderInline(c.markdown) : md.renderMarkdown(c.markdown);
        const template = document.createElement('template');
        template.innerHTML = html;
        const nodes: { kind: string; tag: string; namespace: string | null; attributes: [string, string][] }[] = [];
        const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ALL);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === 1) {
            const el = node as Element;
            nodes.push({
              kind: 'element',
              tag: el.localName.toLowerCase(),
              namespace: el.namespaceURI,
              attributes: Array.from(el.attributes).map((a) => [a.name.toLowerCase(), a.value] as [string, string]),
            });
          } else if (node.nodeType === 8) nodes.push({ kind: 'comment', tag: '#comment', namespace: null, attributes: [] });
          else if (node.nodeType !== 3) nodes.push({ kind: 'other', tag: node.nodeName, namespace: null, attributes: [] });
        }
        const again = document.createElement('template');
        again.innerHTML = html;
        return { name: c.name, html, nodes, text: template.content.textContent ?? '', stable: again.innerHTML === html };
      });
    }, HOSTILE);

    for (const [index, result] of results.entries()) {
      const testCase = HOSTILE[index]!;
      expect(findDanger(result.nodes as NodeInfo[], testCase.inline ? INLINE_ELEMENTS : CARD_ELEMENTS), result.name).toEqual([]);
      if (testCase.keeps) expect(result.text, result.name).toContain(testCase.keeps);
      expect(result.stable, result.name).toBe(true);
    }
  });

  it('renders ordinary Markdown the same way as in the unit-test DOM', async () => {
    const sample = 'Open **Grades**:\n\n1. Pick a column\n2. Press `Enter`\n\n[Help](https://help.example/)';
    const html = await page.evaluate(
      (s) => (window as unknown as { md: { renderMarkdown(s: string): string } }).md.renderMarkdown(s),
      sample,
    );
    expect(html).toBe(renderMarkdown(sample));
  });
});
