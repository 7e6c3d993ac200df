// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOutboxRunner, OUTBOX_ALARM, setupOutbox, testEndpoint, type OutboxRunner } from '../../../utils/outbox/runner.background';
import { CoachmarkDB } from '../../../utils/platform/db';
import { enqueue } from '../../../utils/outbox/queue';
import { RETRY } from '../../../utils/outbox/retry';
import type { DeliveryEnvironment, DeliveryReport } from '../../../utils/outbox/delivery.background';
import { buildHelpRequest } from '../../../utils/help-requests/help-request';
import { startHookServer, type HookRequest, type HookServer } from '../../support/hook-server';
import { listenOnLoopback } from '../../support/loopback';

/** A real endpoint on loopback; each test scripts its answers. */
let hook: HookServer;
let endpoint: string;
let received: HookRequest[];
beforeAll(async () => {
  hook = await startHookServer();
  ({ url: endpoint, received } = hook);
});
afterAll(() => hook.close());

const report = (overrides: Partial<DeliveryReport> = {}): DeliveryReport => ({
  attempted: 1,
  sent: 1,
  retrying: 0,
  failed: 0,
  nextAttemptAt: null,
  ...overrides,
});

describe('createOutboxRunner', () => {
  afterEach(() => vi.useRealTimers());

  it('never runs two deliveries at once, and runs once more for kicks that came during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const runner = createOutboxRunner({
      deliver: async () => {
        active++;
        runs++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        return report();
      },
      setAlarm: async () => {},
    });
    await Promise.all(Array.from({ length: 10 }, () => runner.kick()));
    expect(maxActive).toBe(1);
    // The first kick runs; the nine during it coalesce into exactly one more run.
    expect(runs).toBe(2);
    await runner.kick();
    expect(runs).toBe(3);
    runner.dispose();
  });

  it('wakes itself with a timer for a short wait and sets the alarm no sooner than 30 s', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const alarms: Array<number | null> = [];
    const nexts = [1_000_000 + 5_000, null];
    let runs = 0;
    const runner = createOutboxRunner({
      deliver: async () => report({ nextAttemptAt: nexts[runs++] ?? null }),
      now: () => Date.now(),
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    // The run's own safety alarm first, then the next due time (no sooner than 30 s).
    expect(alarms).toEqual([1_000_000 + 60_000, 1_000_000 + 30_000]);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    // Nothing waits any more: the alarm is cleared.
    expect(alarms).toEqual([1_060_000, 1_030_000, 1_065_000, null]);
    runner.dispose();
  });

  it('leaves a long wait to the alarm, at the due time', async () => {
    vi.useFakeTimers({ now: 0 });
    const alarms: Array<number | null> = [];
    let runs = 0;
    const runner = createOutboxRunner({
      deliver: async () => {
        runs++;
        return report({ nextAttemptAt: 10 * 60_000 });
      },
      now: () => Date.now(),
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(runs).toBe(1);
    expect(alarms).toEqual([60_000, 10 * 60_000]);
    runner.dispose();
  });

  it('does not spin while offline: the online event or the alarm brings the next run', async () => {
    vi.useFakeTimers({ now: 0 });
    let runs = 0;
    const alarms: Array<number | null> = [];
    const runner = createOutboxRunner({
      deliver: async () => {
        runs++;
        return report({ attempted: 0, sent: 0, nextAttemptAt: 0 });
      },
      now: () => Date.now(),
      online: () => false,
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(1);
    expect(alarms).toEqual([60_000, 30_000]);
    runner.dispose();
  });

  it('sets an alarm before delivering, so a worker stopped mid-run wakes to finish', async () => {
    const alarms: Array<number | null> = [];
    const runner = createOutboxRunner({
      deliver: () => new Promise<DeliveryReport>(() => {}), // the worker dies during this run
      now: () => 5_000,
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    void runner.kick();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(alarms).toEqual([5_000 + RETRY.staleSendingMs]);
    runner.dispose();
  });

  it('keeps going after a failed run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let runs = 0;
    const runner = createOutboxRunner({
      deliver: async () => {
        runs++;
        if (runs === 1) throw new Error('database closed');
        return report();
      },
      setAlarm: async () => {},
    });
    await runner.kick();
    await runner.kick();
    expect(runs).toBe(2);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    runner.dispose();
  });
});

describe('setupOutbox in the background', () => {
  let database: CoachmarkDB;
  let clock: number;
  let runner: OutboxRunner | undefined;
  const environment = (): DeliveryEnvironment => ({
    fetch: (input, init) => fetch(input, init),
    now: () => clock,
    random: () => 0.5,
    secret: async () => '',
    timeoutMs: 2_000,
  });

  beforeEach(async () => {
    fakeBrowser.reset();
    hook.reset();
    clock = Date.now();
    database = new CoachmarkDB(`background-outbox-${Math.random()}`);
    await database.open();
  });
  afterEach(() => {
    runner?.dispose();
    runner = undefined;
  });

  function ping(id: string) {
    return buildHelpRequest({
      tabState: {
        url: 'https://district.instructure.com/courses/42/gradebook/speed_grader?student_id=7',
        detection: { tool: 'canvas', context: 'speedgrader' },
      },
      message: 'How do I post grades?',
      urgency: 'now',
      includeFullUrl: false,
      settings: { teacherName: 'Ms. Rivera', schoolName: 'Lincoln', endpointFormat: 'json' },
      mentors: [],
      id,
      now: clock,
    });
  }

  it('delivers what was queued when the worker starts', async () => {
    await enqueue(ping('start-1'), { url: endpoint, format: 'json' }, database, clock);
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    expect(received.map((request) => request.headers['idempotency-key'])).toEqual(['start-1']);
    expect((await database.outbox.get('start-1'))?.status).toBe('sent');
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('retries on the alarm after a 500, with the same Idempotency-Key', async () => {
    hook.answer = (index) => ({ status: index === 0 ? 500 : 200 });
    await enqueue(ping('retry-1'), { url: endpoint, format: 'json' }, database, clock);
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    const waiting = await database.outbox.get('retry-1');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastStatus: 500 });
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(clock + 30_000);

    clock = waiting!.nextAttemptAt;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: clock });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: clock });
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 2_000 });
    expect(received.map((request) => request.headers['idempotency-key'])).toEqual(['retry-1', 'retry-1']);
    await vi.waitFor(async () => expect((await database.outbox.get('retry-1'))?.status).toBe('sent'), { timeout: 2_000 });
  });

  it('delivers when the panel kicks it', async () => {
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    await enqueue(ping('kick-1'), { url: endpoint, format: 'json' }, database, clock);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(0);
    await fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type: 'panelKicksOutbox', data: { reason: 'ping' }, timestamp: Date.now() },
      {},
      () => {},
    );
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 2_000 });
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      id: 'kick-1',
      page: { url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
    });
  });
});

