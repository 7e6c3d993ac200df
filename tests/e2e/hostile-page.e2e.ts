import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { readOverlay, sendFromExtensionPage } from './support/show-me';
import type { PickResult, TargetPreview } from '../../utils/show-me/types';

/**
 * A page that works against Coachmark (tests/fixtures/pages/hostile.instructure.com): it listens
 * for anything the extension tells it, forges the messages WXT content scripts use to stop each
 * other, and fakes the coach's clicks and keys with events it makes itself.
 */

const HOST = 'hostile.instructure.com';
const MODULES = `https://${HOST}/courses/9/modules`;
// The same page on a district's own Canvas domain: there only the content script, reading the
// page, can say a new route is Canvas (the URL alone says nothing), so detection after an in-page
// navigation proves it still reports.
const DISTRICT_HOST = 'canvas.hostile-district.example';
const DISTRICT_ORIGIN = `https://${DISTRICT_HOST}/*`;
const DISTRICT_MODULES = `https://${DISTRICT_HOST}/courses/9/modules`;
const SPEEDGRADER_PATH = '/courses/9/gradebook/speed_grader?assignment_id=2';

interface HostileWindow {
  seenMessages: Array<{ data: string; path: string }>;
  seenNamedEvents: string[];
  forgeScriptStarted(extensionIds: string[]): number;
  forgeClick(selector: string): void;
  forgeKey(key: string): void;
  forgePagehide(): void;
  clicks: { decoy: number; grade: number };
}

const randomExtensionId = () => Array.from({ length: 32 }, () => 'abcdefghijklmnop'[Math.floor(Math.random() * 16)]).join('');
const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

describe.skipIf(!shouldRunBrowserTests())('a hostile page cannot detect, silence or steer Coachmark', () => {
  let h: ExtensionHarness;
  let extensionPage: Page;
  const pageErrors: string[] = [];

  const open = async (url: string) => {
    const tab = await h.openTab(url);
    tab.page.on('pageerror', (error) => pageErrors.push(`${tab.page.url()}: ${error.message}`));
    return tab;
  };
  const overlayHosts = async (page: Page) => (await readOverlay(page)).hosts;

  beforeAll(async () => {
    h = await launchExtension({ hosts: ['*.instructure.com', DISTRICT_HOST], grantHosts: [DISTRICT_ORIGIN] });
    // The page knows Coachmark's id before anything runs, as a page can for a listed extension.
    await h.context.addInitScript((id: string) => {
      (window as unknown as { knownExtensionIds: string[] }).knownExtensionIds = [id];
    }, h.extensionId);
    extensionPage = await h.openExtensionPage('options.html');
  });

  afterEach(async () => {
    await h?.closeTabs();
    extensionPage = await h.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await h?.close();
    expect(pageErrors).toEqual([]);
  });

  it('hears nothing from the content script, on load or after an in-page navigation', async () => {
    const { page, tabId } = await open(MODULES);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    await page.evaluate((path) => history.pushState({}, '', path), SPEEDGRADER_PATH);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    await page.evaluate(() => history.pushState({}, '', '/courses/9/modules#unit-2'));
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });

    const heard = await page.evaluate(() => {
      const hostile = window as unknown as HostileWindow;
      return { messages: hostile.seenMessages, named: hostile.seenNamedEvents };
    });
    const leaks = heard.messages.filter(({ data }) => data.includes(h.extensionId) || data.includes('wxt:'));
    expect(leaks).toEqual([]);
    expect(heard.named).toEqual([]);
  });

  it('keeps reporting in-page navigations after the page forges "content script started" messages', async () => {
    const { page, tabId } = await open(DISTRICT_MODULES);
    // As the background does for a school domain the teacher granted.
    const injected = await h.inBackground(async (id) => {
      const file = chrome.runtime.getManifest().content_scripts![0]!.js![0]!;
      await chrome.scripting.executeScript({ target: { tabId: id }, files: [file] });
      return file;
    }, tabId);
    expect(injected).toBe('content-scripts/content.js');
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });

    const sent = await page.evaluate(
      (ids) => (window as unknown as HostileWindow).forgeScriptStarted(ids),
      [h.extensionId, randomExtensionId(), randomExtensionId()],
    );
    expect(sent).toBeGreaterThan(0);
    // Let the forged window messages arrive before the page moves on.
    await sleep(200);

    await page.evaluate((path) => history.pushState({}, '', path), SPEEDGRADER_PATH);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    await page.evaluate(() => history.back());
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
  });

  it('picks only what the coach really clicks: a page-made click or Escape does nothing', async () => {
    const { page, tabId } = await open(MODULES);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    expect(await sendFromExtensionPage(extensionPage, 'studioPreparesPicker', { tabId })).toEqual({ ok: true });
    let settled: PickResult | null | 'pending' = 'pending';
    const picked = sendFromExtensionPage<PickResult | null>(extensionPage, 'studioPicksElement', { pickId: 'h1', hint: 'Click it' }, tabId);
    void picked.then((result) => (settled = result));
    await poll(async () => ((await overlayHosts(page)) >= 1 ? true : undefined), 3_000, 'the picker overlay');

    await page.evaluate(() => {
      const hostile = window as unknown as HostileWindow;
      hostile.forgeClick('#decoy');
      hostile.forgeKey('Escape');
    });
    // Past the picker's wait for a click after pointerup.
    await sleep(600);
    expect(settled).toBe('pending');
    expect(await overlayHosts(page)).toBe(1);

    await page.bringToFront();
    await page.locator('#grade').click();
    expect(await picked).toEqual({
      locators: [{ role: 'button', name: 'Grade submissions' }, { id: 'grade' }],
      selectors: ['#grade'],
      label: 'Grade submissions',
      tag: 'button',
    });
    // The page got its own fake clicks, and never the coach's.
    expect(await page.evaluate(() => (window as unknown as HostileWindow).clicks)).toEqual({ decoy: 2, grade: 0 });
    await sendFromExtensionPage(extensionPage, 'studioStopsPicker', { pickId: 'h1' }, tabId).catch(() => {});
    expect(await overlayHosts(page)).toBe(0);
  });

  it('keeps the highlight through a page-made Escape, click or pagehide; the teacher’s Escape removes it', async () => {
    const { page, tabId } = await open(MODULES);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    const preview = await sendFromExtensionPage<TargetPreview>(extensionPage, 'studioPreviewsTarget', {
      tabId,
      locators: ['#grade'],
      label: 'Grade here',
      show: true,
    });
    expect(preview.shown).toEqual({ found: true });
    await poll(async () => ((await readOverlay(page)).ring ? true : undefined), 3_000, 'the highlight');

    await page.evaluate(() => {
      const hostile = window as unknown as HostileWindow;
      hostile.forgeKey('Escape');
      hostile.forgeClick('#decoy');
      hostile.forgePagehide();
    });
    await sleep(300);
    const after = await readOverlay(page);
    expect(after.hosts).toBe(1);
    expect(after.label?.text).toBe('Grade here');

    await page.bringToFront();
    await page.keyboard.press('Escape');
    await poll(async () => ((await overlayHosts(page)) === 0 ? true : undefined), 3_000, 'a real Escape to remove the highlight');
  });
});

// The service worker's `chrome` global, as far as the callbacks above use it.
declare const chrome: {
  runtime: { getManifest(): { content_scripts?: Array<{ js?: string[] }> } };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown[]> };
};
