// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { backoffDelay, classifyResponse, parseRetryAfter, RETRY } from '../../../utils/outbox/retry';
import { deliverDue, type DeliveryEnvironment } from '../../../utils/outbox/delivery.background';
import { describeOutboxItem } from '../../../utils/outbox/describe';
import { enqueue, retryNow } from '../../../utils/outbox/queue';
import { startHookServer, type HookRequest, type HookServer } from '../../support/hook-server';
import { helpRequest } from '../../support/payloads';

const payload = (id: string) => helpRequest({ id });

/** A real HTTP endpoint on loopback whose answers each test scripts. */
let hook: HookServer;
let baseUrl: string;
let received: HookRequest[];
beforeAll(async () => {
  hook = await startHookServer();
  ({ url: baseUrl, received } = hook);
});
afterAll(() => hook.close());

let database: CoachmarkDB;
let clock = 1_000_000;
const env = (overrides: Partial<DeliveryEnvironment> = {}): DeliveryEnvironment => ({
  fetch: (input, init) => fetch(input, init),
  now: () => clock,
  random: () => 0.5,
  secret: async () => '',
  timeoutMs: 500,
  ...overrides,
});

beforeEach(async () => {
  hook.reset();
  clock = 1_000_000;
  database = new CoachmarkDB(`outbox-${Math.random()}`);
  await database.open();
});

describe('backoff and classification', () => {
  it('grows exponentially with jitter between half and all of the step, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(RETRY.baseMs / 2);
    expect(backoffDelay(1, () => 0.999999)).toBeCloseTo(RETRY.baseMs, -1);
    expect(backoffDelay(3, () => 1)).toBe(RETRY.baseMs * 4);
    expect(backoffDelay(40, () => 1)).toBe(RETRY.maxMs);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('retries 408, 429 and 5xx, stops on other 4xx', () => {
    const e = { now: () => 0, random: () => 0.5 };
    expect(classifyResponse(204, null, 1, e).kind).toBe('sent');
    expect(classifyResponse(500, null, 1, e).kind).toBe('retry');
    expect(classifyResponse(408, null, 1, e).kind).toBe('retry');
    expect(classifyResponse(429, '30', 1, e)).toMatchObject({ kind: 'retry', delayMs: 30_000, error: 'rate-limited' });
    expect(classifyResponse(404, null, 1, e)).toMatchObject({ kind: 'failed', status: 404 });
    expect(classifyResponse(400, null, 1, e).kind).toBe('failed');
  });
});

describe('delivery against a real endpoint', () => {
  it('sends a queued ping once, with the Idempotency-Key equal to its id', async () => {
    await enqueue(payload('a1'), { url: baseUrl, format: 'json' }, database, clock);
    const report = await deliverDue(env(), database);
    expect(report).toMatchObject({ attempted: 1, sent: 1, nextAttemptAt: null });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: 'a1', key: 'a1' });
    expect((await database.outbox.get('a1'))?.status).toBe('sent');
    expect((await deliverDue(env(), database)).attempted).toBe(0);
  });

  it('keeps a 5xx queued for later, then delivers it with the same key', async () => {
    hook.answer = (index) => (index === 0 ? { status: 503 } : { status: 200 });
    await enqueue(payload('b1'), { url: baseUrl, format: 'slack' }, database, clock);
    const first = await deliverDue(env(), database);
    expect(first).toMatchObject({ retrying: 1, sent: 0 });
    const waiting = (await database.outbox.get('b1'))!;
    expect(waiting).toMatchObject({ status: 'queued', lastError: 'http', lastStatus: 503, attempts: 1 });
    expect(describeOutboxItem(waiting, () => '10:45').text).toBe(
      "Your school's chat had a problem (503). Coachmark will try again at 10:45.",
    );
    expect((await deliverDue(env(), database)).attempted).toBe(0); // not due yet
    clock = waiting.nextAttemptAt;
    expect((await deliverDue(env(), database)).sent).toBe(1);
    expect(received.map((r) => r.key)).toEqual(['b1', 'b1']);
  });

  it('honours Retry-After on 429', async () => {
    hook.answer = () => ({ status: 429, headers: { 'Retry-After': '120' } });
    await enqueue(payload('c1'), { url: baseUrl, format: 'json' }, database, clock);
    await deliverDue(env(), database);
    expect((await database.outbox.get('c1'))?.nextAttemptAt).toBe(clock + 120_000);
  });

  it('retries after a connection reset and after a hang past the timeout', async () => {
    hook.answer = (index) => (index === 0 ? 'reset' : index === 1 ? 'hang' : { status: 200 });
    await enqueue(payload('d1'), { url: baseUrl, format: 'discord' }, database, clock);
    await deliverDue(env(), database);
    expect((await database.outbox.get('d1'))?.lastError).toBe('network');
    clock += RETRY.maxMs;
    await deliverDue(env(), database);
    expect((await database.outbox.get('d1'))?.lastError).toBe('timeout');
    clock += RETRY.maxMs;
    await deliverDue(env(), database);
    expect((await database.outbox.get('d1'))?.status).toBe('sent');
  });

  it('stops on 404, says why, and sends again only when the teacher presses Retry', async () => {
    hook.answer = () => ({ status: 404 });
    await enqueue(payload('e1'), { url: baseUrl, format: 'json' }, database, clock);
    await deliverDue(env(), database);
    const failed = (await database.outbox.get('e1'))!;
    expect(failed.status).toBe('failed');
    expect(describeOutboxItem(failed, () => '').text).toBe(
      "Your school's chat refused the message (404). Ask your tech coach to check Coachmark's settings.",
    );
    clock += RETRY.maxMs;
    expect((await deliverDue(env(), database)).attempted).toBe(0);
    hook.answer = () => ({ status: 200 });
    await retryNow('e1', database, clock);
    expect((await deliverDue(env(), database)).sent).toBe(1);
  });

  it('waits while offline without spending attempts', async () => {
    await enqueue(payload('f1'), { url: baseUrl, format: 'json' }, database, clock);
    const report = await deliverDue(env({ online: () => false }), database);
    expect(report.attempted).toBe(0);
    expect(received).toHaveLength(0);
    expect((await deliverDue(env({ online: () => true }), database)).sent).toBe(1);
  });

  it('delivers every one of 200 pings through an endpoint failing half the time, across a worker stop', async () => {
    // Deterministic faults: every other request fails in a rotating way.
    hook.answer = (index) => {
      if (index % 2 === 0) return { status: 200 };
      return [{ status: 500 }, { status: 429, headers: { 'Retry-After': '1' } }, 'reset' as const, { status: 502 }][(index >> 1) % 4]!;
    };
    const name = `fault-${Math.random()}`;
    let worker = new CoachmarkDB(name);
    const ids = Array.from({ length: 200 }, (_, i) => `ping-${String(i).padStart(3, '0')}`);
    for (const id of ids) await enqueue(payload(id), { url: baseUrl, format: 'json' }, worker, clock);

    let rounds = 0;
    let stopped = false;
    while (rounds++ < 200) {
      const report = await deliverDue(env(), worker, { batch: 25 });
      if (!stopped && rounds === 3) {
        // The service worker stops: its connection goes, state survives in IndexedDB, and one
        // item is left as if cut off mid-request.
        await worker.outbox.update(ids[199]!, { status: 'sending', lastAttemptAt: clock });
        worker.close();
        worker = new CoachmarkDB(name);
        stopped = true;
      }
      if (report.nextAttemptAt === null && (await worker.outbox.where('status').notEqual('sent').count()) === 0) break;
      clock = Math.max(clock + 1000, report.nextAttemptAt ?? clock);
    }

    const items = await worker.outbox.toArray();
    expect(items.filter((item) => item.status === 'sent')).toHaveLength(200);
    const deliveredIds = new Set(received.filter((_, index) => index % 2 === 0).map((r) => r.id));
    expect([...deliveredIds].sort()).toEqual(ids);
    for (const request of received) expect(request.key).toBe(request.id);
    console.info(
      `outbox fault run: ${received.length} requests for 200 pings, ${received.length - 200} failed or duplicate attempts, ${rounds} delivery rounds`,
    );
  }, 60_000);
});

