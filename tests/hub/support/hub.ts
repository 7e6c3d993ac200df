import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../../hub/server';
import { buildRequest } from '../../../utils/endpoints/index';
import type { OutgoingPayload } from '../../../utils/endpoints/types';
import { testDatabase, type TestDatabase } from './database-choice';

/**
 * A Hub in this process, on 127.0.0.1 and a free port, over a database of its own: a copy of
 * the migrated embedded database in a temporary folder, or a new database on the PostgreSQL
 * server named by HUB_TEST_DATABASE_URL (HUB_TEST_DATABASE says which; `npm run test:hub`
 * runs the suite on both). Opening a database costs about a second, so a test file shares one
 * Hub between the tests that cannot disturb each other.
 */

export const TEST_DATABASE: TestDatabase = testDatabase();

/** The coach token every test Hub is seeded with; its coach is named "Coach". */
export const COACH_TOKEN = 'test-coach-token-6b1f0c2e';

/** Where one Hub's data lives; a restarted Hub given the same storage finds it again. */
export interface TestStorage {
  dataDir: string;
  /** Set on PostgreSQL: this storage's own database. */
  databaseUrl?: string;
  remove(): Promise<void>;
}

export async function createTestStorage(): Promise<TestStorage> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coachmark-hub-test-'));
  if (TEST_DATABASE === 'pglite') {
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    return { dataDir, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = process.env.HUB_TEST_DATABASE_URL!;
  // Test files run in parallel: each storage is a database of its own on the one server.
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async remove() {
      await asAdmin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function asAdmin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestHubOptions extends HubOptions {
  /** Reuse this storage (a restart); without it the Hub gets a new one, removed on close. */
  storage?: TestStorage;
}

export interface TestHub {
  url: string;
  hub: RunningHub;
  storage: TestStorage;
  /** A request with the coach token. */
  coach(route: string, init?: RequestInit): Promise<Response>;
  /** POSTs one payload to /v1/events as the extension sends it (generic JSON; signed when `secret` is given). */
  send(payload: OutgoingPayload, options?: { secret?: string; now?: number }): Promise<Response>;
  /** POSTs a body as given, with exactly these headers. */
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  /** How many events with this id the database holds. */
  stored(id: string): Promise<number>;
  close(): Promise<void>;
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const { storage: given, ...overrides } = options;
  const storage = given ?? (await createTestStorage());
  let hub: RunningHub;
  try {
    // Every setting is given, so no HUB_* variable of the machine running the tests leaks in.
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir: storage.dataDir,
      databaseUrl: storage.databaseUrl,
      coachToken: COACH_TOKEN,
      secret: undefined,
      forwardUrl: undefined,
      forwardFormat: 'json',
      forwardTypes: ['help-request'],
      rateLimitPerMinute: 0,
      trustProxy: false,
      logLevel: 'silent',
      ...overrides,
    });
  } catch (error) {
    if (!given) await storage.remove();
    throw error;
  }
  const post = (body: string, headers: Record<string, string> = {}) => fetch(`${hub.url}/v1/events`, { method: 'POST', headers, body });
  return {
    url: hub.url,
    hub,
    storage,
    coach: (route, init = {}) =>
      fetch(`${hub.url}${route}`, {
        ...init,
        headers: { Authorization: `Bearer ${COACH_TOKEN}`, ...(init.headers as Record<string, string>) },
      }),
    async send(payload, { secret, now } = {}) {
      const request = await buildRequest('json', payload, { secret, now });
      return post(request.body, request.headers);
    },
    post,
    async stored(id) {
      const [row] = await hub.database.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id = $1', [id]);
      return row!.n;
    },
    async close() {
      await hub.close();
      if (!given) await storage.remove();
    },
  };
}
