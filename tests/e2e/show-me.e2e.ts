import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { PanelPage } from './support/pages';
import { readOverlay, ringSurrounds, sendFromExtensionPage, STYLE_PROPERTIES, type Box, type OverlaySnapshot } from './support/show-me';
import { parsePack } from '../../utils/cards/pack';
import type { Pack } from '../../utils/cards/schema';
import type { PickResult, ShowTargetResult, TargetPreview } from '../../utils/show-me/types';

const HOSTS = ['*.instructure.com', 'example.org'];
const SPEEDGRADER = 'https://showme.instructure.com/courses/7/gradebook/speed_grader?assignment_id=3';
const HOSTILE = 'https://showme.instructure.com/courses/7/hostile';
const PACK_ID = 'e2e-show-me';
const CARD_KEY = `${PACK_ID}/speedgrader-show-me`;
const CARD_TITLE = 'Find your way around SpeedGrader';

/** One card whose steps point at the fixture page's elements, checked by the real pack parser. */
function showMePack(): Pack {
  const steps = [
    ['Select **View Rubric**.', ['#not-here', '[data-testid="rubric-button"]'], 'Open the rubric here'],
    ['Select **Media comment** once the submission loads.', ['#media-comment-button'], 'Record a comment'],
    ['Select **Print**.', ['#print-button', '[aria-label="Print"]'], undefined],
    ['Open **More**, then **Download submission**.', ['#menu-download'], undefined],
    ['Select **Annotate** in the preview.', ['#annotate-button'], 'Annotate the file'],
    ['Select **Add question** in the quiz.', ['#add-question-button'], 'Add a question'],
    ['Scroll down to **Download all submissions**.', ['#far-button'], 'Download everything'],
  ] as const;
  const result = parsePack({
    schemaVersion: 1,
    id: PACK_ID,
    name: 'Show me browser tests',
    version: '1.0.0',
    cards: [
      {
        id: 'speedgrader-show-me',
        title: CARD_TITLE,
        summary: 'Where the rubric, comments and downloads are.',
        steps: steps.map(([text]) => text),
        tools: ['canvas'],
        contexts: ['speedgrader'],
        tags: ['rubric'],
        level: 'beginner',
        links: [],
        targets: steps.map(([, selectors, label], step) => ({ step, selectors: [...selectors], ...(label ? { label } : {}) })),
      },
    ],
  });
  if (!result.ok) throw new Error(`show-me test pack is invalid: ${result.errors.join('; ')}`);
  return result.pack;
}

