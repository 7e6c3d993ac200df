import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { PanelPage } from './support/pages';
import { testPack } from './support/test-pack';
import { TOOLS, contextName, toolById } from '../../utils/tools/catalog';
import type { CardRecord } from '../../utils/platform/db';
import type { Detection } from '../../utils/tools/types';
import { visibleCards } from '../../utils/cards/replacements';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every host the fixture server answers for; the browser resolves nothing else. */
const HOSTS = [
  '*.instructure.com',
  'canvas.district.example',
  'classroom.google.com',
  'classroom.google.com.evil.example',
  'district.schoology.com',
  'app.seesaw.me',
  'docs.google.com',
  'example.org',
];

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5';

const FIXTURES: Array<{ name: string; url: string; detection: Detection }> = [
  { name: 'Canvas dashboard', url: 'https://district.instructure.com/', detection: { tool: 'canvas', context: 'dashboard' } },
  { name: 'Canvas SpeedGrader', url: SPEEDGRADER_URL, detection: { tool: 'canvas', context: 'speedgrader' } },
  {
    name: 'Canvas modules',
    url: 'https://district.instructure.com/courses/101/modules',
    detection: { tool: 'canvas', context: 'modules' },
  },
  {
    name: 'Google Classroom stream',
    url: 'https://classroom.google.com/c/NjQ4',
    detection: { tool: 'google-classroom', context: 'stream' },
  },
  {
    name: 'Google Classroom classwork',
    url: 'https://classroom.google.com/w/NjQ4/t/all',
    detection: { tool: 'google-classroom', context: 'classwork' },
  },
  {
    name: 'Schoology materials',
    url: 'https://district.schoology.com/course/123/materials',
    detection: { tool: 'schoology', context: 'materials' },
  },
  { name: 'Seesaw activities', url: 'https://app.seesaw.me/#/activities/library', detection: { tool: 'seesaw', context: 'activities' } },
  {
    name: 'Seesaw class journal',
    url: 'https://app.seesaw.me/#/class/class-7b/journal',
    detection: { tool: 'seesaw', context: 'journal' },
  },
  {
    name: 'Google Docs editor',
    url: 'https://docs.google.com/document/d/abc123/edit',
    detection: { tool: 'google-docs', context: 'editor' },
  },
];

