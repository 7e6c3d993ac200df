import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { configFromEnv, type HubConfig } from './config';
import { openDatabase, type Database } from './database';
import { createApp } from './app';
import { startForwarder, type Forwarder } from './forwarder';
import { seedCoachToken } from './store';

export interface RunningHub {
  /** http://HOST:PORT, without a trailing slash. */
  url: string;
  config: HubConfig;
  database: Database;
  logger: Logger;
  /** Stops taking connections, finishes the requests in flight and the forwarding in flight, closes the database. */
  close(): Promise<void>;
}

export type HubOptions = Partial<HubConfig> & {
  fetch?: typeof fetch;
  logger?: Logger;
  /** How often the forwarding queue is looked at, and the jitter of its backoff (tests make retries quick). */
  forwardPollMs?: number;
  forwardRandom?: () => number;
};

/** Starts a Hub: the environment's settings (HUB_*) under the options given. */
export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const { fetch: forwardFetch, logger: given, forwardPollMs, forwardRandom, ...overrides } = options;
  const config: HubConfig = { ...configFromEnv(), ...overrides };
  const logger = given ?? pino({ level: config.logLevel, base: { service: 'coachmark-hub' } });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (config.coachToken) await seedCoachToken(database, config.coachToken);

  let forwarder: Forwarder | null = null;
  const app = createApp({ config, database, logger, onQueued: () => forwarder?.wake() });
  forwarder = startForwarder({ database, logger, fetch: forwardFetch, pollMs: forwardPollMs, random: forwardRandom });

  const server: ServerType = await new Promise((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    config: { ...config, port: address.port },
    database,
    logger,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections with no request in flight would hold close() open.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await forwarder?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