describe('testEndpoint', () => {
  const env = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    now: () => Date.UTC(2026, 10, 24),
    timeoutMs: 2_000,
  };

  beforeEach(() => hook.reset());

  it('posts one marked test message and reports the real answer, body cut to 300 characters', async () => {
    hook.answer = () => ({ status: 201, body: 'x'.repeat(400) });
    const result = await testEndpoint({ url: endpoint, format: 'json', secret: 's3cret', teacherName: 'Ms. Rivera', schoolName: '' }, env);
    expect(result).toEqual({ ok: true, status: 201, body: 'x'.repeat(300) });
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]!.body);
    expect(body).toMatchObject({ type: 'help-request', tool: { id: 'coachmark-test' }, teacher: { name: 'Ms. Rivera' }, mentors: [] });
    expect(received[0]!.headers['idempotency-key']).toBe(body.id);
    expect(received[0]!.headers['x-coachmark-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('reports an error answer with its body', async () => {
    hook.answer = () => ({ status: 404, body: 'no_such_hook' });
    expect(await testEndpoint({ url: endpoint, format: 'slack', secret: 'ignored' }, env)).toEqual({
      ok: false,
      status: 404,
      body: 'no_such_hook',
    });
    // The secret signs only the JSON format.
    expect(received[0]!.headers['x-coachmark-signature']).toBeUndefined();
  });

  it('says when nothing answers, and refuses an unusable URL without sending', async () => {
    // A port that was just free: nothing listens there any more.
    const closed = await listenOnLoopback(createServer());
    await closed.close();
    expect(await testEndpoint({ url: `${closed.base}/`, format: 'json', secret: '' }, env)).toEqual({
      ok: false,
      error: 'network',
    });
    expect(await testEndpoint({ url: 'http://example.org/hook', format: 'json', secret: '' }, env)).toEqual({
      ok: false,
      error: 'invalid-url',
    });
    expect(received).toHaveLength(0);
  });
});
