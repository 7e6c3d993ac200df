import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { PanelPage, saveSchoolSettings } from './support/pages';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type RecordedRequest, type Recorder, type RecorderResponse } from './support/fixture-server';
import { corsEndpoint, readOutbox, seededRandom, stopServiceWorker, writeOutbox } from './support/endpoint';
import type { OutboxItem } from '../../utils/platform/db';
import { buildHelpRequest } from '../../utils/help-requests/help-request';

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const REDACTED_SPEEDGRADER = 'https://district.instructure.com/courses/:id/gradebook/speed_grader';
const SECRET = 'e2e-shared-secret';

const posts = (recorder: Recorder, path: string) =>
  recorder.requests.filter((request) => request.method === 'POST' && request.path === path);
const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as Record<string, unknown> & { id: string };

/** Fills the studio's Settings tab as a coach would and saves. */
async function configureEndpoint(h: ExtensionHarness, url: string, options: { secret?: string } = {}): Promise<Page> {
  const studio = await h.openExtensionPage('options.html#settings');
  await saveSchoolSettings(studio, { url, format: 'json', secret: options.secret ?? '', name: 'Ms. Rivera', school: 'Lincoln Elementary' });
  return studio;
}

/** Opens the panel for a SpeedGrader tab and sends a ping through the form; returns the previewed body. */
async function pingFromPanel(h: ExtensionHarness, message: string): Promise<{ panel: Page; previewed: Record<string, unknown> }> {
  const { tabId } = await h.openTab(SPEEDGRADER_URL);
  await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
  const panel = await h.openPanel(tabId);
  await panel.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
  const form = panel.getByRole('region', { name: 'Ask a mentor for help' });
  await form.getByRole('textbox', { name: 'What do you need?' }).fill(message);
  await form.getByRole('radio', { name: 'Now' }).check();
  expect(await form.getByRole('checkbox', { name: 'Include the full page address' }).isChecked()).toBe(false);
  await form.getByRole('button', { name: 'Preview' }).click();
  const previewed = JSON.parse((await form.getByTestId('ping-preview-body').textContent()) ?? '') as Record<string, unknown>;
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  return { panel, previewed };
}

/** Outbox records for `count` pings to `url`, queued and due now, as the panel stores them. */
function queuedPings(url: string, count: number, message = (index: number) => `Question ${index}`): OutboxItem[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const payload = buildHelpRequest({
      tabState: { url: SPEEDGRADER_URL, detection: { tool: 'canvas', context: 'speedgrader' } },
      message: message(index),
      urgency: 'today',
      includeFullUrl: false,
      settings: { teacherName: 'Ms. Rivera', schoolName: 'Lincoln Elementary', endpointFormat: 'json' },
      mentors: [],
      id: crypto.randomUUID(),
      now: now + index,
    });
    return {
      id: payload.id,
      kind: 'help-request' as const,
      payload,
      endpoint: { url, format: 'json' as const },
      status: 'queued' as const,
      attempts: 0,
      createdAt: now + index,
      nextAttemptAt: now,
    };
  });
}

