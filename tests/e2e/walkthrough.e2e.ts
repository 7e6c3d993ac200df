import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { corsEndpoint } from './support/endpoint';
import { PanelPage, saveSchoolSettings } from './support/pages';
import { clickOverlayButton, readOverlay, ringSurrounds, type Box, type OverlaySnapshot } from './support/show-me';
import { parsePack } from '../../utils/cards/pack';
import type { Pack } from '../../utils/cards/schema';
import type { GapFlagPayload } from '../../utils/endpoints/types';
import type { WalkthroughState } from '../../utils/show-me/types';

const MODULES = 'https://walk.instructure.com/courses/7/modules';
const PACK_ID = 'e2e-walkthrough';
const WALK_TITLE = 'Add an assignment from Modules';
const BROKEN_TITLE = 'Publish every module at once';

/** A four-step card across an in-page route change and a dialog, and one whose control was renamed. */
function walkPack(): Pack {
  const result = parsePack({
    schemaVersion: 1,
    id: PACK_ID,
    name: 'Walkthrough browser tests',
    version: '1.0.0',
    cards: [
      {
        id: 'add-assignment',
        version: 2,
        title: WALK_TITLE,
        summary: 'From the course navigation to a saved assignment.',
        steps: [
          'Open **Assignments** in Course Navigation.',
          'Select **+ Assignment**.',
          'Type a name, then select **Save**.',
          'Find your new assignment in the list.',
        ],
        tools: ['canvas'],
        contexts: ['modules', 'assignments'],
        tags: ['assignment'],
        level: 'beginner',
        links: [],
        targets: [
          {
            step: 0,
            locate: [{ role: 'link', name: 'Assignments', within: { role: 'navigation', name: 'Courses Navigation Menu' } }],
            source: 'fixture',
          },
          { step: 1, locate: [{ role: 'button', name: 'Assignment' }], label: '+ Assignment', source: 'fixture' },
          { step: 2, locate: [{ role: 'button', name: 'Save', within: { role: 'dialog', name: 'Add Assignment' } }], source: 'fixture' },
        ],
      },
      {
        id: 'publish-all',
        version: 4,
        title: BROKEN_TITLE,
        summary: 'One button publishes every module.',
        steps: ['Open **Modules**.', 'Check the module list.', 'Select **Publish All**.'],
        tools: ['canvas'],
        contexts: ['modules'],
        tags: ['publish'],
        level: 'beginner',
        links: [],
        // The vendor renamed the button: nothing on the page has this name any more.
        targets: [{ step: 2, locate: [{ role: 'button', name: 'Publish All' }], label: 'Publish All', source: 'fixture' }],
      },
    ],
  });
  if (!result.ok) throw new Error(`walkthrough test pack is invalid: ${result.errors.join('; ')}`);
  return result.pack;
}

