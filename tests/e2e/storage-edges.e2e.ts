import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { readOutbox } from './support/endpoint';
import { canWritePolicy, CHROMIUM_POLICY_DIR, removeStalePolicies, writeExtensionPolicy, type PolicyFile } from './support/policy';
import type { OutboxItem } from '../../utils/platform/db';
import { helpRequest } from '../support/payloads';

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const WAIT = { timeout: 10_000, interval: 100 };

/**
 * Replaces the extension's database with one a newer build left behind: a version this build
 * does not know, holding only an outbox with one queued request. Plain IndexedDB, from an
 * extension page that does not open Dexie itself.
 */
async function leaveNewerDatabase(page: Page, item: OutboxItem): Promise<void> {
  await page.evaluate(async (record) => {
    await new Promise<void>((resolve, reject) => {
      // The background's connection closes itself when asked (Dexie does).
      const deletion = indexedDB.deleteDatabase('coachmark');
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error);
    });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('coachmark', 1000);
      open.onupgradeneeded = () => {
        // Should the background have made the database again in between, start from nothing.
        for (const store of [...open.result.objectStoreNames]) open.result.deleteObjectStore(store);
        open.result.createObjectStore('outbox', { keyPath: 'id' }).add(record);
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
  }, item);
}

describe.skipIf(!shouldRunBrowserTests())('a database this build cannot open, in real Chromium', () => {
  let h: ExtensionHarness;

  beforeAll(async () => {
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the panel and the studio say so and offer a reset; the reset brings the starter cards back and keeps the queued request', async () => {
    const queued: OutboxItem = {
      id: 'from-a-newer-build',
      kind: 'help-request',
      payload: helpRequest({ id: 'from-a-newer-build', message: 'How do I hide grades in SpeedGrader?' }),
      endpoint: { url: 'https://chat.district.example/hooks/coachmark', format: 'json' },
      status: 'queued',
      attempts: 0,
      createdAt: Date.now(),
      nextAttemptAt: Date.now() + 3_600_000,
    };
    const plain = await h.openExtensionPage('packs/starter.json');
    await leaveNewerDatabase(plain, queued);

    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });

    const studio = await h.openExtensionPage('options.html');
    await expect.poll(() => studio.getByRole('heading', { name: "Coachmark can't open its saved data" }).count(), WAIT).toBe(1);
    await studio.close();

    // Opened by hand: the harness's openPanel waits for the panel's title, which this page replaces.
    const panel = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.getByRole('heading', { name: "Coachmark can't open its saved data" }).count(), WAIT).toBe(1);
    expect(await panel.getByTestId('database-problem-error').textContent()).toContain('VersionError');
    const reset = panel.getByRole('button', { name: "Reset Coachmark's data and keep my requests" });
    expect(await reset.isEnabled()).toBe(true);

    await reset.click();
    await panel.locator('[data-testid=page-cards] article.card').first().waitFor({ timeout: 15_000 });
    expect(await panel.getByRole('heading', { name: "Coachmark can't open its saved data" }).count()).toBe(0);
    const outbox = await readOutbox(plain);
    expect(outbox.map((item) => item.id)).toEqual(['from-a-newer-build']);
    expect(outbox[0]!.payload).toEqual(queued.payload);
    const { packs } = await h.readDb();
    expect(packs.map((pack) => pack.source.kind)).toContain('builtin');
  });
});

const writable = await canWritePolicy();
const runPolicy = shouldRunBrowserTests() && (writable || Boolean(process.env.CI));
if (!writable && !runPolicy) console.warn(`[e2e] locked-endpoint suite skipped: ${CHROMIUM_POLICY_DIR} is not writable (run as root)`);

describe.skipIf(!runPolicy)('an endpoint the school locked to an address Coachmark cannot send to, in real Chromium', () => {
  let h: ExtensionHarness;
  let policy: PolicyFile | undefined;

  beforeAll(async () => {
    await removeStalePolicies();
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
    policy = await writeExtensionPolicy(h.extensionId, {
      endpointUrl: 'javascript:alert(document.domain)',
      lockedSettings: ['endpointUrl'],
    });
    try {
      await poll(
        () => h.inBackground(async () => ((await chrome.storage.managed.get('endpointUrl')).endpointUrl ? true : undefined), undefined),
        20_000,
        'the policy to reach storage.managed',
      );
    } catch (error) {
      await policy.remove();
      throw error;
    }
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    try {
      await policy?.remove();
    } finally {
      await h?.close();
    }
  });

  const NOTICE = "Your school's endpoint setting (endpointUrl) is invalid: tell IT.";

  it('Settings names the setting for IT beside the locked Endpoint URL', async () => {
    const studio = await h.openExtensionPage('options.html#settings');
    const url = studio.getByRole('textbox', { name: 'Endpoint URL' });
    await expect.poll(() => url.inputValue(), WAIT).toBe('javascript:alert(document.domain)');
    expect(await url.isDisabled()).toBe(true);
    expect(await studio.getByTestId('school-endpoint-invalid').textContent()).toContain(NOTICE);
  });

  it('the panel says so in the help bar and the ping form, and the ping is held on this device', async () => {
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);
    const bar = panel.getByRole('region', { name: 'Get more help' });
    await expect.poll(() => bar.getByTestId('school-endpoint-invalid').count(), WAIT).toBe(1);

    await panel.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const form = panel.getByRole('region', { name: 'Ask a mentor for help' });
    expect(await form.getByTestId('school-endpoint-invalid').textContent()).toContain(NOTICE);
    await form.getByRole('textbox', { name: 'What do you need?' }).fill('How do I hide grades?');
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.getByRole('button', { name: 'Keep until connected' }).click();
    await form.getByTestId('ping-result').waitFor();

    const [item, ...rest] = await readOutbox(panel);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ status: 'held', endpoint: null, payload: { message: 'How do I hide grades?' } });
  });
});

/** The one browser API the tests call inside the service worker. */
declare const chrome: {
  storage: { managed: { get(key: string): Promise<Record<string, unknown>> } };
};
