import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PanelPage, saveSchoolSettings } from './support/pages';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { corsEndpoint } from './support/endpoint';
import { describeFindings, seriousViolations } from './support/axe';
import type { GapFlagPayload } from '../../utils/endpoints/types';

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const REDACTED_SPEEDGRADER = 'https://district.instructure.com/courses/:id/gradebook/speed_grader';
const NO_RESULTS_QUERY = 'xqzvj wombleflux';

/** A coach's pack that brings the card the teacher asked for. */
const ANSWER_PACK = {
  schemaVersion: 1,
  id: 'lincoln-canvas',
  name: 'Lincoln Canvas tips',
  version: '1.0.0',
  cards: [
    {
      id: 'hide-grades',
      title: 'Hide grades until you post them',
      summary: 'Grade everyone first, then release all the grades at once.',
      steps: [
        'In SpeedGrader, open the **eye** menu at the top left.',
        'Choose **Manual** posting, then **Post grades** when you are done.',
      ],
      tools: ['canvas'],
      contexts: ['speedgrader'],
      tags: ['post policy', 'hide grades'],
      level: 'intermediate',
      links: [],
    },
  ],
};

async function configureEndpoint(h: ExtensionHarness, url: string): Promise<void> {
  const studio = await h.openExtensionPage('options.html#settings');
  await saveSchoolSettings(studio, { url, format: 'json', name: 'Ms. Rivera', school: 'Lincoln Elementary' });
  await studio.close();
}

/** Imports a pack through the studio's Packs tab, as a coach does. */
async function importPackInStudio(h: ExtensionHarness, pack: object): Promise<void> {
  const studio = await h.openExtensionPage('options.html#packs');
  await studio.getByRole('textbox', { name: 'Or paste the pack’s JSON' }).fill(JSON.stringify(pack));
  await studio.getByRole('button', { name: 'Import pack', exact: true }).click();
  await studio.getByText(/^Imported “Lincoln Canvas tips”: 1 added/).waitFor({ timeout: 10_000 });
  await studio.close();
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const findings = await seriousViolations(page);
  expect(findings, describeFindings(where, findings)).toEqual([]);
}

/** The newest flag's state under "Your requests" (opened once from the header; it stays open). */
const myFlagState = async (panel: Page) => {
  await new PanelPage(panel).openRequests();
  return panel.getByRole('region', { name: 'My flags' }).getByTestId('my-flag').first().getAttribute('data-state');
};

describe.skipIf(!shouldRunBrowserTests())('gaps in real Chromium: flag, deliver, import the answer, see it addressed', () => {
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

  it('a flag from a search that found nothing reaches the endpoint, and a pack that answers it turns it "Addressed"', async () => {
    corsEndpoint(recorder, '/gaps', { status: 200 });
    await configureEndpoint(h, recorder.url('/gaps'));

    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);

    // A search that finds nothing offers "Flag a gap", which carries the search.
    await panel.getByRole('searchbox', { name: 'Search cards' }).fill(NO_RESULTS_QUERY);
    const empty = panel.getByTestId('search-empty');
    await empty.waitFor({ timeout: 10_000 });
    await empty.getByRole('button', { name: 'Flag a gap' }).click();
    const form = panel.getByRole('region', { name: 'Flag a gap' });
    // The flag starts as being about that search.
    expect(await form.getByRole('radio', { name: 'My search found nothing' }).isChecked()).toBe(true);
    const search = form.getByRole('checkbox', { name: `“${NO_RESULTS_QUERY}”` });
    await search.waitFor({ timeout: 5_000 });
    expect(await search.isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill('How do I hide grades until I post them?');
    expect(await form.getByRole('checkbox', { name: 'Include the full page address' }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Preview' }).click();
    const previewed = JSON.parse((await form.getByTestId('flag-preview-body').textContent()) ?? '') as GapFlagPayload;
    await expectNoSeriousViolations(panel, 'panel, flag preview');
    await form.getByRole('button', { name: 'Send flag' }).click();

    // It arrives as a gap flag with the documented fields, exactly as previewed.
    const [request] = await recorder.waitForRequests(1, { path: '/gaps', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as GapFlagPayload;
    expect(body).toEqual(previewed);
    expect(body).toEqual({
      type: 'gap-flag',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: REDACTED_SPEEDGRADER },
      mentors: [],
      kind: 'search-found-nothing',
      note: 'How do I hide grades until I post them?',
      searches: [NO_RESULTS_QUERY],
    });
    expect(request!.headers['idempotency-key']).toBe(body.id);
    expect(request!.body).not.toMatch(/assignment_id|student_id|\b77\b|\b101\b/);

    // "My flags" follows its delivery.
    await expect.poll(() => myFlagState(panel), { timeout: 10_000 }).toBe('sent');

    // The coach imports a pack with a card for SpeedGrader in the studio, while the panel is open.
    await importPackInStudio(h, ANSWER_PACK);
    await expect.poll(() => myFlagState(panel), { timeout: 10_000 }).toBe('addressed');
    const entry = panel.getByRole('region', { name: 'My flags' }).getByTestId('my-flag').first();
    expect(await entry.textContent()).toContain('Addressed');
    expect(await entry.textContent()).toContain('New card: “Hide grades until you post them”');

    // The panel says so once, in a live region, with the new card right there.
    const notice = panel.getByRole('region', { name: 'Answers to your flags' });
    expect(await notice.getByRole('status').textContent()).toBe('Your flag about SpeedGrader has a new card');
    await notice.getByRole('button', { name: /Hide grades until you post them/ }).click();
    await notice.locator('.card__steps > li').first().waitFor();
    await expectNoSeriousViolations(panel, 'panel, addressed notice and my flags');

    // The coach's view on this device lists the flag under Canvas › SpeedGrader, with its search.
    const studio = await h.openExtensionPage('options.html#gaps');
    const row = studio.locator('[data-testid=gap-group][data-place="canvas/speedgrader"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('1 flag, 1 not resolved');
    expect(await row.textContent()).toContain(`“${NO_RESULTS_QUERY}”`);
    expect(await row.getByRole('link', { name: 'Write a card for this: Canvas › SpeedGrader' }).getAttribute('href')).toBe(
      '#cards?tool=canvas&context=speedgrader',
    );
    await expectNoSeriousViolations(studio, 'studio, gaps with a flag');
    await studio.close();

    // A new panel for the page does not say it again.
    await panel.close();
    const again = await h.openPanel(tabId);
    await expect.poll(() => myFlagState(again), { timeout: 10_000 }).toBe('addressed');
    expect(await again.getByTestId('addressed-notice').textContent()).toBe('');
    // Exactly one delivery for the one flag.
    expect(recorder.requests.filter((candidate) => candidate.method === 'POST' && candidate.path === '/gaps')).toHaveLength(1);
  });
});