describe.skipIf(!shouldRunBrowserTests())('walkthrough: "Walk me through it" in real Chromium', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
    await h.installPack(walkPack());
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  const walkState = (tabId: number) =>
    h.inBackground(async (id) => {
      const key = `walkthrough:${id}`;
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } })
        .chrome;
      return (await api.storage.session.get(key))[key] ?? null;
    }, tabId) as Promise<WalkthroughState | null>;

  const boxOf = async (page: Page, selector: string): Promise<Box | null> => page.locator(selector).first().boundingBox();

  /** Waits (bounded) until the ring surrounds the element and the callout says which step this is. */
  const waitForStep = async (page: Page, selector: string, count: string): Promise<OverlaySnapshot> => {
    let last: OverlaySnapshot | undefined;
    try {
      return await poll(
        async () => {
          last = await readOverlay(page);
          const target = await boxOf(page, selector);
          return last.ring && target && ringSurrounds(last.ring.box, target) && last.callout?.text.includes(count) ? last : undefined;
        },
        10_000,
        `the ring around ${selector}`,
      );
    } catch (error) {
      throw new Error(`no ring around ${selector} with "${count}": ${JSON.stringify(last)}`, { cause: error });
    }
  };

  it('rings each step, advances when the teacher presses the control, across a route change and a dialog, and ends cleanly', async () => {
    const { page, tabId } = await h.openTab(MODULES);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    const panel = new PanelPage(await h.openPanel(tabId));
    const card = await panel.openCard(WALK_TITLE);
    await card.getByRole('button', { name: `Walk me through it: ${WALK_TITLE}` }).click();

    // Step 1: the course navigation link, with the step's words beside it on the page.
    let shown = await waitForStep(page, '#section-tabs a.assignments', 'Step 1 of 4');
    expect(shown.callout!.text).toContain('Open Assignments in Course Navigation.');
    expect(shown.buttons).toHaveProperty('Next');
    expect(shown.buttons).not.toHaveProperty('Back');
    await card.getByText('Step 1 of 4').waitFor({ timeout: 5_000 });
    expect(await card.locator('.card__steps > li[aria-current="step"]').count()).toBe(1);

    // Pressing the control does the step: an in-page route change, and the next control renders late.
    await page.locator('#section-tabs a.assignments').click();
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'assignments' });
    await waitForStep(page, 'a.new_assignment', 'Step 2 of 4');
    expect((await walkState(tabId))?.step).toBe(1);

    // The next control is in a dialog that opens after the click.
    await page.locator('a.new_assignment').click();
    shown = await waitForStep(page, '[role="dialog"] .btn-primary', 'Step 3 of 4');

    // Back and Next on the page's own callout.
    await clickOverlayButton(page, 'Back');
    await waitForStep(page, 'a.new_assignment', 'Step 2 of 4');
    await clickOverlayButton(page, 'Next');
    await waitForStep(page, '[role="dialog"] .btn-primary', 'Step 3 of 4');

    // The page keeps working under the walkthrough: typing in the dialog does not end it.
    await page.locator('#assignment_name').fill('Cell diagram, part 2');
    expect((await walkState(tabId))?.status).toBe('found');

    // Saving closes the dialog; the last step has nothing to point at and stands alone with Done.
    await page.locator('[role="dialog"] .btn-primary').click();
    const last = await poll(
      async () => {
        const overlay = await readOverlay(page);
        return overlay.callout?.text.includes('Step 4 of 4') && !overlay.ring ? overlay : undefined;
      },
      10_000,
      'the last step alone',
    );
    expect(last.buttons).toHaveProperty('Done');
    expect((await walkState(tabId))?.status).toBe('no-target');
    await clickOverlayButton(page, 'Done');
    await poll(async () => ((await readOverlay(page)).hosts === 0 ? true : undefined), 5_000, 'the walkthrough to leave the page');
    expect((await walkState(tabId))?.status).toBe('ended');
    await card.getByText('Walkthrough finished.').waitFor({ timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  });

  it('ends on Escape from the page, and is driven from the panel too', async () => {
    const { page, tabId } = await h.openTab(MODULES);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    const panel = new PanelPage(await h.openPanel(tabId));
    const card = await panel.openCard(WALK_TITLE);
    await card.getByRole('button', { name: `Walk me through it: ${WALK_TITLE}` }).click();
    await waitForStep(page, '#section-tabs a.assignments', 'Step 1 of 4');

    // Next from the panel: step 2's control is not on the Modules page, so the step waits in the corner.
    await card.getByRole('button', { name: 'Next', exact: true }).click();
    const waiting = await poll(
      async () => {
        const overlay = await readOverlay(page);
        return overlay.callout?.text.includes('Step 2 of 4') && !overlay.ring ? overlay : undefined;
      },
      10_000,
      'step 2 waiting in the corner',
    );
    expect(waiting.callout!.text).toContain('can’t find this control on the page yet');
    // It appears after a route change: the ring follows.
    await page.locator('#section-tabs a.assignments').click();
    await waitForStep(page, 'a.new_assignment', 'Step 2 of 4');

    await page.bringToFront();
    await page.keyboard.press('Escape');
    await poll(async () => ((await readOverlay(page)).hosts === 0 ? true : undefined), 5_000, 'the walkthrough to leave the page');
    expect((await walkState(tabId))?.status).toBe('ended');
  });

  it('says in plain words when a renamed control is missing, and sends an "outdated" flag naming the step', async () => {
    corsEndpoint(recorder, '/flags', { status: 200 });
    const studio = await h.openExtensionPage('options.html#settings');
    await saveSchoolSettings(studio, { url: recorder.url('/flags'), format: 'json', name: 'Ms. Rivera' });
    await studio.close();

    const { tabId } = await h.openTab(MODULES);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'modules' });
    const panelPage = await h.openPanel(tabId);
    const panel = new PanelPage(panelPage);
    const card = await panel.openCard(BROKEN_TITLE);
    await card.getByRole('button', { name: 'Show me step 3' }).click();
    await card.getByText('Coachmark can’t find this control on the page. The tool may have changed since this card was written.').waitFor({
      timeout: 10_000,
    });

    await card.getByRole('button', { name: `Tell my coach this step is out of date: step 3 of ${BROKEN_TITLE}` }).click();
    const form = card.getByRole('region', { name: 'Flag a gap' });
    await form.waitFor({ timeout: 5_000 });
    expect(await form.getByRole('textbox', { name: 'Note (optional)' }).inputValue()).toBe(
      'Step 3: Coachmark couldn’t find “Publish All” on this page.',
    );
    await form.getByRole('button', { name: 'Preview', exact: true }).click();
    const previewed = JSON.parse((await form.getByTestId('flag-preview-body').textContent()) ?? '') as GapFlagPayload;
    await form.getByRole('button', { name: 'Send flag', exact: true }).click();

    const [request] = await recorder.waitForRequests(1, { path: '/flags', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as GapFlagPayload;
    expect(body).toEqual(previewed);
    expect(body).toMatchObject({
      type: 'gap-flag',
      kind: 'outdated',
      card: { id: 'publish-all', pack: PACK_ID, version: 4, step: 3 },
      page: { context: 'modules' },
    });

    // Counted on this device too, for the coach trying the pack.
    const misses = await h.inBackground(async () => {
      const open = indexedDB.open('coachmark');
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction('targetMisses').objectStore('targetMisses').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      database.close();
      return rows as Array<{ cardKey: string; step: number }>;
    }, null);
    expect(misses.map(({ cardKey, step }) => ({ cardKey, step }))).toContainEqual({ cardKey: `${PACK_ID}/publish-all`, step: 2 });
  });
});