type Messages = Record<string, { message: string }>;
/** The built messages, as chrome.i18n serves them (empty if there is no build: launch then fails). */
const messages = (await readFile(resolve(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8').then(JSON.parse, () => ({}))) as Messages;

/** The header the panel should show for a detection: the catalogue's names, the locale's separator. */
function expectedHeader(detection: Detection | null): string {
  if (!detection) return messages.panelTitle!.message;
  const tool = toolById(detection.tool);
  if (!tool) throw new Error(`the catalogue has no tool "${detection.tool}"`);
  const page = contextName(detection.tool, detection.context);
  return page ? `${tool.name} ${messages.headerSeparator!.message} ${page}` : tool.name;
}

const byTitle = (cards: CardRecord[]) => cards.map((card) => card.title).sort((a, b) => a.localeCompare(b));
const sorted = (titles: string[]) => [...titles].sort((a, b) => a.localeCompare(b));

describe.skipIf(!shouldRunBrowserTests())('foundation: detection and panel in real Chromium', () => {
  let h: ExtensionHarness;

  beforeAll(async () => {
    h = await launchExtension({ hosts: HOSTS });
    // The background loads the bundled pack on install; test cards go in next to it.
    await h.waitForStarterPack();
    await h.installPack(testPack());
  });

  afterEach(async () => {
    await h?.closeTabs();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('loads the bundled starter pack into IndexedDB on install', async () => {
    // The pack file in the build this browser loaded.
    const bundled = JSON.parse(await readFile(resolve(h.extensionDir, 'packs/starter.json'), 'utf8')) as {
      id: string;
      version: string;
      cards: unknown[];
    };
    const { packs, cards } = await h.readDb();
    const starter = packs.find((pack) => pack.id === bundled.id);
    expect(starter).toMatchObject({ version: bundled.version, cardCount: bundled.cards.length, source: { kind: 'builtin' } });
    expect(cards.filter((card) => card.pack === bundled.id)).toHaveLength(bundled.cards.length);
  });

  it.each(FIXTURES)('$name: the background detects the page and the panel names it', async ({ url, detection }) => {
    const { tabId } = await h.openTab(url);
    const state = await h.waitForDetection(tabId, detection);
    expect(state.url).toBe(url);

    const panel = new PanelPage(await h.openPanel(tabId));
    expect(await panel.waitForTitle(expectedHeader(detection))).toBe(expectedHeader(detection));
  });

  it('shows "Canvas › SpeedGrader" and the cards the database holds for that page', async () => {
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = new PanelPage(await h.openPanel(tabId));
    expect(await panel.waitForTitle('Canvas › SpeedGrader')).toBe('Canvas › SpeedGrader');

    // Expected cards come from what is really stored, as an English browser sees them (the
    // starter pack holds a Spanish variant of each card too).
    const stored = await h.readDb();
    const cards = visibleCards(stored.cards, stored.packs, 'en-US');
    const forPage = cards.filter((card) => card.places.includes('canvas/speedgrader'));
    const forToolElsewhere = cards.filter((card) => card.tools.includes('canvas') && !forPage.includes(card));
    const otherTools = cards.filter((card) => !card.tools.includes('canvas'));
    expect(forPage.length).toBeGreaterThanOrEqual(2);
    expect(forToolElsewhere.length).toBeGreaterThanOrEqual(2);
    expect(otherTools.length).toBeGreaterThanOrEqual(1);

    await panel.page.locator('[data-testid=page-cards] article.card').first().waitFor();
    expect(sorted(await panel.pageCardTitles())).toEqual(byTitle(forPage));
    const toolTitles = await panel.toolCardTitles();
    expect(sorted(toolTitles)).toEqual(byTitle(forToolElsewhere));
    for (const card of otherTools) expect([...(await panel.pageCardTitles()), ...toolTitles]).not.toContain(card.title);

    // Tool-wide cards lead the "more for this tool" section.
    const toolWide = forToolElsewhere.filter((card) => card.places.includes('canvas/*')).length;
    const leading = toolTitles.slice(0, toolWide);
    expect(leading.every((title) => forToolElsewhere.find((card) => card.title === title)!.places.includes('canvas/*'))).toBe(true);

    // The badge counts this page's cards.
    expect(await h.badgeText(tabId)).toBe(String(Math.min(forPage.length, 99)));

    // A card opens in place to its numbered steps and links.
    const first = forPage.find((card) => card.links.length > 0) ?? forPage[0]!;
    const opened = await panel.openCard(first.title);
    await expect.poll(() => opened.locator('.card__steps > li').count()).toBe(first.steps.length);
    expect(await opened.locator('.card__links a').count()).toBe(first.links.length);
  });

  it('follows Google Classroom between Stream and Classwork without a reload (pushState)', async () => {
    const { page, tabId } = await h.openTab('https://classroom.google.com/c/NjQ4');
    await h.waitForDetection(tabId, { tool: 'google-classroom', context: 'stream' });
    const panel = new PanelPage(await h.openPanel(tabId));
    expect(await panel.waitForTitle('Google Classroom › Stream')).toBe('Google Classroom › Stream');
    await markDocuments(page, panel);
    const served = h.server.served.length;

    await page.click('#tab-classwork');
    expect(page.url()).toBe('https://classroom.google.com/w/NjQ4/t/all');
    await h.waitForDetection(tabId, { tool: 'google-classroom', context: 'classwork' });
    expect(await panel.waitForTitle(expectedHeader({ tool: 'google-classroom', context: 'classwork' }))).toBe(
      expectedHeader({ tool: 'google-classroom', context: 'classwork' }),
    );

    await page.goBack();
    await h.waitForDetection(tabId, { tool: 'google-classroom', context: 'stream' });
    expect(await panel.waitForTitle('Google Classroom › Stream')).toBe('Google Classroom › Stream');

    await expectSameDocuments(page, panel);
    expect(documentRequests(h.server.served.slice(served))).toEqual([]);
  });

  it('follows Seesaw between hash routes without a reload', async () => {
    const { page, tabId } = await h.openTab('https://app.seesaw.me/#/class/class-7b/journal');
    await h.waitForDetection(tabId, { tool: 'seesaw', context: 'journal' });
    const panel = new PanelPage(await h.openPanel(tabId));
    const journal = expectedHeader({ tool: 'seesaw', context: 'journal' });
    expect(await panel.waitForTitle(journal)).toBe(journal);
    await markDocuments(page, panel);
    const served = h.server.served.length;

    await page.click('#nav-activities');
    await h.waitForDetection(tabId, { tool: 'seesaw', context: 'activities' });
    const activities = expectedHeader({ tool: 'seesaw', context: 'activities' });
    expect(await panel.waitForTitle(activities)).toBe(activities);

    await expectSameDocuments(page, panel);
    expect(documentRequests(h.server.served.slice(served))).toEqual([]);
  });

  it('shows the unknown-page state, listing the known tools, on a page that is not a tool', async () => {
    const { tabId } = await h.openTab('https://example.org/');
    await h.waitForDetection(tabId, null);
    const panel = new PanelPage(await h.openPanel(tabId));
    expect(await panel.waitForTitle(messages.panelTitle!.message)).toBe(messages.panelTitle!.message);
    const unknown = await panel.unknownPage();
    expect(unknown?.heading).toBe(messages.unknownTitle!.message);
    expect(sorted(unknown?.tools ?? [])).toEqual(sorted(TOOLS.map((tool) => tool.name)));
    expect(await panel.page.locator('[data-testid=page-cards], [data-testid=tool-cards]').count()).toBe(0);
  });

  it('does not take a look-alike host (classroom.google.com.evil.example) for Classroom', async () => {
    const { page, tabId } = await h.openTab('https://classroom.google.com.evil.example/c/NjQ4');
    expect(await page.locator('h1').textContent()).toBe('Classroom');
    await h.waitForDetection(tabId, null);
    // The content script runs at document_idle: give a wrongly matched one time to report.
    await page.waitForTimeout(1_500);
    expect((await h.readTabState(tabId))?.detection ?? null).toBeNull();
    const panel = new PanelPage(await h.openPanel(tabId));
    expect(await panel.waitForTitle(messages.panelTitle!.message)).toBe(messages.panelTitle!.message);
    expect(await panel.unknownPage()).not.toBeNull();
  });

  it('writes the README screenshot: Canvas SpeedGrader with a card open, 400×800, light', async () => {
    // The README shows the shipped cards; the test pack stands in only while the starter pack
    // has none for this page.
    const pack = testPack();
    await h.removePack(pack.id);
    let { cards } = await h.readDb();
    if (!cards.some((card) => card.places.includes('canvas/speedgrader'))) {
      await h.installPack(pack);
      ({ cards } = await h.readDb());
    }
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const page = await h.openPanel(tabId, { width: 400, height: 800 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const panel = new PanelPage(page);
    expect(await panel.waitForTitle('Canvas › SpeedGrader')).toBe('Canvas › SpeedGrader');
    await page.locator('[data-testid=page-cards] article.card').first().waitFor();
    const [firstTitle] = await panel.pageCardTitles();
    expect(cards.some((card) => card.title === firstTitle && card.places.includes('canvas/speedgrader'))).toBe(true);
    await panel.openCard(firstTitle!);

    const out = resolve(ROOT, 'docs/panel.png');
    await mkdir(dirname(out), { recursive: true });
    await panel.screenshot(out);
    const png = await readFile(out);
    // PNG signature, then the IHDR chunk's width and height.
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([400, 800]);
  });
});

/** Marks both documents so a reload (which would drop the mark) is caught. */
async function markDocuments(page: import('playwright-core').Page, panel: PanelPage): Promise<void> {
  for (const target of [page, panel.page]) {
    await target.evaluate(() => {
      (window as unknown as { __e2eMark?: string }).__e2eMark = 'kept';
    });
  }
}

async function expectSameDocuments(page: import('playwright-core').Page, panel: PanelPage): Promise<void> {
  for (const target of [page, panel.page]) {
    expect(await target.evaluate(() => (window as unknown as { __e2eMark?: string }).__e2eMark)).toBe('kept');
  }
}

// A district's own Canvas domain is not in the content script's matches: Coachmark reads it only
// once the teacher grants the origin (optional_host_permissions). Headless Chromium cannot answer
// the permission prompt: chrome.permissions.request() from a clicked button on an extension page
// stays pending (no answer after 30 s), and from the service worker it is refused for want of a
// user gesture. So the granted case loads a copy of the build whose manifest already holds the
// origin, and the background injects the content script, as it would after a grant.
const CUSTOM_HOST = 'canvas.district.example';
const CUSTOM_ORIGIN = `https://${CUSTOM_HOST}/*`;
const CUSTOM_SPEEDGRADER = `https://${CUSTOM_HOST}/courses/101/gradebook/speed_grader?assignment_id=5`;

describe.skipIf(!shouldRunBrowserTests())('self-hosted Canvas on a custom domain', () => {
  describe('without host access', () => {
    let h: ExtensionHarness;
    beforeAll(async () => {
      h = await launchExtension({ hosts: [CUSTOM_HOST] });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('neither runs the content script nor lets the background inject it', async () => {
      const { page, tabId } = await h.openTab(CUSTOM_SPEEDGRADER);
      expect(await page.locator('#application.ic-app .ic-Layout-wrapper').count()).toBe(1);
      await h.waitForDetection(tabId, null);
      await page.waitForTimeout(1_500);
      expect((await h.readTabState(tabId))?.detection ?? null).toBeNull();

      const access = await h.inBackground(
        async ({ origin, id }) => {
          const granted = await chrome.permissions.contains({ origins: [origin] });
          const file = chrome.runtime.getManifest().content_scripts![0]!.js![0]!;
          const injected = await chrome.scripting.executeScript({ target: { tabId: id }, files: [file] }).then(
            () => 'injected',
            (error: Error) => error.message,
          );
          return { granted, injected };
        },
        { origin: CUSTOM_ORIGIN, id: tabId },
      );
      expect(access.granted).toBe(false);
      expect(access.injected).toMatch(/Cannot access contents of the page/);
    });
  });

  describe('with host access granted', () => {
    let h: ExtensionHarness;
    beforeAll(async () => {
      h = await launchExtension({ hosts: [CUSTOM_HOST], grantHosts: [CUSTOM_ORIGIN] });
    });
    afterEach(async () => {
      await h?.closeTabs();
    });
    afterAll(async () => {
      await h?.close();
    });

    it.each([
      { path: '/courses/101/gradebook/speed_grader?assignment_id=5', detection: { tool: 'canvas', context: 'speedgrader' } },
      { path: '/', detection: { tool: 'canvas', context: 'dashboard' } },
    ])('recognises Canvas by its page structure at $path once the content script is injected', async ({ path, detection }) => {
      const { tabId } = await h.openTab(`https://${CUSTOM_HOST}${path}`);
      // The URL alone says nothing about this host.
      await h.waitForDetection(tabId, null);

      const injected = await h.inBackground(
        async ({ origin, id }) => {
          if (!(await chrome.permissions.contains({ origins: [origin] }))) return 'not granted';
          const file = chrome.runtime.getManifest().content_scripts![0]!.js![0]!;
          await chrome.scripting.executeScript({ target: { tabId: id }, files: [file] });
          return 'injected';
        },
        { origin: CUSTOM_ORIGIN, id: tabId },
      );
      expect(injected).toBe('injected');

      const state = await h.waitForDetection(tabId, detection);
      expect(state.url).toBe(`https://${CUSTOM_HOST}${path}`);
      const panel = new PanelPage(await h.openPanel(tabId));
      expect(await panel.waitForTitle(expectedHeader(detection))).toBe(expectedHeader(detection));
    });
  });
});

declare const chrome: {
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  runtime: { getManifest(): { content_scripts?: Array<{ js?: string[] }> } };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown[]> };
};

/** Requests for pages, leaving out the browser's own lazy favicon fetch. */
function documentRequests(served: string[]): string[] {
  return served.filter((entry) => !entry.endsWith('/favicon.ico'));
}
