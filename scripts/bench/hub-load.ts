import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../hub/database';
import { startPgCluster } from '../pg-cluster';
import { BAD_SIGNATURES, makeEvent, postEvent, seeded, signedRequest, teacherOf, type EventKind } from './hub-events';
import { startHubProcess, type HubProcess } from './hub-process';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import type { BenchSection } from './types';

/**
 * The Hub under load, each Hub its own process on loopback: 10,000 events from 50 concurrent
 * clients, of which 20 % are retries of a key already sent (same body, signed again, as the
 * outbox resends) and 5 % carry a bad signature. Three set-ups: the embedded database (PGlite),
 * PostgreSQL, and two Hub processes on one PostgreSQL with the clients alternating between
 * them (so a retry often reaches the other process). After each run the Hubs stop and the
 * `events` table is read back: it must hold every unique valid event once and nothing else.
 * Unlike the other sections this one fails (exit code 1) when it does not.
 */

const CLIENTS = 50;
const FRESH_PER_CLIENT = 150;
const RETRIES_PER_CLIENT = 40;
const BAD_PER_CLIENT = 10;
const REQUESTS = CLIENTS * (FRESH_PER_CLIENT + RETRIES_PER_CLIENT + BAD_PER_CLIENT);
/**
 * Each client is one school's worth of teachers, each teacher with an address of their own in
 * X-Forwarded-For (the Hubs trust it, as behind a load balancer). The rate limit stays at its
 * default, so its cost is measured and it applies per teacher as deployed: about 20 requests
 * per teacher in a run stay inside the default burst. One address per client would instead
 * make 200 requests in a few seconds look like one teacher flooding the Hub and measure 429s.
 */
const TEACHERS_PER_CLIENT = 10;
const SECRET = 'bench-shared-secret';
const REQUEST_TIMEOUT_MS = 30_000;
/** The whole load of one set-up; past it the run counts as failed. */
const RUN_TIMEOUT_MS = 180_000;
const START_TIMEOUT_MS = 180_000;

type Step = 'fresh' | 'retry' | 'bad';

interface LoadResult {
  seconds: number;
  latencies: number[];
  /** Unique valid events sent (each fresh key, once). */
  unique: Map<string, EventKind>;
  answers: Record<'accepted' | 'duplicate' | 'unauthorized' | 'rateLimited' | 'unexpected', number>;
  problems: string[];
}

/** A client's 200 requests in a shuffled order; the first one is always new (nothing to retry yet). */
function planFor(random: () => number): Step[] {
  const steps: Step[] = [
    ...Array<Step>(FRESH_PER_CLIENT).fill('fresh'),
    ...Array<Step>(RETRIES_PER_CLIENT).fill('retry'),
    ...Array<Step>(BAD_PER_CLIENT).fill('bad'),
  ];
  for (let index = steps.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [steps[index], steps[other]] = [steps[other]!, steps[index]!];
  }
  const first = steps.indexOf('fresh');
  [steps[0], steps[first]] = [steps[first]!, steps[0]!];
  return steps;
}

