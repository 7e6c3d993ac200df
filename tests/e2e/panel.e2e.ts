import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { corsEndpoint, readOutbox } from './support/endpoint';
import { PanelPage, saveSchoolSettings } from './support/pages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';

/** Computed font size in px of the first element matching `selector`. */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

/** How far the page scrolls sideways: 0 when nothing overflows its width. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);

/**
 * The teacher's panel as a new user meets it: the starter pack, no endpoint, a SpeedGrader tab.
 * What it must do for a teacher with five minutes: readable text, human help in view, a ping
 * that can always be written, and nothing cut off in a narrow sidebar.
 */
describe.skipIf(!shouldRunBrowserTests())('the teacher’s panel in real Chromium (starter pack, no endpoint)', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  async function openSpeedGrader(viewport: { width: number; height: number }): Promise<{ page: Page; panel: PanelPage }> {
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const page = await h.openPanel(tabId, viewport);
    const panel = new PanelPage(page);
    await panel.waitForTitle('Canvas › SpeedGrader');
    await page.locator('[data-testid=page-cards] article.card').first().waitFor();
    return { page, panel };
  }

  it('at 400×800: text of 14 px or more, "Ping a mentor" in view without scrolling, and a text box one click away', async () => {
    const { page, panel } = await openSpeedGrader({ width: 400, height: 800 });
    const [first] = await panel.pageCardTitles();
    await panel.openCard(first!);
    const sizes: Record<string, number> = {};
    for (const selector of ['body', '.card__steps li', '.card__summary', '.search input', '.card__title'])
      sizes[selector] = await fontSize(page, selector);
    expect(Object.entries(sizes).filter(([, px]) => px < 14)).toEqual([]);
    // Steps are what a card is opened for: never smaller than its summary.
    expect(await fontSize(page, '.card__steps li')).toBeGreaterThanOrEqual(await fontSize(page, '.card__summary'));

    const ping = page.getByRole('button', { name: 'Ping a mentor', exact: true });
    const box = (await ping.boundingBox())!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    // Still in view after scrolling the cards.
    await page.mouse.wheel(0, 2_000);
    await poll(async () => ((await page.evaluate(() => window.scrollY)) > 0 ? true : undefined), 3_000, 'the list to scroll');
    const scrolled = (await ping.boundingBox())!;
    expect(scrolled.y + scrolled.height).toBeLessThanOrEqual(800);

    await ping.click();
    const message = page.getByRole('textbox', { name: 'What do you need?' });
    await message.waitFor();
    expect(await message.evaluate((element) => element === document.activeElement)).toBe(true);
    const textBox = (await message.boundingBox())!;
    expect(textBox.y + textBox.height).toBeLessThanOrEqual(800);
    // No dead end: the form says where the question goes, in the teacher's words.
    const form = page.getByRole('region', { name: 'Ask a mentor for help' });
    expect(await form.textContent()).toContain("Your school hasn't connected Coachmark to its chat yet");
    expect(await form.textContent()).not.toMatch(/endpoint/i);
    await page.keyboard.press('Escape');
    await message.waitFor({ state: 'detached' });
    expect(await ping.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('at 250 px wide nothing overflows sideways: the list, an open card, the ping form', async () => {
    const { page, panel } = await openSpeedGrader({ width: 250, height: 700 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const [first] = await panel.pageCardTitles();
    await panel.openCard(first!);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    await page.getByRole('textbox', { name: 'What do you need?' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await panel.expandToolCards();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('at 250 px, a control reached with Tab is never hidden behind the sticky header or the help bar', async () => {
    const { page, panel } = await openSpeedGrader({ width: 250, height: 600 });
    const [first] = await panel.pageCardTitles();
    await panel.openCard(first!);
    await panel.expandToolCards();
    await page.locator('.panel__header').first().focus();
    const hidden: string[] = [];
    let reached = 0;
    // Bounded: Tab through the page's controls until focus comes back to the header or the help bar.
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || !element.closest('.panel__main')) return { inMain: false, covered: false, name: '' };
        const box = element.getBoundingClientRect();
        // What the teacher sees at the control's centre: the control itself, or something on top of it.
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? element.tagName).trim().slice(0, 60);
        return { inMain: true, covered: !top || !element.contains(top), name };
      });
      if (!focus.inMain) {
        if (reached > 0) break;
        continue;
      }
      reached++;
      if (focus.covered) hidden.push(focus.name);
    }
    expect(reached).toBeGreaterThan(10);
    expect(hidden).toEqual([]);
  });

  it('keeps a ping written before the school connects its chat, and sends it as soon as it does', async () => {
    const { page } = await openSpeedGrader({ width: 400, height: 800 });
    await page.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const form = page.getByRole('region', { name: 'Ask a mentor for help' });
    await form.getByRole('textbox', { name: 'What do you need?' }).fill('How do I let one student resubmit?');
    await form.getByRole('button', { name: 'Preview' }).click();
    expect(await form.textContent()).toContain('Kept on this device until your school connects its chat.');
    await form.getByRole('button', { name: 'Keep until connected' }).click();
    const held = await poll(
      async () => (await readOutbox(page)).find((item) => item.status === 'held'),
      5_000,
      'the ping to be held on the device',
    );
    expect(held.endpoint).toBeNull();
    // It is visible from the help bar, marked as needing the teacher.
    const requests = page.getByRole('button', { name: 'Your requests (1 needs attention)' });
    await requests.click();
    expect(await requests.getAttribute('aria-expanded')).toBe('true');
    const entry = page.getByTestId('outbox-item').first();
    expect(await entry.getAttribute('data-state')).toBe('held');
    expect(await entry.textContent()).toContain('Kept on this device');

    // The coach connects the chat in the studio: the kept ping goes out, unchanged.
    corsEndpoint(recorder, '/held', { status: 200, body: '{}' });
    const studio = await h.openExtensionPage('options.html#settings');
    await saveSchoolSettings(studio, { url: recorder.url('/held'), format: 'json' });
    const [request] = await recorder.waitForRequests(1, { path: '/held', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as { id: string; message: string };
    expect(body).toEqual(held.payload);
    expect(request!.headers['idempotency-key']).toBe(held.id);
    await poll(
      async () => ((await entry.getAttribute('data-state')) === 'sent' ? true : undefined),
      10_000,
      'the entry to say it was sent',
    );
  });

  it('writes the panel screenshots in docs/: 250 and 400 px wide, light and dark', async () => {
    await mkdir(resolve(ROOT, 'docs'), { recursive: true });
    for (const width of [250, 400]) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, panel } = await openSpeedGrader({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const [first] = await panel.pageCardTitles();
        await panel.openCard(first!);
        await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
        const png = await panel.screenshot(resolve(ROOT, `docs/panel-${width}-${scheme}.png`));
        // A PNG of the panel's own size, and the help bar in it at the bottom.
        expect([png.subarray(1, 4).toString('ascii'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', width, 800]);
        const bar = (await page.getByRole('button', { name: 'Ping a mentor', exact: true }).boundingBox())!;
        expect(bar.y + bar.height).toBeLessThanOrEqual(800);
        await page.close();
      }
    }
  });
});
