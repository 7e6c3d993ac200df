import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { PanelPage } from './support/pages';
import type { Pack } from '../../utils/cards/schema';

const HOSTS = ['*.instructure.com'];
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5';

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const marks = (page: Page, name: string) => page.evaluate((mark) => performance.getEntriesByName(mark).length, name);

describe.skipIf(!shouldRunBrowserTests())('search and the card experience in real Chromium', () => {
  let h: ExtensionHarness;
  let starter: Pack;
  let tabId: number;

  beforeAll(async () => {
    h = await launchExtension({ hosts: HOSTS });
    await h.waitForStarterPack();
    starter = JSON.parse(await readFile(resolve(h.extensionDir, 'packs/starter.json'), 'utf8')) as Pack;
    ({ tabId } = await h.openTab(SPEEDGRADER_URL));
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
  });

  afterEach(async () => {
    // The Canvas tab stays; panels opened by a test go.
    for (const page of h.context.pages()) if (page.url().includes('sidepanel.html')) await page.close();
  });

  afterAll(async () => {
    await h?.close();
  });

  const idOf = (title: string) => {
    const card = starter.cards.find((candidate) => candidate.title === title);
    if (!card) throw new Error(`the starter pack has no card “${title}”`);
    return card.id;
  };

  it('finds the starter card from a typo, and opens it from the keyboard', async () => {
    const panel = new PanelPage(await h.openPanel(tabId));
    const { page } = panel;
    await page.locator('[data-testid=page-cards] article.card').first().waitFor();
    // The page list is on screen without the whole library having been read.
    expect(await marks(page, 'coachmark:first-cards')).toBe(1);
    expect(await marks(page, 'coachmark:search-ready')).toBe(0);
    expect(page.workers()).toHaveLength(0);

    const box = page.getByRole('searchbox', { name: 'Search cards' });
    await box.click();
    await box.pressSequentially('grade with a rubrik', { delay: 20 });
    const first = page.locator('#search-results[data-query="grade with a rubrik"] section').first();
    await first.waitFor();
    expect(await marks(page, 'coachmark:search-ready')).toBe(1);
    // The index was built in a worker, off the page's thread.
    expect(page.workers()).toHaveLength(1);
    expect(collapse(await first.locator('h2').textContent())).toBe('Best match');
    const best = first.locator('article.card').first();
    expect(await best.getAttribute('data-card-id')).toBe(idOf('Grade with a rubric in SpeedGrader'));
    // The word the typo stood for is marked in the title.
    expect(await best.locator('.card__toggle mark').allTextContents()).toContain('rubric');

    // Down arrow to the best result, Enter (the button's own action) opens it in place.
    await box.press('ArrowDown');
    const toggle = best.locator('.card__toggle');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await best.locator('.card__steps li').first().waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // Escape clears the search and returns to the box; the page's cards come back.
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.locator('[data-testid=page-cards]').waitFor();

    // Another typo, for a card elsewhere in Canvas: the best match, above this page's weaker ones.
    await box.pressSequentially('anouncement', { delay: 20 });
    const bestGroup = page.locator('#search-results[data-query="anouncement"] [data-testid=results-best]');
    await bestGroup.waitFor();
    expect(await bestGroup.locator('article.card').first().getAttribute('data-card-id')).toBe(idOf('Post or schedule an announcement'));
  });

  it('marks a card known and sees it move to "Cards you know", with Undo', async () => {
    const title = 'Leave written, audio or video feedback in SpeedGrader';
    let panel = new PanelPage(await h.openPanel(tabId));
    await panel.page.locator('[data-testid=page-cards] article.card').first().waitFor();
    expect(await panel.pageCardTitles()).toContain(title);

    const card = await panel.openCard(title);
    await panel.chooseFeedback(card, 'I know this');
    const undo = panel.page.locator('[data-testid=page-cards] [data-testid=known-undo] button');
    await undo.waitFor();
    expect(await undo.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await panel.pageCardTitles()).not.toContain(title);
    const known = panel.page.locator('[data-testid=known-cards]');
    await known.getByRole('button', { name: 'Show 1 known card' }).click();
    expect(collapse(await known.locator('.card__toggle > span:first-child').first().textContent())).toBe(title);

    // Undo puts it back on the page's list.
    await undo.click();
    await panel.page.locator('[data-testid=known-cards]').waitFor({ state: 'detached' });
    expect(await panel.pageCardTitles()).toContain(title);

    // Marked again, it stays out of the way when the panel is opened next time.
    await panel.chooseFeedback(await panel.openCard(title), 'I know this');
    await undo.waitFor();
    await panel.page.close();
    panel = new PanelPage(await h.openPanel(tabId));
    const knownAgain = panel.page.locator('[data-testid=known-cards]');
    await knownAgain.waitFor();
    expect(await panel.pageCardTitles()).not.toContain(title);
    expect(await knownAgain.locator('article.card').count()).toBe(0);
    await knownAgain.getByRole('button', { name: 'Show 1 known card' }).click();
    expect(await knownAgain.locator('article.card').getAttribute('data-card-id')).toBe(idOf(title));
  });
});
