// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOutboxRunner, OUTBOX_ALARM, setupOutbox, testEndpoint, type OutboxRunner } from '../../../utils/outbox/runner.background';
import { CoachmarkDB } from '../../../utils/platform/db';
import { enqueue } from '../../../utils/outbox/queue';
import { RETRY } from '../../../utils/outbox/retry';
import { saveSettings } from '../../../utils/settings/settings';
import type { DeliveryEnvironment } from '../../../utils/outbox/delivery.background';
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

/**
 * A queue of plain items for the runner's scheduling alone: claim takes what is due, oldest
 * due first; `send` decides each attempt's outcome (the real queue is checked further down).
 */
interface Job {
  id: string;
  dueAt: number;
  inFlight: boolean;
  done: boolean;
}
function jobQueue(now: () => number) {
  const jobs: Job[] = [];
  return {
    jobs,
    add: (id: string, dueAt = now()) => jobs.push({ id, dueAt, inFlight: false, done: false }),
    claim: async (limit: number) => {
      const due = jobs.filter((job) => !job.done && !job.inFlight && job.dueAt <= now()).sort((a, b) => a.dueAt - b.dueAt);
      const claimed = due.slice(0, limit);
      for (const job of claimed) job.inFlight = true;
      return claimed;
    },
    nextDue: async () => {
      const waiting = jobs.filter((job) => !job.done && !job.inFlight);
      return waiting.length === 0
        ? jobs.some((job) => job.inFlight)
          ? now() + RETRY.staleSendingMs
          : null
        : Math.min(...waiting.map((job) => job.dueAt));
    },
  };
}
const settle = (job: Job, retryAt?: number) => {
  job.inFlight = false;
  if (retryAt === undefined) job.done = true;
  else job.dueAt = retryAt;
};

