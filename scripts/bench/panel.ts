import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from '../../tests/e2e/support/browser';
import { BENCH_QUERIES, generateCards } from './corpus/generate';
import type { BenchSection } from './types';

/**
 * The teacher's panel in real Chromium with a district-sized library: 10,000 generated cards
 * stored in the extension's IndexedDB next to the starter pack. Measures the time to the first
 * cards on screen (the panel's `coachmark:first-cards` mark, from navigation start), the lazy
 * search index build on first focus, and each keystroke's time to results.
 */

const CARD_COUNT = 10_000;
const OPENS = 7;
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5';
/** Queries typed letter by letter: typos, half-typed words, synonyms. */
const TYPED_QUERIES = BENCH_QUERIES.slice(0, 12);

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

const median = (samples: number[]) => percentile(samples, 0.5);

/** Opens the panel for the tab and reads when its first cards were rendered. */
async function timeFirstRender(
  h: ExtensionHarness,
  tabId: number,
): Promise<{ page: Page; ms: number; loadedMs: number; cards: number; tabReadMs: number; dataMs: number }> {
  const page = await h.openPanel(tabId);
  const ms = await page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const deadline = performance.now() + 15_000;
        const check = () => {
          const mark = performance.getEntriesByName('coachmark:first-cards')[0];
          if (mark) done(mark.startTime);
          else if (performance.now() > deadline) fail(new Error('the panel never rendered its cards'));
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  const cards = await page.locator('article.card').count();
  const loadedMs = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  const [tabReadMs, dataMs] = await page.evaluate(() =>
    ['coachmark:tab-read', 'coachmark:page-data'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
  );
  return { page, ms, loadedMs, cards, tabReadMs: tabReadMs!, dataMs: dataMs! };
}

interface IndexTiming {
  ms: number;
  readMs: number;
  buildMs: number;
  cards: number;
  /** The page's longest task (≥ 50 ms) between focus and ready; 0 if none. */
  longestTaskMs: number;
}

/**
 * Focuses the search box and waits for the index: time from focus to ready, its parts, the
 * panel page's heap, and how long the page's own thread was blocked meanwhile.
 */
async function timeIndexBuild(page: Page): Promise<IndexTiming> {
  return page.evaluate(
    () =>
      new Promise<IndexTiming>((done, fail) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const start = performance.now();
        document.getElementById('search-cards')?.focus();
        const deadline = start + 60_000;
        const check = () => {
          const mark = performance.getEntriesByName('coachmark:search-ready')[0] as PerformanceMark | undefined;
          if (mark) {
            observer.disconnect();
            const detail = mark.detail as { cards: number; readMs: number; buildMs: number };
            done({
              ms: mark.startTime - start,
              ...detail,
              longestTaskMs: Math.max(0, ...longTasks),
            });
          } else if (performance.now() > deadline) fail(new Error('the search index was never ready'));
          else setTimeout(check, 5);
        };
        check();
      }),
  );
}

/**
 * Types each query one letter at a time as input events, and times each keystroke until the
 * results for it are in the DOM (commit) and until the next frame after that (paint).
 */
async function timeKeystrokes(page: Page, queries: readonly string[]): Promise<{ commit: number[]; frame: number[] }> {
  return page.evaluate(async (list) => {
    const box = document.getElementById('search-cards') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const commit: number[] = [];
    const frame: number[] = [];
    const resultsFor = (value: string) =>
      new Promise<void>((done, fail) => {
        const ready = () => document.getElementById('search-results')?.dataset.query === value;
        if (ready()) return done();
        const timer = setTimeout(() => {
          observer.disconnect();
          fail(new Error(`no results for “${value}”`));
        }, 10_000);
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          clearTimeout(timer);
          done();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
      });
    for (const query of list) {
      for (let length = 1; length <= query.length; length++) {
        const value = query.slice(0, length);
        if (value.trim() === '' || value.endsWith(' ')) continue;
        const start = performance.now();
        setValue.call(box, value);
        box.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.slice(-1), inputType: 'insertText' }));
        await resultsFor(value);
        commit.push(performance.now() - start);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        frame.push(performance.now() - start);
      }
      // Escape clears, as a teacher would before the next question.
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await new Promise((done) => setTimeout(done, 20));
    }
    return { commit, frame };
  }, queries);
}

