import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/database';
import { makeEvent, seeded, teacherOf } from '../../scripts/bench/hub-events';
import { startHubProcess, type HubProcess } from '../../scripts/bench/hub-process';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import { runOutboxes } from './support/crash-outbox';
import { createTestStorage, TEST_DATABASE, type TestStorage } from './support/hub';

/**
 * The Hub killed with SIGKILL in the middle of a load, three times, and started again on the
 * same data (the same embedded data folder, or the same PostgreSQL database): every event the
 * teachers' outboxes got a 2xx for is stored, and each exactly once. The Hub runs as its own
 * process so that the kill takes all of it, database included (the embedded database lives in
 * the Hub's process).
 */

const CLIENTS = 20;
const EVENTS_PER_CLIENT = 75;
const EVENTS = CLIENTS * EVENTS_PER_CLIENT;
/** Kills when this share of the events has been acknowledged. */
const KILL_AT = [0.25, 0.5, 0.75];
const SECRET = 'crash-test-secret';
/** The whole run: four Hub starts and the load, on a slow machine. */
const RUN_LIMIT_MS = 240_000;

const storages: TestStorage[] = [];
const hubProcesses: HubProcess[] = [];
afterAll(async () => {
  // A failed assertion leaves the last Hub running: it goes before its data does.
  await Promise.all(hubProcesses.map((hub) => hub.kill()));
  for (const storage of storages) await storage.remove();
});

function teachersEvents(seed: number): OutgoingPayload[][] {
  const random = seeded(seed);
  return Array.from({ length: CLIENTS }, (_, client) =>
    Array.from({ length: EVENTS_PER_CLIENT }, (_, index) => {
      const teacher = teacherOf(client, index % 4);
      return makeEvent(random, randomUUID(), teacher.name, teacher.school);
    }),
  );
}

describe(`the Hub killed mid-load (${TEST_DATABASE})`, () => {
  it(
    'keeps every acknowledged event, once, across SIGKILL and restart',
    async () => {
      const storage = await createTestStorage();
      storages.push(storage);
      const env: Record<string, string> = {
        HUB_SECRET: SECRET,
        // Twenty clients from one address: the per-client limit would answer 429 and measure
        // the limiter; this test is about what survives a kill.
        HUB_RATE_LIMIT: '0',
        HUB_LOG_LEVEL: 'warn',
        ...(storage.databaseUrl ? { HUB_DATABASE_URL: storage.databaseUrl } : { HUB_DATA_DIR: storage.dataDir }),
      };
      const startedAt = Date.now();
      let hub: HubProcess = await startHubProcess({ env });
      hubProcesses.push(hub);
      const port = hub.port;
      let life = 0;
      let restartError: Error | null = null;
      let restarting: Promise<void> | null = null;
      const kills: number[] = [];
      const events = teachersEvents(13);

      const clients = runOutboxes({
        events,
        secret: SECRET,
        hubUrl: () => hub.url,
        life: () => life,
        resendShare: 0.2,
        random: seeded(31),
        requestTimeoutMs: 20_000,
        stopped: () => restartError !== null || Date.now() - startedAt > RUN_LIMIT_MS,
        onAcknowledged(count) {
          const next = KILL_AT[kills.length];
          if (restarting || next === undefined || count < next * EVENTS) return;
          kills.push(count);
          clients.markKill();
          restarting = (async () => {
            await hub.kill();
            try {
              hub = await startHubProcess({ env, port });
              hubProcesses.push(hub);
              life++;
            } catch (error) {
              restartError = error instanceof Error ? error : new Error(String(error));
            }
          })().finally(() => (restarting = null));
        },
      });
      const run = await clients.done;
      await restarting;
      expect(restartError, 'the Hub could not start again on its own data after the kill').toBeNull();
      expect(await hub.stop(), hub.output()).toBe(0);

      const database = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
      let rows: number;
      let distinct: number;
      let stored: Set<string>;
      try {
        const [counts] = await database.query<{ rows: number; ids: number }>(
          'SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM events',
        );
        rows = counts!.rows;
        distinct = counts!.ids;
        stored = new Set((await database.query<{ id: string }>('SELECT id FROM events')).map((row) => row.id));
      } finally {
        await database.close();
      }

      const allIds = events.flat().map((event) => event.id);
      const acknowledged = new Set(run.answers.map((answer) => answer.id));
      const inFlight = run.inFlightAtKill.map((ids) => ids.size);
      console.info(
        `crash (${TEST_DATABASE}): killed at ${kills.join(', ')} acknowledged, ${inFlight.join(', ')} requests in flight; ` +
          `${run.unanswered} requests without an answer; ${rows} stored of ${acknowledged.size} acknowledged`,
      );
      // The kills happened in the middle of the load, with requests on the wire.
      expect(kills).toHaveLength(KILL_AT.length);
      expect(life).toBe(KILL_AT.length);
      expect(run.inFlightAtKill.reduce((sum, ids) => sum + ids.size, 0)).toBeGreaterThan(0);
      expect(run.unanswered).toBeGreaterThan(0);
      // Nothing the Hub should have taken was refused, and every event was acknowledged in the end.
      expect(run.refused).toEqual([]);
      expect(allIds.filter((id) => !acknowledged.has(id))).toEqual([]);
      // A 202 for an event that already had a 2xx would mean the Hub forgot it (and stored the resend).
      const accepted = run.answers.filter((answer) => answer.status === 202).map((answer) => answer.id);
      expect(accepted.filter((id, index) => accepted.indexOf(id) !== index)).toEqual([]);
      // Every event acknowledged before a kill is still there after it.
      for (const before of run.acknowledgedBeforeKill) expect([...before].filter((id) => !stored.has(id))).toEqual([]);
      // Stored exactly the acknowledged events, each once.
      expect(rows).toBe(distinct);
      expect(rows).toBe(acknowledged.size);
      expect([...stored].filter((id) => !acknowledged.has(id))).toEqual([]);
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
      // A resend after a 2xx is a duplicate, also when an earlier Hub process gave that 2xx.
      const resends = run.answers.filter((answer) => answer.resend);
      expect(resends.length).toBeGreaterThan(0);
      expect(resends.filter((answer) => answer.status !== 200)).toEqual([]);
    },
    RUN_LIMIT_MS + 60_000,
  );
});
