import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CoachmarkDB, type OutboxItem } from '../../utils/platform/db';
import {
  claimDue,
  deliverClaimed,
  deliverDue,
  nextDue,
  requeueCutOff,
  type DeliveryEnvironment,
} from '../../utils/outbox/delivery.background';
import { createOutboxRunner, type OutboxRunner } from '../../utils/outbox/scheduler.background';
import { enqueue } from '../../utils/outbox/queue';
import { RETRY } from '../../utils/outbox/retry';
import { helpRequest } from '../../tests/support/payloads';
import type { BenchSection } from './types';

/**
 * The outbox under a hostile fault mix, in real time against a real loopback endpoint:
 * 200 pings, one every 100 ms; the endpoint fails half the requests (500, 429 with
 * Retry-After: 3, a dropped connection, or no answer until the 15 s timeout); the worker is
 * killed three times (its database connection closed mid-request, as a stopped service worker
 * loses it) and the network goes away for 3 s. The scheduler the background runs is measured
 * beside the design it replaced (one batch at a time, the next wait timed from the batch's end,
 * cut-off items waiting out the stale-sending minute), both at once on separate endpoints.
 * Then the cost of delivering one ping as the sent history grows.
 */

const PINGS = 200;
const SPACING_MS = 100;
const KILLS_AT_MS = [4_000, 10_000, 16_000];
const OFFLINE_FROM_MS = 6_000;
const OFFLINE_FOR_MS = 3_000;
const RETRY_AFTER_S = 3;

/** A small seeded generator, so both designs meet the same faults in the same order. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Endpoint {
  url: string;
  /** First 2xx answer per payload id (epoch ms). */
  deliveredAt: Map<string, number>;
  requests: number;
  close(): Promise<void>;
}

/**
 * Fails half the requests. `maxInARow`: how many times in a row one ping may fail (a flaky
 * endpoint); without it every request is a fresh coin toss, and a few of 200 pings fail seven
 * or more times in a row, so the backoff itself sets the tail.
 */
