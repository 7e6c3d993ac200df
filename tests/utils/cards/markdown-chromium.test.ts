import { readFileSync, existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isDomPurifyActive, renderMarkdown } from '../../../utils/cards/markdown';
import { CARD_ELEMENTS, findDanger, HOSTILE, INLINE_ELEMENTS, type NodeInfo } from './markdown-hostile';

// The hostile corpus of markdown-hostile.ts again, in a real browser page: where the extension renders cards.

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
    const transpiled = (path: string) =>
      ts.transpileModule(readFileSync(fromRoot(path), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
    const files: Record<string, { type: string; body: string }> = {
      '/': {
        type: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><script type="importmap">{"imports":{"marked":"/marked.js","dompurify":"/dompurify.js"}}</script>
<script type="module">import * as md from '/markdown.js'; window.md = md; document.title = 'ready';</script>`,
      },
      '/markdown.js': { type: 'text/javascript', body: transpiled('utils/cards/markdown.ts') },
      // markdown.ts imports './link-rule', which the page resolves to this path.
      '/link-rule': { type: 'text/javascript', body: transpiled('utils/cards/link-rule.ts') },
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