async function runLoad(hubs: HubProcess[], seed: number): Promise<LoadResult> {
  const result: LoadResult = {
    seconds: 0,
    latencies: [],
    unique: new Map(),
    answers: { accepted: 0, duplicate: 0, unauthorized: 0, rateLimited: 0, unexpected: 0 },
    problems: [],
  };
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  const note = (problem: string) => {
    result.answers.unexpected++;
    if (result.problems.length < 5) result.problems.push(problem);
  };

  const client = async (index: number) => {
    const random = seeded(seed * 1000 + index);
    const sent: OutgoingPayload[] = [];
    for (const [position, step] of planFor(random).entries()) {
      if (Date.now() > deadline) return note(`client ${index}: the run passed its ${RUN_TIMEOUT_MS / 1000} s limit`);
      const teacherIndex = Math.floor(random() * TEACHERS_PER_CLIENT);
      const teacher = teacherOf(index, teacherIndex);
      let payload: OutgoingPayload;
      if (step === 'retry') payload = sent[Math.floor(random() * sent.length)]!;
      else payload = makeEvent(random, crypto.randomUUID(), teacher.name, teacher.school);
      if (step === 'fresh') {
        sent.push(payload);
        result.unique.set(payload.id, payload.type);
      }
      const hub = hubs[(index + position) % hubs.length]!;
      const forwardedFor = `10.${Math.floor(index / 250)}.${index % 250}.${teacherIndex + 1}`;
      for (;;) {
        const request = await signedRequest(payload, SECRET, step === 'bad' ? BAD_SIGNATURES[position % BAD_SIGNATURES.length] : undefined);
        const started = performance.now();
        let answer;
        try {
          answer = await postEvent(hub.url, request, { forwardedFor, timeoutMs: REQUEST_TIMEOUT_MS });
        } catch (error) {
          note(`${step} ${payload.id}: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
        result.latencies.push(performance.now() - started);
        if (answer.status === 429) {
          // As the outbox does: wait what the Hub asks, then send the same event again.
          result.answers.rateLimited++;
          await new Promise((resolve) => setTimeout(resolve, (answer.retryAfter ?? 1) * 1000));
          continue;
        }
        const expected = step === 'fresh' ? [202, 'accepted'] : step === 'retry' ? [200, 'duplicate'] : [401, undefined];
        if (answer.status !== expected[0] || (expected[1] && answer.outcome !== expected[1])) {
          note(`${step} ${payload.id}: answered ${answer.status} ${answer.outcome ?? ''}, expected ${expected.join(' ')}`);
        } else if (step === 'fresh') result.answers.accepted++;
        else if (step === 'retry') result.answers.duplicate++;
        else result.answers.unauthorized++;
        break;
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

interface StoredCheck {
  rows: number;
  duplicates: number;
  missing: number;
  extra: number;
  flags: number;
  volunteers: number;
}

/** Reads the events table back (the Hubs have stopped, so an embedded data folder is free to open). */
async function readBack(target: { databaseUrl?: string; dataDir: string }, unique: Map<string, EventKind>): Promise<StoredCheck> {
  const database = await openDatabase(target);
  try {
    const [counts] = await database.query<{ rows: number; ids: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM events',
    );
    const ids = new Set((await database.query<{ id: string }>('SELECT id FROM events')).map((row) => row.id));
    const [flags] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM flags');
    const [volunteers] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM volunteers');
    return {
      rows: counts!.rows,
      duplicates: counts!.rows - counts!.ids,
      missing: [...unique.keys()].filter((id) => !ids.has(id)).length,
      extra: [...ids].filter((id) => !unique.has(id)).length,
      flags: flags!.n,
      volunteers: volunteers!.n,
    };
  } finally {
    await database.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface Figures {
  label: string;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  unique: number;
  stored: StoredCheck;
  load: LoadResult;
  /** CPU per request: the Hub processes together, and the bench's own clients. */
  hubCpuMs: number;
  clientCpuMs: number;
  failures: string[];
}

async function measure(
  label: string,
  target: { databaseUrl?: string; dataDir: string },
  processes: number,
  seed: number,
): Promise<Figures> {
  const env: Record<string, string> = {
    HUB_SECRET: SECRET,
    HUB_TRUST_PROXY: '1',
    ...(target.databaseUrl ? { HUB_DATABASE_URL: target.databaseUrl } : { HUB_DATA_DIR: target.dataDir }),
  };
  // Started together: two processes on one new database also exercise the migration lock.
  const starts = await Promise.allSettled(
    Array.from({ length: processes }, () => startHubProcess({ env, startTimeoutMs: START_TIMEOUT_MS })),
  );
  const hubs = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  const failedStart = starts.find((start) => start.status === 'rejected');
  if (failedStart) {
    await Promise.all(hubs.map((hub) => hub.stop()));
    throw failedStart.reason;
  }
  let load: LoadResult;
  const cpuBefore = hubs.map((hub) => hub.cpuMs());
  const clientCpuBefore = process.cpuUsage();
  let hubCpuMs = Number.NaN;
  let clientCpuMs = Number.NaN;
  try {
    load = await runLoad(hubs, seed);
    hubCpuMs = hubs.reduce((sum, hub, index) => sum + hub.cpuMs() - cpuBefore[index]!, 0);
    const clientCpu = process.cpuUsage(clientCpuBefore);
    clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
  } finally {
    const codes = await Promise.all(hubs.map((hub) => hub.stop()));
    if (codes.some((code) => code !== 0))
      console.error(`${label}: a Hub exited with ${codes.join(', ')}\n${hubs.map((hub) => hub.output()).join('\n')}`);
  }
  const stored = await readBack(target, load.unique);
  const sorted = [...load.latencies].sort((a, b) => a - b);
  const typeCount = (type: EventKind) => [...load.unique.values()].filter((kind) => kind === type).length;
  const failures = [
    ...load.problems,
    ...(stored.rows !== load.unique.size ? [`stored ${stored.rows} events, sent ${load.unique.size} unique valid ones`] : []),
    ...(stored.duplicates > 0 ? [`${stored.duplicates} events stored twice`] : []),
    ...(stored.missing > 0 || stored.extra > 0
      ? [`${stored.missing} valid events missing, ${stored.extra} stored that no valid request sent`]
      : []),
    ...(stored.flags !== typeCount('gap-flag') ? [`${stored.flags} inbox flags for ${typeCount('gap-flag')} gap flags`] : []),
    ...(stored.volunteers !== typeCount('mentor-volunteer')
      ? [`${stored.volunteers} volunteers for ${typeCount('mentor-volunteer')} offers`]
      : []),
    ...(load.answers.unauthorized !== CLIENTS * BAD_PER_CLIENT
      ? [`${load.answers.unauthorized} answers 401 for ${CLIENTS * BAD_PER_CLIENT} bad signatures`]
      : []),
  ];
  return {
    label,
    eventsPerSecond: REQUESTS / load.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    unique: load.unique.size,
    stored,
    load,
    hubCpuMs: hubCpuMs / REQUESTS,
    clientCpuMs: clientCpuMs / REQUESTS,
    failures,
  };
}

function rows(figures: Figures, baseline?: Figures): BenchSection['rows'] {
  const { label, load, stored } = figures;
  return [
    {
      name: `${label}: events/s (${REQUESTS.toLocaleString('en')} requests ÷ wall time)`,
      value: figures.eventsPerSecond,
      unit: 'events/s',
      baseline: baseline?.eventsPerSecond,
    },
    { name: '  latency p50 (one request, client side)', value: figures.p50, unit: 'ms', baseline: baseline?.p50 },
    { name: '  latency p95', value: figures.p95, unit: 'ms', baseline: baseline?.p95 },
    {
      name: '  Hub CPU per request (all Hub processes; PostgreSQL itself not counted)',
      value: figures.hubCpuMs,
      unit: 'ms',
      baseline: baseline?.hubCpuMs,
    },
    { name: '  bench clients’ CPU per request (signing, HTTP)', value: figures.clientCpuMs, unit: 'ms' },
    {
      name: '  stored (rows in events, read back)',
      value: stored.rows,
      unit: 'events',
      goal: `= ${figures.unique.toLocaleString('en')} unique valid`,
    },
    { name: '  duplicates stored', value: stored.duplicates, unit: 'events', goal: '0' },
    {
      name: `  401s (bad signatures: ${BAD_SIGNATURES.join(', ')})`,
      value: load.answers.unauthorized,
      unit: 'answers',
      goal: `= ${CLIENTS * BAD_PER_CLIENT}`,
    },
    { name: '  retries answered 200 duplicate', value: load.answers.duplicate, unit: 'answers', goal: `= ${CLIENTS * RETRIES_PER_CLIENT}` },
    {
      name: '  429s (then resent after Retry-After) / other answers',
      value: load.answers.rateLimited,
      unit: `/ ${load.answers.unexpected}`,
      goal: '0 / 0',
    },
  ];
}

export async function benchHubLoad(): Promise<BenchSection> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coachmark-hub-bench-'));
  const cluster = await startPgCluster();
  try {
    const embedded = await measure('embedded database (PGlite), 1 Hub', { dataDir: path.join(dataDir, 'embedded') }, 1, 1);
    const postgres = await measure('PostgreSQL, 1 Hub', { databaseUrl: cluster.createDatabase('bench_one_hub'), dataDir }, 1, 2);
    const twoHubs = await measure(
      'PostgreSQL, 2 Hubs (clients alternate)',
      { databaseUrl: cluster.createDatabase('bench_two_hubs'), dataDir },
      2,
      3,
    );
    const all = [embedded, postgres, twoHubs];
    const failures = all.flatMap((figures) => figures.failures.map((failure) => `${figures.label}: ${failure}`));
    if (failures.length > 0) {
      // The figures still print; the exit code tells CI the Hub lost or doubled events.
      process.exitCode = 1;
      console.error(`\nHub load: exactly-once check FAILED\n  ${failures.join('\n  ')}`);
    }
    return {
      title:
        `Hub under load (${REQUESTS.toLocaleString('en')} events from ${CLIENTS} concurrent clients, 20 % retries of a sent key, 5 % bad signatures; ` +
        `each Hub its own process, loopback) — baseline: the embedded database, 1 Hub${failures.length > 0 ? ' — EXACTLY-ONCE CHECK FAILED' : ''}`,
      rows: [
        ...rows(embedded),
        ...rows(postgres, embedded),
        ...rows(twoHubs, embedded),
        {
          name: `2 Hubs ÷ 1 Hub on PostgreSQL, events/s (${availableParallelism()} cores shared by Hubs, PostgreSQL and clients)`,
          value: twoHubs.eventsPerSecond / postgres.eventsPerSecond,
          unit: '×',
        },
        { name: 'PostgreSQL ÷ embedded, events/s (1 Hub each)', value: postgres.eventsPerSecond / embedded.eventsPerSecond, unit: '×' },
      ],
    };
  } finally {
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