describe('backoff while the endpoint accepts other requests', () => {
  const failing = async (id: string, attempts: number) => {
    await enqueue(payload(id), { url: baseUrl, format: 'json' }, database, clock);
    await database.outbox.update(id, { attempts });
  };

  it('tries a failed ping again within whileUpMaxMs when others got through, and backs off when nothing does', async () => {
    hook.answer = (index) => (received[index]!.id === 'unlucky' ? { status: 500 } : { status: 200 });
    const up = env({ random: () => 0.999, accepted: new Map() });
    await enqueue(payload('lucky'), { url: baseUrl, format: 'json' }, database, clock);
    await deliverDue(up, database);
    // Its sixth failure: the backoff step alone would be 64 s.
    await failing('unlucky', 5);
    await deliverDue(up, database);
    const soon = (await database.outbox.get('unlucky'))!;
    expect(soon).toMatchObject({ status: 'queued', attempts: 6, lastStatus: 500 });
    expect(soon.nextAttemptAt - clock).toBeLessThanOrEqual(RETRY.whileUpMaxMs);

    // The same failure at an endpoint that has accepted nothing lately: the full step.
    await database.outbox.update('unlucky', { attempts: 5, nextAttemptAt: clock });
    clock += RETRY.upWithinMs + 1;
    await deliverDue(up, database);
    const later = (await database.outbox.get('unlucky'))!;
    expect(later.nextAttemptAt - clock).toBeGreaterThan(RETRY.baseMs * 2 ** 5 * 0.9);
  });

  it("still follows the endpoint's own Retry-After in full", async () => {
    hook.answer = (index) => (received[index]!.id === 'limited' ? { status: 429, headers: { 'Retry-After': '45' } } : { status: 200 });
    const up = env({ accepted: new Map() });
    await enqueue(payload('first'), { url: baseUrl, format: 'json' }, database, clock);
    await deliverDue(up, database);
    await failing('limited', 0);
    await deliverDue(up, database);
    expect((await database.outbox.get('limited'))!.nextAttemptAt - clock).toBe(45_000);
  });
});

describe('redirects', () => {
  it('stops at a redirecting endpoint instead of following it, and says so', async () => {
    hook.answer = () => ({ status: 302, headers: { Location: 'https://elsewhere.example/' } });
    await enqueue(payload('r1'), { url: baseUrl, format: 'json' }, database, clock);
    await deliverDue(env(), database);
    const item = (await database.outbox.get('r1'))!;
    expect(item).toMatchObject({ status: 'failed', lastError: 'redirect' });
    expect(describeOutboxItem(item, () => '').text).toContain("Your school's chat has moved to another address.");
    expect(received).toHaveLength(1);
  });
});
