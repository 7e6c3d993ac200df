import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { PanelPage } from './support/pages';

// The coach's library in real Chromium: find a built-in card, make the district's own copy,
// and watch the panel on the matching page show the copy instead, then the original again
// once the copy is deleted.
const HOST = 'district.instructure.com';
const SPEEDGRADER = `https://${HOST}/courses/101/gradebook/speed_grader?assignment_id=5`;
const BUILT_IN_KEY = 'coachmark-starter/canvas-speedgrader-rubric';
const BUILT_IN = 'Grade with a rubric in SpeedGrader';
const DISTRICT = 'Grade with the Lincoln writing rubric in SpeedGrader';

describe.skipIf(!shouldRunBrowserTests())('studio library in real Chromium', () => {
  let h: ExtensionHarness;

  beforeAll(async () => {
    h = await launchExtension({ hosts: [HOST] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('duplicates a built-in card to a new pack, edits it, and the panel shows the copy until it is deleted', async () => {
    const studio = await h.openExtensionPage('options.html#library');
    expect(await studio.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true');

    // Search with the panel's engine, and open the built-in card.
    await studio.getByRole('searchbox', { name: 'Search the library' }).fill('rubric');
    await studio.getByRole('button', { name: BUILT_IN, exact: true }).click();
    const view = studio.getByRole('region', { name: BUILT_IN, exact: true });
    const starter = (await h.readDb()).packs.find((pack) => pack.source.kind === 'builtin')!;
    await view.getByText(`${starter.name}, version ${starter.version}`).waitFor();
    await view.getByText('The copy goes into a new pack, “District cards”.', { exact: false }).waitFor();

    // "Duplicate to my pack" lands in the Cards tab, editing the copy.
    await view.getByRole('button', { name: 'Duplicate to my pack' }).click();
    const editor = studio.getByRole('form', { name: 'Edit card' });
    await editor.waitFor();
    expect(await studio.getByRole('tab', { name: 'Cards' }).getAttribute('aria-selected')).toBe('true');
    const title = editor.getByRole('textbox', { name: 'Title', exact: true });
    expect(await title.inputValue()).toBe(BUILT_IN);
    await title.fill(DISTRICT);
    await editor.getByRole('button', { name: 'Save card' }).click();
    await studio.getByText(`Saved “${DISTRICT}” in “District cards”.`).waitFor({ timeout: 10_000 });

    const { packs, cards } = await h.readDb();
    expect(packs.find((pack) => pack.name === 'District cards')).toMatchObject({ source: { kind: 'local' }, cardCount: 1 });
    const copy = cards.find((card) => card.title === DISTRICT);
    expect(copy).toMatchObject({ replaces: BUILT_IN_KEY, contexts: ['speedgrader'], tools: ['canvas'] });

    // The panel on a SpeedGrader page shows the district's card, not the built-in one.
    const { tabId } = await h.openTab(SPEEDGRADER);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = new PanelPage(await h.openPanel(tabId));
    await panel.page.locator('[data-testid=page-cards]').waitFor({ timeout: 10_000 });
    const withCopy = await poll(
      async () => {
        const titles = await panel.pageCardTitles();
        return titles.includes(DISTRICT) ? titles : undefined;
      },
      10_000,
      'the district card in the panel',
    );
    expect(withCopy).not.toContain(BUILT_IN);

    // The library now says which card stands in for which.
    await studio.getByRole('tab', { name: 'Library' }).click();
    await studio.getByRole('searchbox', { name: 'Search the library' }).fill('rubric speedgrader');
    await studio.getByRole('button', { name: BUILT_IN, exact: true }).click();
    await studio.getByRole('region', { name: BUILT_IN, exact: true }).getByText(`Replaced by “${DISTRICT}” in District cards.`).waitFor();

    // The coach deletes the copy; the open panel shows the built-in card again.
    await studio.getByRole('tab', { name: 'Cards' }).click();
    await studio.getByRole('button', { name: `Delete ${DISTRICT}` }).click();
    await studio.getByText(`Deleted “${DISTRICT}”.`).waitFor();
    const restored = await poll(
      async () => {
        const titles = await panel.pageCardTitles();
        return titles.includes(BUILT_IN) ? titles : undefined;
      },
      10_000,
      'the built-in card back in the panel',
    );
    expect(restored).not.toContain(DISTRICT);
  });
});