async function faultyEndpoint(seed: number, maxInARow = Number.POSITIVE_INFINITY): Promise<Endpoint> {
  const random = seeded(seed);
  const deliveredAt = new Map<string, number>();
  const failuresInARow = new Map<string, number>();
  const open = new Set<import('node:net').Socket>();
  const endpoint: Endpoint = { url: '', deliveredAt, requests: 0, close: async () => {} };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      endpoint.requests++;
      const id = (JSON.parse(body) as { id: string }).id;
      const failures = failuresInARow.get(id) ?? 0;
      const roll = failures >= maxInARow ? 1 : random();
      failuresInARow.set(id, roll < 0.5 ? failures + 1 : 0);
      if (roll < 0.2) return void response.writeHead(500).end();
      if (roll < 0.35) return void response.writeHead(429, { 'Retry-After': String(RETRY_AFTER_S) }).end();
      if (roll < 0.45) return void request.socket.destroy();
      if (roll < 0.5) return; // no answer: the client's timeout decides
      if (!deliveredAt.has(id)) deliveredAt.set(id, Date.now());
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  endpoint.close = () =>
    new Promise((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
  return endpoint;
}

/** One ping as the panel builds it; its time is when it is queued. */
const ping = (id: string, now: number) => helpRequest({ id, createdAt: new Date(now).toISOString() });

/** A background worker's life: its own database connection and its own scheduler. */
interface Worker {
  kick(): void;
  kill(): void;
}
/** Chrome's alarm: outlives the worker that set it, fires no sooner than asked, and wakes whichever worker is current. */
type Alarm = (when: number | null) => void;
type Design = (database: CoachmarkDB, env: DeliveryEnvironment, steps: number[], alarm: Alarm) => Worker;

/** The scheduler the extension runs (utils/outbox/scheduler.background.ts). */
const current: Design = (database, env, steps, alarm) => {
  const runner: OutboxRunner = createOutboxRunner({
    claim: (limit) => claimDue(database, env.now(), limit),
    send: async (item: OutboxItem) => {
      const outcome = await deliverClaimed(item, env, database);
      if (outcome.kind === 'retry') steps.push(outcome.delayMs);
    },
    nextDue: () => nextDue(database),
    prepare: () => requeueCutOff(database, env.now()),
    now: env.now,
    online: env.online,
    setAlarm: async (when) => alarm(when),
  });
  return { kick: () => void runner.kick(), kill: () => runner.dispose() };
};

/** The design it replaced: one batch of up to 100 at a time; the wait is timed from the batch's end. */
const batched: Design = (database, env, steps) => {
  let running = false;
  let again = false;
  let dead = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (): Promise<void> => {
    if (running) return void (again = true);
    running = true;
    try {
      const report = await deliverDue(env, database, { batch: 100 });
      const next = report.nextAttemptAt;
      clearTimeout(timer);
      if (next !== null && !dead) timer = setTimeout(() => void run(), Math.max(next - env.now(), report.attempted > 0 ? 0 : 1_000));
    } catch {
      // The connection closed under it: the next worker carries on.
    } finally {
      running = false;
      if (again && !dead) {
        again = false;
        void run();
      }
    }
  };
  // Retry steps, read back from the items after each batch.
  const watch = setInterval(() => {
    void database.outbox
      .where('status')
      .equals('queued')
      .each((item) => {
        if (item.attempts > 0 && item.lastAttemptAt) steps.push(item.nextAttemptAt - item.lastAttemptAt);
      })
      .catch(() => {});
  }, 1_000);
  return {
    kick: () => void run(),
    kill: () => {
      dead = true;
      clearTimeout(timer);
      clearInterval(watch);
    },
  };
};

interface FaultRun {
  p50: number;
  p95: number;
  max: number;
  drainAfterLastMs: number;
  largestStepMs: number;
  requests: number;
  delivered: number;
  /** Not delivered by the deadline but still in the outbox, waiting for its next try: not lost. */
  waiting: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function faultRun(design: Design, seed: number, maxInARow?: number): Promise<FaultRun> {
  const endpoint = await faultyEndpoint(seed, maxInARow);
  const name = `bench-outbox-${seed}-${Math.random()}`;
  const panel = new CoachmarkDB(name);
  await panel.open();
  let offline = false;
  const steps: number[] = [];
  const environment = (): DeliveryEnvironment => ({
    fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    now: () => Date.now(),
    random: seeded(seed + 1),
    secret: async () => '',
    timeoutMs: RETRY.timeoutMs,
    online: () => !offline,
    // As the background's: a new worker starts with no memory of what the endpoint accepted.
    accepted: new Map(),
  });
  let alarmTimer: ReturnType<typeof setTimeout> | undefined;
  const alarm: Alarm = (when) => {
    clearTimeout(alarmTimer);
    if (when !== null) alarmTimer = setTimeout(() => worker.kick(), Math.max(0, when - Date.now()));
  };
  let connection = new CoachmarkDB(name);
  let worker = design(connection, environment(), steps, alarm);
  const start = Date.now();
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  for (const at of KILLS_AT_MS) {
    timers.push(
      setTimeout(() => {
        worker.kill();
        connection.close();
        connection = new CoachmarkDB(name);
        worker = design(connection, environment(), steps, alarm);
        worker.kick();
      }, at),
    );
  }
  timers.push(setTimeout(() => (offline = true), OFFLINE_FROM_MS));
  timers.push(
    setTimeout(() => {
      offline = false;
      worker.kick(); // the 'online' event
    }, OFFLINE_FROM_MS + OFFLINE_FOR_MS),
  );
  const queuedAt = new Map<string, number>();
  for (let index = 0; index < PINGS; index++) {
    const at = start + index * SPACING_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    const id = `ping-${seed}-${index}`;
    queuedAt.set(id, Date.now());
    await enqueue(ping(id, Date.now()), { url: endpoint.url, format: 'json' }, panel, Date.now());
    worker.kick(); // the panel's wake-up message
  }
  const lastQueued = Date.now();
  // Bounded: ten minutes at most, then whatever is missing counts as not delivered.
  const deadline = lastQueued + 10 * 60_000;
  while (endpoint.deliveredAt.size < PINGS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  worker.kill();
  timers.forEach(clearTimeout);
  clearTimeout(alarmTimer);
  const latencies = [...endpoint.deliveredAt].map(([id, at]) => at - queuedAt.get(id)!).sort((a, b) => a - b);
  const lastDelivered = Math.max(...endpoint.deliveredAt.values());
  const waiting = await panel.outbox.where('status').anyOf('queued', 'sending').count();
  await endpoint.close();
  connection.close();
  await panel.delete();
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    drainAfterLastMs: lastDelivered - lastQueued,
    // A request with no answer waits out the timeout: that is a wait the design applies too.
    largestStepMs: Math.max(RETRY_AFTER_S * 1000, RETRY.timeoutMs, ...steps),
    requests: endpoint.requests,
    delivered: endpoint.deliveredAt.size,
    waiting,
  };
}

/** Median time to deliver one ping (claim, post, record) with `sentRows` delivered items already kept. */
async function perPingCost(sentRows: number, claim: 'indexed' | 'scan'): Promise<number> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const database = new CoachmarkDB(`bench-outbox-cost-${sentRows}-${claim}-${Math.random()}`);
  await database.open();
  const now = Date.now();
  const history: OutboxItem[] = Array.from({ length: sentRows }, (_, index) => {
    const at = now - (index + 1) * 60_000;
    return {
      id: `sent-${index}`,
      kind: 'help-request',
      payload: ping(`sent-${index}`, at),
      endpoint: { url, format: 'json' },
      status: 'sent',
      attempts: 1,
      createdAt: at,
      nextAttemptAt: at,
      sentAt: at,
    };
  });
  await database.outbox.bulkAdd(history);
  const env: DeliveryEnvironment = {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
    secret: async () => '',
  };
  const times: number[] = [];
  for (let round = 0; round < 25; round++) {
    await enqueue(ping(`cost-${round}`, Date.now()), { url, format: 'json' }, database, Date.now());
    const started = performance.now();
    if (claim === 'indexed') {
      await deliverDue(env, database);
    } else {
      // The scan the indexed claim replaced: every row with a past due time, sent or not.
      const due = await database.outbox.where('nextAttemptAt').belowOrEqual(Date.now()).toArray();
      const item = due.find((candidate) => candidate.status === 'queued');
      if (item) {
        await database.outbox.update(item.id, { status: 'sending', attempts: 1, lastAttemptAt: Date.now() });
        await deliverClaimed({ ...item, status: 'sending', attempts: 1 }, env, database);
      }
      // And its next-due read: every queued or sending row.
      await database.outbox.where('status').anyOf('queued', 'sending').toArray();
    }
    times.push(performance.now() - started);
  }
  await database.delete();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchOutbox(): Promise<BenchSection> {
  const quiet = console.error;
  console.error = () => {}; // the killed workers' closed connections, expected here
  let runs: FaultRun[];
  try {
    // Four runs at once on separate endpoints and databases: they wait on the network and timers, not the CPU.
    runs = await Promise.all([faultRun(current, 11), faultRun(batched, 11), faultRun(current, 12, 3), faultRun(batched, 12, 3)]);
  } finally {
    console.error = quiet;
  }
  const [now, before, flakyNow, flakyBefore] = runs as [FaultRun, FaultRun, FaultRun, FaultRun];
  await perPingCost(0, 'indexed'); // warm-up: module loading and JIT count against nobody
  await perPingCost(0, 'scan');
  const [empty, full, scanEmpty, scanFull] = [
    await perPingCost(0, 'indexed'),
    await perPingCost(10_000, 'indexed'),
    await perPingCost(0, 'scan'),
    await perPingCost(10_000, 'scan'),
  ];
  const faultRows = (label: string, now: FaultRun, before: FaultRun): BenchSection['rows'] => {
    const step = now.largestStepMs;
    return [
      {
        name: `${label}: pings delivered within 10 min of the last (${now.waiting} still queued, not lost)`,
        value: now.delivered,
        unit: `of ${PINGS}`,
        goal: `${PINGS}`,
        baseline: before.delivered,
      },
      { name: '  ping latency p50 (queued → first 2xx at the endpoint)', value: now.p50, unit: 'ms', baseline: before.p50 },
      {
        name: '  ping latency p95',
        value: now.p95,
        unit: 'ms',
        goal: `≤ ${(2 * step).toLocaleString('en')} ms (2 × largest Retry-After, backoff step or timeout applied, ${step.toLocaleString('en')} ms)`,
        baseline: before.p95,
      },
      { name: '  ping latency max', value: now.max, unit: 'ms', baseline: before.max },
      {
        name: '  drain: last delivery after the last ping',
        value: now.drainAfterLastMs,
        unit: 'ms',
        goal: '≤ 60000 ms',
        baseline: before.drainAfterLastMs,
      },
      { name: '  requests the endpoint saw', value: now.requests, unit: 'requests', baseline: before.requests },
    ];
  };
  return {
    title: `Outbox under faults (${PINGS} pings, half the requests failing: 500, 429 Retry-After ${RETRY_AFTER_S} s, dropped, no answer; 3 worker kills, ${OFFLINE_FOR_MS / 1000} s offline; real time, loopback endpoint) — baseline: one batch at a time`,
    rows: [
      ...faultRows('every request a coin toss', now, before),
      ...faultRows('flaky (a ping fails at most 3 times in a row)', flakyNow, flakyBefore),
      { name: 'deliver one ping, 0 sent rows kept', value: empty, unit: 'ms', baseline: scanEmpty },
      {
        name: 'deliver one ping, 10,000 sent rows kept (baseline: scan by due time)',
        value: full,
        unit: 'ms',
        goal: `at most 20 % above 0 rows (${full >= empty ? '+' : ''}${((full / empty - 1) * 100).toFixed(0)} %)`,
        baseline: scanFull,
      },
    ],
  };
}
