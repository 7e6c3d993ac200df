import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { saveSchoolSettings } from './support/pages';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type RecordedRequest, type Recorder } from './support/fixture-server';
import { corsEndpoint } from './support/endpoint';
import { describeFindings, seriousViolations } from './support/axe';

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';

const posts = (recorder: Recorder, path: string) =>
  recorder.requests.filter((request) => request.method === 'POST' && request.path === path);
const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as Record<string, unknown> & { id: string };

/** axe-core's serious and critical findings on the page as it is, in the light and the dark theme. */
async function audit(page: Page, where: string): Promise<string[]> {
  const report: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const findings = await seriousViolations(page);
    if (findings.length > 0) report.push(describeFindings(`${where} (${theme})`, findings));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return report;
}

async function configureEndpoint(h: ExtensionHarness, url: string): Promise<void> {
  const studio = await h.openExtensionPage('options.html#settings');
  await saveSchoolSettings(studio, { url, format: 'json', secret: '', name: 'Ms. Rivera', school: 'Lincoln Elementary' });
  await studio.close();
}

/**
 * On a SpeedGrader tab: "My plan", "I can help others", the offer filled in (Canvas is ticked
 * already; Nearpod from "More tools"), previewed and sent. Returns the panel, the form and the
 * previewed body.
 */
async function offerFromPanel(
  h: ExtensionHarness,
  report?: string[],
): Promise<{ panel: Page; form: Locator; previewed: Record<string, unknown> }> {
  const { tabId } = await h.openTab(SPEEDGRADER_URL);
  await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
  const panel = await h.openPanel(tabId);
  await panel.getByRole('button', { name: 'My plan' }).click();
  await panel.getByRole('region', { name: 'Help your colleagues' }).getByRole('button', { name: 'I can help others' }).click();
  const form = panel.getByRole('region', { name: 'Offer to help other teachers' });
  const name = form.getByRole('textbox', { name: 'Your name' });
  await expect.poll(() => name.inputValue(), { timeout: 10_000 }).toBe('Ms. Rivera');
  await form.getByRole('textbox', { name: 'Your chat handle (optional)' }).fill('rivera@lincoln.example.org');
  expect(await form.getByRole('checkbox', { name: 'Canvas', exact: true }).isChecked()).toBe(true);
  await form.getByText('More tools').click();
  await form.getByRole('checkbox', { name: 'Nearpod', exact: true }).check();
  await form.getByRole('textbox', { name: 'Note (optional)' }).fill('Free 3rd period');
  if (report) report.push(...(await audit(panel, 'panel, offer form')));
  await form.getByRole('button', { name: 'Preview' }).click();
  if (report) report.push(...(await audit(panel, 'panel, offer preview')));
  const previewed = JSON.parse((await form.getByTestId('volunteer-preview-body').textContent()) ?? '') as Record<string, unknown>;
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  return { panel, form, previewed };
}

describe.skipIf(!shouldRunBrowserTests())('"I can help others" in real Chromium (endpoint allows CORS, no host permission)', () => {
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

  it('an offer sent from the panel arrives as the documented mentor-volunteer payload, keyed by its id', async () => {
    corsEndpoint(recorder, '/hook', { status: 202, body: '{"status":"accepted"}' });
    await configureEndpoint(h, recorder.url('/hook'));
    const report: string[] = [];
    const { panel, form, previewed } = await offerFromPanel(h, report);
    expect(report, report.join('\n')).toEqual([]);

    const [request] = await recorder.waitForRequests(1, { path: '/hook', method: 'POST', timeoutMs: 15_000 });
    const body = bodyOf(request!);
    expect(body).toEqual({
      type: 'mentor-volunteer',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      handle: 'rivera@lincoln.example.org',
      tools: [
        { id: 'canvas', name: 'Canvas' },
        { id: 'nearpod', name: 'Nearpod' },
      ],
      note: 'Free 3rd period',
    });
    // Only the documented fields, no page and nothing of it; what the preview showed is what arrived.
    expect(Object.keys(body)).toEqual(['type', 'id', 'createdAt', 'teacher', 'handle', 'tools', 'note']);
    expect(request!.body).not.toMatch(/instructure|speed_grader|student_id/);
    expect(body).toEqual(previewed);
    expect(request!.headers['idempotency-key']).toBe(body.id);
    expect(request!.headers['content-type']).toBe('application/json');

    const host = new URL(recorder.url()).host;
    const live = form.getByRole('status');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain(`Sent to ${host}`);
    expect(await live.textContent()).toContain('Your coach will add you as a mentor.');

    // Back in the plan, the offer and how it went stay in sight.
    await form.getByRole('button', { name: 'Close' }).click();
    const last = panel.getByTestId('volunteer-last-offer');
    await expect.poll(() => last.getAttribute('data-state'), { timeout: 5_000 }).toBe('sent');
    expect(await last.textContent()).toMatch(/Offer to help with Canvas and Nearpod, sent /);
    expect(posts(recorder, '/hook')).toHaveLength(1);
  });

  it('an offer the endpoint refuses stays in the plan, failed, with Retry named after it', async () => {
    corsEndpoint(recorder, '/refuses', { status: 403 });
    await configureEndpoint(h, recorder.url('/refuses'));
    const { panel, form } = await offerFromPanel(h);
    await recorder.waitForRequests(1, { path: '/refuses', method: 'POST', timeoutMs: 15_000 });

    await form.getByRole('button', { name: 'Close' }).click();
    const last = panel.getByTestId('volunteer-last-offer');
    await expect.poll(() => last.getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await last.textContent()).toContain("Your school's chat refused the message (403).");
    const retry = last.getByRole('button', { name: /^Retry: Offer to help with Canvas and Nearpod, sent / });
    expect(await retry.textContent()).toBe('Retry');
    expect(posts(recorder, '/refuses')).toHaveLength(1);
  });
});