describe.skipIf(!shouldRunBrowserTests())('ping a mentor in real Chromium (endpoint allows CORS, no host permission)', () => {
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

  it('configured in the studio, a ping sent from the panel arrives as documented', async () => {
    corsEndpoint(recorder, '/hook', { status: 200, body: '{"received":true}' });
    const studio = await configureEndpoint(h, recorder.url('/hook'), { secret: SECRET });

    // "Send test message" shows the endpoint's real answer, and reaches it once, marked as a test.
    await studio.getByRole('button', { name: 'Send test message' }).click();
    const result = studio.getByTestId('endpoint-test-result');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toContain('The endpoint answered 200');
    expect(await result.locator('pre').textContent()).toBe('{"received":true}');
    const [test] = posts(recorder, '/hook');
    expect(bodyOf(test!)).toMatchObject({ type: 'help-request', tool: { id: 'coachmark-test' }, mentors: [] });

    // A Canvas mentor, entered in the Mentors tab.
    await studio.getByRole('tab', { name: 'Mentors' }).click();
    await studio.getByRole('button', { name: 'Add a mentor' }).click();
    await studio.getByRole('textbox', { name: 'Name' }).fill('Ben Okafor');
    await studio.getByRole('textbox', { name: 'Handle for the generic JSON endpoint' }).fill('ben@lincoln.example.org');
    await studio.getByRole('checkbox', { name: 'Canvas', exact: true }).check();
    await studio.getByRole('button', { name: 'Save mentor' }).click();
    await studio.getByRole('row', { name: /Ben Okafor/ }).waitFor();

    const { panel, previewed } = await pingFromPanel(h, 'How do I hide grades until I post them?');
    const [request] = await recorder.waitForRequests(2, { path: '/hook', method: 'POST', timeoutMs: 15_000 }).then((all) => all.slice(1));
    const body = bodyOf(request!);

    // Every documented field, and nothing else.
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'id', 'mentors', 'message', 'page', 'teacher', 'tool', 'type', 'urgency']);
    expect(body).toEqual({
      type: 'help-request',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: REDACTED_SPEEDGRADER },
      mentors: [{ name: 'Ben Okafor', handle: 'ben@lincoln.example.org' }],
      message: 'How do I hide grades until I post them?',
      urgency: 'now',
    });
    expect(request!.body).not.toMatch(/assignment_id|student_id|\b77\b|\b101\b/);
    // What the preview showed is what arrived.
    expect(body).toEqual(previewed);
    expect(request!.headers['idempotency-key']).toBe(body.id);
    expect(request!.headers['content-type']).toBe('application/json');
    const timestamp = request!.headers['x-coachmark-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${request!.body}`).digest('hex')}`;
    expect(request!.headers['x-coachmark-signature']).toBe(expected);

    // The panel says it was sent, in its live region and in the list.
    const host = new URL(recorder.url()).host;
    const live = panel.getByRole('region', { name: 'Ask a mentor for help' }).getByRole('status');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Sent to ${host.replace(/\./g, '\\.')} `));
    await new PanelPage(panel).openRequests();
    await expect.poll(() => panel.getByTestId('outbox-item').first().getAttribute('data-state'), { timeout: 5_000 }).toBe('sent');
  });

  it('an endpoint that answers 500 then 200: the panel shows the wait, then "Sent to …"', async () => {
    corsEndpoint(recorder, '/flaky', (_request, index) => ({ status: index === 0 ? 500 : 200 }));
    await configureEndpoint(h, recorder.url('/flaky'));
    const { panel } = await pingFromPanel(h, 'Rubric will not attach');

    await new PanelPage(panel).openRequests();
    const entry = panel.getByTestId('outbox-item').first();
    await expect
      .poll(() => entry.textContent(), { timeout: 10_000 })
      .toContain("Your school's chat had a problem (500). Coachmark will try again at");
    expect(await entry.getAttribute('data-state')).toBe('waiting');
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toContain(`Sent to ${new URL(recorder.url()).host}`);

    const attempts = posts(recorder, '/flaky');
    expect(attempts).toHaveLength(2);
    const ids = attempts.map((request) => bodyOf(request).id);
    expect(new Set(ids).size).toBe(1);
    expect(attempts.map((request) => request.headers['idempotency-key'])).toEqual(ids);
  });
});

describe.skipIf(!shouldRunBrowserTests())('outbox fault run in real Chromium (host permission granted)', () => {
  const PINGS = 200;
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    // As if the teacher had allowed the endpoint's origin: no CORS, no preflight.
    h = await launchExtension({ hosts: ['*.instructure.com'], grantHosts: ['http://127.0.0.1/*'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it(`delivers ${PINGS} pings through an endpoint failing half the time, across a stopped service worker`, async () => {
    const random = seededRandom(20261124);
    const failuresById = new Map<string, number>();
    const okById = new Map<string, number>();
    const outcomes = { ok: 0, http500: 0, http503: 0, http429: 0 };
    // The worker is stopped while the 90th request waits for its answer, so requests are in flight.
    const STOP_AT = 90;
    let requestCount = 0;
    let reachedStop!: () => void;
    const midRun = new Promise<void>((resolve) => {
      reachedStop = resolve;
    });
    recorder.respond(
      '/fault',
      (request) => {
        const answer = decide(request);
        if (++requestCount !== STOP_AT) return answer;
        reachedStop();
        return { ...answer, delayMs: 3_000 };
      },
      'POST',
    );
    // Each request fails with probability 1/2, at most three times in a row for one ping, so the
    // longest backoff stays short enough for a test.
    function decide(request: RecordedRequest): RecorderResponse {
      const id = request.headers['idempotency-key'] as string;
      const failures = failuresById.get(id) ?? 0;
      const roll = random();
      if (failures < 3 && roll < 0.5) {
        failuresById.set(id, failures + 1);
        if (roll < 0.15) {
          outcomes.http429++;
          return { status: 429, headers: { 'Retry-After': '1' } };
        }
        if (roll < 0.3) {
          outcomes.http503++;
          return { status: 503 };
        }
        outcomes.http500++;
        return { status: 500 };
      }
      failuresById.set(id, 0);
      okById.set(id, (okById.get(id) ?? 0) + 1);
      outcomes.ok++;
      return { status: 200 };
    }

    const items = queuedPings(recorder.url('/fault'), PINGS, (index) => `Fault-run question ${index}`);

    const page = await h.openExtensionPage('options.html#settings');
    await writeOutbox(page, items);
    // What the panel does after Send: ask the background to deliver now.
    await page.evaluate(() =>
      chrome.runtime.sendMessage({ id: 1, type: 'panelKicksOutbox', data: { reason: 'fault-run' }, timestamp: Date.now() }),
    );

    const post = () => posts(recorder, '/fault');
    await Promise.race([
      midRun,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`fewer than ${STOP_AT} requests in 60 s`)), 60_000)),
    ]);
    const okBeforeStop = outcomes.ok;
    const requestsBeforeStop = post().length;
    await h.inBackground(() => {
      (globalThis as { faultRunMarker?: boolean }).faultRunMarker = true;
    }, undefined);
    await stopServiceWorker(h.context, h.extensionId);
    const stoppedAt = Date.now();
    const cutOff = (await readOutbox(page)).filter((item) => item.status === 'sending').length;

    // Nobody kicks the outbox now: the alarm set before the run wakes the new worker.
    await poll(
      async () => {
        const stored = await readOutbox(page);
        return stored.length === PINGS && stored.every((item) => item.status === 'sent') ? stored : undefined;
      },
      200_000,
      'every ping to be marked sent',
    );
    const finishedAt = Date.now();
    // A new worker finished the job: the old one's globals are gone.
    expect(await h.inBackground(() => (globalThis as { faultRunMarker?: boolean }).faultRunMarker ?? false, undefined)).toBe(false);

    const requests = post();
    const byId = new Map<string, RecordedRequest[]>();
    for (const request of requests) {
      const id = bodyOf(request).id;
      expect(request.headers['idempotency-key']).toBe(id);
      byId.set(id, [...(byId.get(id) ?? []), request]);
    }
    // Every ping arrived, none lost, none invented; every attempt at one ping carried one key.
    expect(new Set(byId.keys())).toEqual(new Set(items.map((item) => item.id)));
    for (const [id, attempts] of byId) {
      expect(new Set(attempts.map((request) => request.body)).size, `ping ${id} changed between attempts`).toBe(1);
    }
    // Accepted by the endpoint at least once each; a ping accepted twice (the worker stopped after
    // the answer, before recording it) came both times with the same Idempotency-Key, checked above.
    expect(items.every((item) => (okById.get(item.id) ?? 0) >= 1)).toBe(true);
    const failed = outcomes.http500 + outcomes.http503 + outcomes.http429;
    const duplicates = [...okById.values()].filter((count) => count > 1).length;
    console.log(
      `[fault run] pings ${PINGS}; requests ${requests.length} (200: ${outcomes.ok}, 500: ${outcomes.http500}, 503: ${outcomes.http503}, 429: ${outcomes.http429}; ` +
        `failure share ${(failed / requests.length).toFixed(2)}); delivered ${byId.size}/${PINGS}; ` +
        `accepted more than once (same Idempotency-Key): ${duplicates}; worker stopped after ${okBeforeStop} deliveries / ${requestsBeforeStop} requests with ${cutOff} in flight; ` +
        `all sent ${((finishedAt - stoppedAt) / 1000).toFixed(1)} s after the stop; preflights ${recorder.requests.filter((r) => r.method === 'OPTIONS').length}`,
    );
    expect(outcomes.ok).toBeGreaterThanOrEqual(PINGS);
    expect(failed / requests.length).toBeGreaterThan(0.3);
    expect(cutOff).toBeGreaterThan(0);
    expect(recorder.requests.filter((request) => request.method === 'OPTIONS')).toHaveLength(0);
  }, 300_000);
});

describe.skipIf(!shouldRunBrowserTests())('outbox scheduling and history in real Chromium (host permission granted)', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['*.instructure.com'], grantHosts: ['http://127.0.0.1/*'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  const kick = (page: Page) =>
    page.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'panelKicksOutbox', data: { reason: 'e2e' }, timestamp: Date.now() }));

  it('retries a rate-limited ping after its own Retry-After while another ping waits for a slow answer', async () => {
    const [slow, limited] = queuedPings(recorder.url('/own-schedule'), 2);
    let limitedOnce = false;
    recorder.respond(
      '/own-schedule',
      (request) => {
        const id = request.headers['idempotency-key'];
        if (id === slow!.id) return { status: 200, delayMs: 12_000 };
        if (!limitedOnce) {
          limitedOnce = true;
          return { status: 429, headers: { 'Retry-After': '1' } };
        }
        return { status: 200 };
      },
      'POST',
    );
    const page = await h.openExtensionPage('options.html#settings');
    await writeOutbox(page, [slow!, { ...limited!, createdAt: slow!.createdAt + 1 }]);
    await kick(page);
    const stored = await poll(
      async () => {
        const items = await readOutbox(page);
        return items.find((item) => item.id === limited!.id)?.status === 'sent' ? items : undefined;
      },
      8_000,
      'the rate-limited ping to be sent',
    );
    // Its retry did not wait for the slow answer to the other ping.
    expect(stored.find((item) => item.id === slow!.id)?.status).toBe('sending');
    expect(posts(recorder, '/own-schedule').map((request) => request.headers['idempotency-key'])).toEqual([
      slow!.id,
      limited!.id,
      limited!.id,
    ]);
    await poll(
      async () => ((await readOutbox(page)).find((item) => item.id === slow!.id)?.status === 'sent' ? true : undefined),
      20_000,
      'the slow ping',
    );
  }, 40_000);

  it('a new service worker prunes delivered pings beyond the newest 500 and past 30 days, never an undelivered one', async () => {
    const day = 24 * 60 * 60_000;
    const now = Date.now();
    const url = recorder.url('/pruned');
    const recent = queuedPings(url, 520).map((item, index) => ({
      ...item,
      status: 'sent' as const,
      attempts: 1,
      sentAt: now - index * 60_000,
    }));
    const old = queuedPings(url, 5).map((item) => ({ ...item, status: 'sent' as const, attempts: 1, sentAt: now - 40 * day }));
    const failed = queuedPings(url, 1).map((item) => ({ ...item, status: 'failed' as const, attempts: 1, createdAt: now - 90 * day }));
    const page = await h.openExtensionPage('options.html#settings');
    await writeOutbox(page, [...recent, ...old, ...failed]);
    await stopServiceWorker(h.context, h.extensionId);
    await kick(page); // starts a new worker, which prunes as it starts
    const kept = await poll(
      async () => {
        const items = await readOutbox(page);
        return items.filter((item) => item.status === 'sent').length <= 500 ? items : undefined;
      },
      10_000,
      'the sent history to be pruned',
    );
    const keptIds = new Set(kept.map((item) => item.id));
    // The newest 500 stay (earlier tests' pings among them): the 400 newest written here certainly.
    expect(kept.filter((item) => item.status === 'sent')).toHaveLength(500);
    expect(recent.slice(0, 400).every((item) => keptIds.has(item.id))).toBe(true);
    expect(recent.slice(500).some((item) => keptIds.has(item.id))).toBe(false);
    expect(old.some((item) => keptIds.has(item.id))).toBe(false);
    expect(keptIds.has(failed[0]!.id)).toBe(true);
  }, 40_000);
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