export async function benchPanel(): Promise<BenchSection> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit' });
  }
  const h = await launchExtension({ hosts: ['*.instructure.com'] });
  try {
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); functions
    // sent to a page are compiled the same way, so the page needs the helper too.
    await h.context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await h.waitForStarterPack();
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });

    // The same panel with only the starter pack, for comparison.
    const small: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { page, ms } = await timeFirstRender(h, tabId);
      small.push(ms);
      await page.close();
    }

    const cards = generateCards(CARD_COUNT);
    await h.installPack({ schemaVersion: 1, id: 'bench-pack', name: 'Bench pack', version: '1.0.0', cards });
    const canvasCards = cards.filter((card) => card.tools.includes('canvas')).length;

    const opens: number[] = [];
    const loaded: number[] = [];
    const tabRead: number[] = [];
    const dataRead: number[] = [];
    let rendered = 0;
    let last: Page | undefined;
    for (let run = 0; run < OPENS; run++) {
      const result = await timeFirstRender(h, tabId);
      opens.push(result.ms);
      loaded.push(result.loadedMs);
      tabRead.push(result.tabReadMs);
      dataRead.push(result.dataMs);
      rendered = result.cards;
      if (run < OPENS - 1) await result.page.close();
      else last = result.page;
    }

    const index = await timeIndexBuild(last!);
    const keys = await timeKeystrokes(last!, TYPED_QUERIES);
    const warm = opens.slice(1);
    const n = CARD_COUNT.toLocaleString('en');

    return {
      title: `Panel in Chromium (${n} generated cards + starter pack stored; Canvas SpeedGrader tab, ${canvasCards} Canvas cards)`,
      rows: [
        { name: 'first cards on screen, first open (from navigation start)', value: opens[0]!, unit: 'ms', goal: '≤ 150 ms' },
        { name: `first cards on screen, median of ${warm.length} more opens`, value: median(warm), unit: 'ms', goal: '≤ 150 ms' },
        { name: `first cards on screen, slowest of ${warm.length} more opens`, value: Math.max(...warm), unit: 'ms' },
        { name: '  of which the page and its scripts loading (DOMContentLoaded), median', value: median(loaded.slice(1)), unit: 'ms' },
        {
          name: '  of which the tab, its detection and its kept first screen read (from navigation start), median',
          value: median(tabRead.slice(1)),
          unit: 'ms',
        },
        {
          name: '  of which the page’s cards, marks and level in hand (from navigation start), median',
          value: median(dataRead.slice(1)),
          unit: 'ms',
        },
        { name: '  same panel, starter pack only (162 cards), median of 3', value: median(small), unit: 'ms' },
        { name: '  cards rendered on first screen (the page’s own)', value: rendered, unit: 'cards' },
        { name: 'search index on first focus: focus to ready', value: index.ms, unit: 'ms' },
        { name: `  of which reading every card (${index.cards.toLocaleString('en')})`, value: index.readMs, unit: 'ms' },
        { name: '  of which building the index', value: index.buildMs, unit: 'ms' },
        {
          name: `  panel page's longest blocked task meanwhile (${last!.workers().length > 0 ? 'index in a worker' : 'index in the page'})`,
          value: index.longestTaskMs,
          unit: 'ms',
          goal: '< 50 ms',
        },
        {
          name: `keystroke → results in the DOM, p50 (${keys.commit.length} keystrokes, ${TYPED_QUERIES.length} queries)`,
          value: median(keys.commit),
          unit: 'ms',
        },
        { name: 'keystroke → results in the DOM, p95', value: percentile(keys.commit, 0.95), unit: 'ms', goal: '≤ 50 ms' },
        { name: 'keystroke → next frame, p95', value: percentile(keys.frame, 0.95), unit: 'ms' },
      ],
    };
  } finally {
    await h.close();
  }
}
