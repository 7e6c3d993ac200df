import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../hub/database';
import { createCoachToken } from '../../hub/store';
import { createTestStorage, startTestHub, TEST_DATABASE, type TestStorage } from './support/hub';
import { newGapFlag, newPack } from './support/payloads';

/** The numbered migrations: applied once, and a restarted Hub finds everything it had. */

const MIGRATIONS = readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../hub/migrations'))
  .filter((name) => /^\d+_.+\.sql$/.test(name))
  .map((name) => Number.parseInt(name, 10))
  .sort((a, b) => a - b);

let storage: TestStorage;
beforeAll(async () => {
  storage = await createTestStorage();
});
afterAll(() => storage?.remove());

const appliedVersions = async (query: (sql: string) => Promise<Array<{ version: number }>>) =>
  (await query('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);

describe('migrations', () => {
  it('keeps every event, flag status, pack and token across a restart, and applies nothing twice', async () => {
    const flag = newGapFlag();
    const pack = newPack();
    const first = await startTestHub({ storage });
    let token: string;
    try {
      expect(await appliedVersions((sql) => first.hub.database.query(sql))).toEqual(MIGRATIONS);
      expect((await first.send(flag)).status).toBe(202);
      expect((await first.coach(`/v1/flags/${flag.id}/resolve`, { method: 'POST' })).status).toBe(200);
      expect((await first.coach(`/v1/packs/${pack.id}`, { method: 'PUT', body: JSON.stringify(pack) })).status).toBe(200);
      token = await createCoachToken(first.hub.database, 'Ms. Rivera');
    } finally {
      await first.close();
    }

    const second = await startTestHub({ storage });
    try {
      expect(await migrate(second.hub.database)).toEqual([]);
      expect(await appliedVersions((sql) => second.hub.database.query(sql))).toEqual(MIGRATIONS);
      expect(await second.stored(flag.id)).toBe(1);
      expect((await second.send(flag)).status).toBe(200);
      const { flags } = (await (await second.coach('/v1/flags')).json()) as { flags: Array<{ id: string; status: string }> };
      expect(flags).toEqual([expect.objectContaining({ id: flag.id, status: 'resolved' })]);
      expect(await (await fetch(`${second.url}/v1/packs/${pack.id}`)).json()).toEqual(pack);
      const coach = await fetch(`${second.url}/v1/coach`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await coach.json()).toEqual({ coach: { name: 'Ms. Rivera' } });
      // The seeded HUB_COACH_TOKEN is not added again on restart.
      const tokens = await second.hub.database.query<{ n: number }>('SELECT count(*)::int AS n FROM coach_tokens');
      expect(tokens).toEqual([{ n: 2 }]);
    } finally {
      await second.close();
    }
  });

  it.runIf(TEST_DATABASE === 'postgres')('migrates a new database once when several Hubs start on it together', async () => {
    const fresh = await createTestStorage();
    try {
      const databases = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir })),
      );
      try {
        expect(await appliedVersions((sql) => databases[0]!.query(sql))).toEqual(MIGRATIONS);
      } finally {
        await Promise.all(databases.map((database) => database.close()));
      }
    } finally {
      await fresh.remove();
    }
  });
});
