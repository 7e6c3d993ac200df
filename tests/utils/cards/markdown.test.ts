import { describe, expect, it, vi } from 'vitest';
import { Marked } from 'marked';
import { renderInline, renderMarkdown } from '../../../utils/cards/markdown';
import { CARD_ELEMENTS, describeHtml, findDanger, HOSTILE, INLINE_ELEMENTS, type HostileCase } from './markdown-hostile';

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