describe.skipIf(!shouldRunBrowserTests())('show me: highlight a step’s element in real Chromium', () => {
  let h: ExtensionHarness;
  let extensionPage: Page;
  const pageErrors: string[] = [];

  const watch = (page: Page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));

  /** What the panel's "Show me step N" button sends, as the panel sends it. */
  const showMe = (tabId: number, step: number) =>
    sendFromExtensionPage<ShowTargetResult>(extensionPage, 'panelShowsTarget', { tabId, cardKey: CARD_KEY, step });

  const open = async (url: string) => {
    const tab = await h.openTab(url);
    watch(tab.page);
    return tab;
  };

  /** Waits (bounded) until the ring surrounds the element: it may still be scrolling into view. */
  const waitForRingAround = async (page: Page, target: () => Promise<Box | null>): Promise<OverlaySnapshot> => {
    let last: OverlaySnapshot | undefined;
    let lastTarget: Box | null = null;
    try {
      return await poll(
        async () => {
          last = await readOverlay(page);
          lastTarget = await target();
          return last.ring && lastTarget && ringSurrounds(last.ring.box, lastTarget) ? last : undefined;
        },
        5_000,
        'the ring around the target',
        100,
      );
    } catch (error) {
      throw new Error(`${String(error)}; ring ${JSON.stringify(last?.ring?.box)}, target ${JSON.stringify(lastTarget)}`);
    }
  };

  beforeAll(async () => {
    h = await launchExtension({ hosts: HOSTS });
    await h.waitForStarterPack();
    await h.installPack(showMePack());
    extensionPage = await h.openExtensionPage('options.html');
  });

  afterEach(async () => {
    await h?.closeTabs();
    extensionPage = await h.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await h?.close();
    // Whatever happened, nothing was thrown into the pages.
    expect(pageErrors).toEqual([]);
  });

  it('highlights the element with a ring around it and the step’s label beside it, using the first selector that matches', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    expect(await showMe(tabId, 0)).toEqual({ found: true });
    const button = page.locator('[data-testid="rubric-button"]');
    const overlay = await waitForRingAround(page, () => button.boundingBox());
    expect(overlay.hosts).toBe(1);
    expect(overlay.label?.text).toBe('Open the rubric here');
    // The label sits beside the ring, not on top of the element.
    const ring = overlay.ring!.box;
    const label = overlay.label!.box;
    expect(label.y >= ring.y + ring.height || label.y + label.height <= ring.y).toBe(true);
    expect(overlay.ring!.style).toMatchObject({
      'border-top-width': '3px',
      'border-top-color': 'rgb(31, 95, 191)',
      position: 'fixed',
      'pointer-events': 'none',
    });

    // A second request replaces the first: still one highlight on the page.
    expect(await showMe(tabId, 0)).toEqual({ found: true });
    expect((await readOverlay(page)).hosts).toBe(1);
  });

  it('waits for an element that appears 1 s after the request', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    await page.evaluate(() => (window as unknown as { renderLateButton(ms: number): void }).renderLateButton(1_000));
    const started = Date.now();
    expect(await showMe(tabId, 1)).toEqual({ found: true });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(2_900);
    const overlay = await waitForRingAround(page, () => page.locator('#media-comment-button').boundingBox());
    expect(overlay.label?.text).toBe('Record a comment');
  });

  it('says the element is missing after waiting, or hidden when only a closed menu has it, and draws nothing', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    const started = Date.now();
    expect(await showMe(tabId, 2)).toEqual({ found: false, reason: 'missing' });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(2_900);
    expect(waited).toBeLessThan(6_000);
    expect(await showMe(tabId, 3)).toEqual({ found: false, reason: 'hidden' });
    expect((await readOverlay(page)).hosts).toBe(0);
  });

  it('finds elements inside a same-origin frame and a cross-origin frame it may script, with one highlight', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    expect(await showMe(tabId, 4)).toEqual({ found: true });
    const annotate = page.frameLocator('#preview').locator('#annotate-button');
    const inPreview = await waitForRingAround(page, () => annotate.boundingBox());
    expect(inPreview.hosts).toBe(1);
    expect(inPreview.label?.text).toBe('Annotate the file');

    expect(await showMe(tabId, 5)).toEqual({ found: true });
    const addQuestion = page.frameLocator('#quiz').locator('#add-question-button');
    const inQuiz = await waitForRingAround(page, () => addQuestion.boundingBox());
    // The previous highlight (in the other frame) went away.
    expect(inQuiz.hosts).toBe(1);
    expect(inQuiz.label?.text).toBe('Add a question');
  });

  it('scrolls to the element, follows it as the page scrolls, and goes away on Escape or a click', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    const far = page.locator('#far-button');
    expect(await showMe(tabId, 6)).toEqual({ found: true });
    // The scroll is smooth (unless the user asks for reduced motion): wait for it to settle with the
    // element fully in view, then check the ring is still around it.
    const viewport = page.viewportSize()!;
    const box = await poll(
      async () => {
        const b = await far.boundingBox();
        return b && b.y >= 0 && b.y + b.height <= viewport.height ? b : undefined;
      },
      3_000,
      'the element scrolled fully into view',
    );
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await waitForRingAround(page, () => far.boundingBox());

    await page.evaluate(() => window.scrollBy(0, -200));
    await waitForRingAround(page, () => far.boundingBox());

    await page.keyboard.press('Escape');
    await poll(async () => ((await readOverlay(page)).hosts === 0 ? true : undefined), 3_000, 'Escape to remove the highlight');

    expect(await showMe(tabId, 0)).toEqual({ found: true });
    await waitForRingAround(page, () => page.locator('[data-testid="rubric-button"]').boundingBox());
    // The click both reaches the page and dismisses the highlight.
    const clicksBefore = await page.evaluate(() => (window as unknown as { rubricClicks: number }).rubricClicks);
    await page.locator('[data-testid="rubric-button"]').click();
    await poll(async () => ((await readOverlay(page)).hosts === 0 ? true : undefined), 3_000, 'a click to remove the highlight');
    expect(await page.evaluate(() => (window as unknown as { rubricClicks: number }).rubricClicks)).toBe(clicksBefore + 1);
  });

  it('looks the same on a page with aggressive styles, and leaves the page’s own styles alone', async () => {
    const normal = await open(SPEEDGRADER);
    expect(await showMe(normal.tabId, 0)).toEqual({ found: true });
    const reference = await waitForRingAround(normal.page, () => normal.page.locator('[data-testid="rubric-button"]').boundingBox());

    const { page, tabId } = await open(HOSTILE);
    const snapshotPage = () =>
      page.evaluate(
        (properties) => {
          const elements = [document.documentElement, ...Array.from(document.body.querySelectorAll('*')), document.body];
          return elements.map((element) => {
            const style = getComputedStyle(element);
            const rect = element.getBoundingClientRect();
            return {
              tag: element.localName,
              style: properties.map((name) => style.getPropertyValue(name)).join('|'),
              rect: [rect.x + scrollX, rect.y + scrollY, rect.width, rect.height].map(Math.round).join(','),
            };
          });
        },
        [...STYLE_PROPERTIES, 'outline-color', 'margin-top', 'width', 'height'],
      );
    const before = await snapshotPage();

    expect(await showMe(tabId, 0)).toEqual({ found: true });
    const hostile = await waitForRingAround(page, () => page.locator('[data-testid="rubric-button"]').boundingBox());
    // The page restyles unknown elements, every div and anything with a style attribute: none of it reaches the highlight.
    expect(hostile.hosts).toBe(1);
    expect(hostile.ring!.style).toEqual(reference.ring!.style);
    expect(hostile.label!.style).toEqual(reference.label!.style);
    expect(hostile.hostStyle).toEqual(reference.hostStyle);
    expect(hostile.ring!.style['outline-style']).toBe('none');
    expect(hostile.label!.style['font-size']).toBe('14px');
    expect(hostile.label!.text).toBe('Open the rubric here');

    // And the highlight changes nothing on the page.
    expect(await snapshotPage()).toEqual(before);
  });

  it('lets a coach pick an element: the page never gets the click, and the selectors point back at it', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const tabs = await sendFromExtensionPage<Array<{ tabId: number; tool: string }>>(extensionPage, 'studioListsToolTabs', {
      tools: ['canvas'],
    });
    expect(tabs.map((tab) => tab.tabId)).toContain(tabId);

    expect(await sendFromExtensionPage(extensionPage, 'studioPreparesPicker', { tabId })).toEqual({ ok: true });
    const picked = sendFromExtensionPage<PickResult | null>(extensionPage, 'studioPicksElement', { pickId: 'p1', hint: 'Click it' }, tabId);
    // The picker is listening once its outline follows the pointer.
    const button = page.locator('[data-testid="rubric-button"]');
    await poll(async () => ((await readOverlay(page)).hosts >= 1 ? true : undefined), 3_000, 'the picker overlay');
    await button.hover();
    await button.locator('span').click();
    const result = await picked;
    // Role and name first (what stays through a redesign), then the page's test hook.
    expect(result).toEqual({
      locators: [{ role: 'button', name: 'View Rubric' }, { testId: 'rubric-button' }],
      selectors: ['[data-testid="rubric-button"]'],
      label: 'View Rubric',
      tag: 'button',
    });
    expect(await page.evaluate(() => (window as unknown as { rubricClicks: number }).rubricClicks)).toBe(0);
    await sendFromExtensionPage(extensionPage, 'studioStopsPicker', { pickId: 'p1' }, tabId).catch(() => {});
    expect((await readOverlay(page)).hosts).toBe(0);

    const preview = await sendFromExtensionPage<TargetPreview>(extensionPage, 'studioPreviewsTarget', {
      tabId,
      locators: [...result!.selectors, 'button', 'button['],
      show: false,
    });
    // Counted over every frame Coachmark can script: the page's buttons and the two frames' own.
    expect(preview.counts[0]).toBe(1);
    expect(preview.counts[1]).toBe((await page.locator('button').count()) + 2);
    expect(preview.counts[2]).toBeNull();

    // Escape cancels.
    const cancelled = sendFromExtensionPage<PickResult | null>(
      extensionPage,
      'studioPicksElement',
      { pickId: 'p2', hint: 'Click it' },
      tabId,
    );
    await poll(async () => ((await readOverlay(page)).hosts >= 1 ? true : undefined), 3_000, 'the picker overlay');
    await page.bringToFront();
    await page.keyboard.press('Escape');
    expect(await cancelled).toBeNull();
    await sendFromExtensionPage(extensionPage, 'studioStopsPicker', { pickId: 'p2' }, tabId).catch(() => {});
  });

  it('through the panel: "Show me step 1" in the opened card rings the element on the page', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);
    watch(panel);
    const card = await new PanelPage(panel).openCard(CARD_TITLE);
    // Only steps with a target offer it: the card's seven steps all have one.
    expect(await card.getByRole('button', { name: /^Show me step \d+$/ }).count()).toBe(7);
    await card.getByRole('button', { name: 'Show me step 1', exact: true }).click();

    const overlay = await waitForRingAround(page, () => page.locator('[data-testid="rubric-button"]').boundingBox());
    expect(overlay.hosts).toBe(1);
    expect(overlay.label?.text).toBe('Open the rubric here');
    const step = card.locator('.card__steps > li').nth(0);
    await expect
      .poll(() => step.getByRole('status').textContent(), { timeout: 5_000 })
      .toBe("It's highlighted on the page. Press Esc there, or click anywhere on the page, to hide it.");
    // Step 1's answer belongs to step 1 only.
    expect(await card.locator('.card__steps > li').nth(1).locator('.show-me__status').textContent()).toBe('');

    await step.getByRole('button', { name: 'Hide the highlight', exact: true }).click();
    await poll(async () => ((await readOverlay(page)).hosts === 0 ? true : undefined), 3_000, '"Hide the highlight" to remove it');
  });

  it('through the panel: a step whose element is not on the page says so in the step’s status', async () => {
    const { page, tabId } = await open(SPEEDGRADER);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);
    watch(panel);
    const card = await new PanelPage(panel).openCard(CARD_TITLE);
    // Step 3 points at a Print button this page does not have.
    const step = card.locator('.card__steps > li').nth(2);
    const button = step.getByRole('button', { name: 'Show me step 3', exact: true });
    await button.click();
    const status = step.getByRole('status');
    // The background keeps looking for about 3 s before giving up.
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toBe('Coachmark can’t find this control on the page. The tool may have changed since this card was written.');
    expect(await button.getAttribute('aria-busy')).toBe('false');
    expect((await readOverlay(page)).hosts).toBe(0);
  });

  it('says it has no access on a page Coachmark may not script', async () => {
    const { tabId } = await open('https://example.org/');
    expect(await showMe(tabId, 0)).toEqual({ found: false, reason: 'no-access' });
  });

  it('keeps the highlighter out of the content script', async () => {
    const highlighter = await readFile(join(EXTENSION_DIR, 'highlighter.js'));
    const content = await readFile(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
    const sizes = { highlighter: gzipSync(highlighter, { level: 9 }).length, content: gzipSync(content, { level: 9 }).length };
    console.info(`[show-me] gzip bytes: ${JSON.stringify(sizes)}`);
    expect(content.includes('coachmark-overlay')).toBe(false);
    expect(sizes.content).toBeLessThanOrEqual(5 * 1024);
    // Loaded only on demand, but it should stay lean: no UI framework, no database, no polyfill
    // (the locators, the walkthrough's callout and the picker are all it carries).
    expect(sizes.highlighter).toBeLessThanOrEqual(16 * 1024);
    expect((await stat(join(EXTENSION_DIR, 'highlighter.js'))).isFile()).toBe(true);
  });
});