describe('createOutboxRunner', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps at most `concurrency` in flight, and a freed slot takes the next item while a slow one goes on', async () => {
    const queue = jobQueue(() => Date.now());
    for (const id of ['slow', 'b', 'c', 'd', 'e']) queue.add(id);
    let active = 0;
    let maxActive = 0;
    const finished: string[] = [];
    const runner = createOutboxRunner({
      claim: queue.claim,
      nextDue: queue.nextDue,
      send: async (job) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, job.id === 'slow' ? 150 : 10));
        active--;
        finished.push(job.id);
        settle(job);
      },
      concurrency: 2,
      setAlarm: async () => {},
    });
    await runner.kick();
    expect(maxActive).toBe(2);
    // The four quick ones went through the second slot while the slow one held the first.
    expect(finished).toEqual(['b', 'c', 'd', 'e', 'slow']);
    runner.dispose();
  });

  it('retries each item at its own due time, while another request is still in flight', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = jobQueue(() => Date.now());
    queue.add('hang');
    queue.add('limited');
    const attempts: Array<[string, number]> = [];
    const runner = createOutboxRunner({
      claim: queue.claim,
      nextDue: queue.nextDue,
      send: async (job) => {
        attempts.push([job.id, Date.now()]);
        if (job.id === 'hang') {
          await new Promise((resolve) => setTimeout(resolve, 15_000)); // a request that times out
          return settle(job);
        }
        // 429 with Retry-After: 3 on the first try.
        settle(job, attempts.filter(([id]) => id === job.id).length === 1 ? Date.now() + 3_000 : undefined);
      },
      now: () => Date.now(),
      setAlarm: async () => {},
    });
    void runner.kick();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(attempts).toEqual([
      ['hang', 0],
      ['limited', 0],
      ['limited', 3_000],
    ]);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(queue.jobs.every((job) => job.done)).toBe(true);
    runner.dispose();
  });

  it('wakes itself with a timer for a short wait and sets the alarm no sooner than 30 s', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const alarms: Array<number | null> = [];
    const queue = jobQueue(() => Date.now());
    queue.add('later', 1_000_000 + 5_000);
    const sent: number[] = [];
    const runner = createOutboxRunner({
      claim: queue.claim,
      nextDue: queue.nextDue,
      send: async (job) => {
        sent.push(Date.now());
        settle(job);
      },
      now: () => Date.now(),
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    // Nothing due yet: the item's due time, no sooner than 30 s.
    expect(alarms).toEqual([1_000_000 + 30_000]);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([1_005_000]);
    await vi.advanceTimersByTimeAsync(0);
    // Nothing waits any more: the alarm is cleared.
    expect(alarms.at(-1)).toBeNull();
    runner.dispose();
  });

  it('leaves a long wait to the alarm, at the due time', async () => {
    vi.useFakeTimers({ now: 0 });
    const alarms: Array<number | null> = [];
    const queue = jobQueue(() => Date.now());
    queue.add('much-later', 10 * 60_000);
    let sends = 0;
    const runner = createOutboxRunner({
      claim: queue.claim,
      nextDue: queue.nextDue,
      send: async () => void sends++,
      now: () => Date.now(),
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(sends).toBe(0);
    expect(alarms).toEqual([10 * 60_000]);
    runner.dispose();
  });

  it('does not spin while offline: the online event or the alarm brings the next pass', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = jobQueue(() => Date.now());
    queue.add('waiting', 0);
    let claims = 0;
    const alarms: Array<number | null> = [];
    const runner = createOutboxRunner({
      claim: async (limit) => {
        claims++;
        return queue.claim(limit);
      },
      nextDue: queue.nextDue,
      send: async (job) => settle(job),
      now: () => Date.now(),
      online: () => false,
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    await runner.kick();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(claims).toBe(0);
    expect(alarms).toEqual([30_000]);
    runner.dispose();
  });

  it('sets an alarm before sending, so a worker stopped mid-request wakes to finish', async () => {
    const alarms: Array<number | null> = [];
    const queue = jobQueue(() => 5_000);
    queue.add('cut-off', 0);
    const runner = createOutboxRunner({
      claim: queue.claim,
      nextDue: queue.nextDue,
      send: () => new Promise<void>(() => {}), // the worker dies during this request
      now: () => 5_000,
      setAlarm: async (when) => {
        alarms.push(when);
      },
    });
    void runner.kick();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(alarms[0]).toBe(5_000 + RETRY.staleSendingMs);
    runner.dispose();
  });

  it('runs its preparation once, before the first claim, and keeps going after a failed pass', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const order: string[] = [];
    let claims = 0;
    const runner = createOutboxRunner({
      prepare: async () => void order.push('prepare'),
      claim: async () => {
        order.push('claim');
        if (++claims === 1) throw new Error('database closed');
        return [];
      },
      nextDue: async () => null,
      send: async () => {},
      setAlarm: async () => {},
    });
    await runner.kick();
    await runner.kick();
    expect(order).toEqual(['prepare', 'claim', 'claim']);
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

  it('retries a rate-limited ping after its own Retry-After while another request hangs', async () => {
    // Real time here: the endpoint's Retry-After is what decides.
    const live = (): DeliveryEnvironment => ({ ...environment(), now: () => Date.now(), timeoutMs: 4_000 });
    let limitedOnce = false;
    hook.answer = (index) => {
      const id = received[index]!.id;
      if (id === 'hang-1') return 'hang';
      if (id === 'limited-1' && !limitedOnce) {
        limitedOnce = true;
        return { status: 429, headers: { 'Retry-After': '1' } };
      }
      return { status: 200 };
    };
    const now = Date.now();
    await enqueue(ping('hang-1'), { url: endpoint, format: 'json' }, database, now);
    await enqueue(ping('limited-1'), { url: endpoint, format: 'json' }, database, now + 1);
    runner = setupOutbox({ database, environment: live() });
    await vi.waitFor(async () => expect((await database.outbox.get('limited-1'))?.status).toBe('sent'), { timeout: 3_500 });
    // Delivered on its own schedule: the hanging request is still waiting for its answer.
    expect(await database.outbox.get('hang-1')).toMatchObject({ status: 'sending', attempts: 1 });
    expect(received.map((request) => request.id)).toEqual(['hang-1', 'limited-1', 'limited-1']);
  });

  it('sends what a stopped worker cut off as soon as the next worker starts, with the same key', async () => {
    await enqueue(ping('cut-1'), { url: endpoint, format: 'json' }, database, clock);
    // The previous worker claimed it, then stopped before the answer came back.
    await database.outbox.update('cut-1', { status: 'sending', attempts: 1, lastAttemptAt: clock });
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    expect(await database.outbox.get('cut-1')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received.map((request) => request.key)).toEqual(['cut-1']);
  });

  it('prunes delivered items past the sentHistoryDays setting when it starts, and nothing undelivered', async () => {
    const day = 24 * 60 * 60_000;
    await saveSettings({ sentHistoryDays: 7 });
    for (const [id, age] of [
      ['old', 8],
      ['recent', 6],
    ] as const) {
      await enqueue(ping(id), { url: endpoint, format: 'json' }, database, clock - age * day);
      await database.outbox.update(id, { status: 'sent', sentAt: clock - age * day });
    }
    await enqueue(ping('failed-long-ago'), { url: endpoint, format: 'json' }, database, clock - 90 * day);
    await database.outbox.update('failed-long-ago', { status: 'failed' });
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    await vi.waitFor(async () => expect(await database.outbox.get('old')).toBeUndefined(), { timeout: 2_000 });
    expect((await database.outbox.toCollection().primaryKeys()).sort()).toEqual(['failed-long-ago', 'recent']);
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
