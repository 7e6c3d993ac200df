import type { Logger } from 'pino';
import type { Database } from './database';
import { buildRequest } from '../utils/endpoints/index';
import type { EndpointFormat, OutgoingPayload } from '../utils/endpoints/types';
import { backoffDelay, classifyResponse, RETRY } from '../utils/outbox/retry';

/**
 * Sends queued events on to the school's chat with the extension's own message builders, and
 * retries with the outbox's backoff until the chat takes them. The queue is a table: a worker
 * claims due rows with FOR UPDATE SKIP LOCKED and leases them (next_attempt_at moves past the
 * request's timeout), so several Hub processes share it, and a process killed mid-send leaves
 * its rows to be claimed again once the lease runs out. Delivery to a chat is at least once;
 * the Idempotency-Key header lets a JSON receiver drop a repeat.
 */

export interface ForwarderOptions {
  database: Database;
  logger: Logger;
  fetch?: typeof fetch;
  /** How often the queue is looked at when nothing new arrived. */
  pollMs?: number;
  random?: () => number;
}

export interface Forwarder {
  /** Look at the queue now (after an event was stored). */
  wake(): void;
  /** Stops claiming; resolves when the sends in flight have finished. */
  stop(): Promise<void>;
}

const BATCH = 10;
/** A claimed row is due again after this, should its process die before recording the answer. */
const LEASE_MS = RETRY.timeoutMs + 15_000;
/** After this many failed attempts (a deleted webhook), the row is kept as failed, not retried forever. */
const MAX_ATTEMPTS = 40;

interface Claimed {
  id: string;
  event_id: string;
  format: EndpointFormat;
  url: string;
  attempts: number;
  payload: OutgoingPayload;
}

export function startForwarder(options: ForwarderOptions): Forwarder {
  const { database, logger } = options;
  const send = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const claim = () =>
    database.transaction((tx) =>
      tx.query<Claimed>(
        `WITH due AS (
           SELECT id FROM forward_queue
            WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         UPDATE forward_queue q SET attempts = q.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
           FROM due, events e
          WHERE q.id = due.id AND e.id = q.event_id
        RETURNING q.id::text AS id, q.event_id, q.format, q.url, q.attempts, e.payload`,
        [LEASE_MS / 1000],
      ),
    );

  async function deliver(row: Claimed) {
    let outcome;
    try {
      const request = await buildRequest(row.format, row.payload);
      const response = await send(row.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'error',
        signal: AbortSignal.timeout(RETRY.timeoutMs),
      });
      await response.body?.cancel();
      outcome = classifyResponse(response.status, response.headers.get('Retry-After'), row.attempts, { now: Date.now, random });
    } catch (error) {
      outcome = { kind: 'retry' as const, delayMs: backoffDelay(row.attempts, random), error: String(error) };
    }
    if (outcome.kind === 'sent') {
      await database.query('UPDATE forward_queue SET delivered_at = now(), last_error = NULL WHERE id = $1', [row.id]);
      logger.info({ event: row.event_id, attempts: row.attempts }, 'forwarded to the chat');
      return;
    }
    const error = 'status' in outcome && outcome.status ? `HTTP ${outcome.status}` : String(outcome.error);
    if (outcome.kind === 'failed' || row.attempts >= MAX_ATTEMPTS) {
      await database.query('UPDATE forward_queue SET failed_at = now(), last_error = $2 WHERE id = $1', [row.id, error]);
      logger.error({ event: row.event_id, attempts: row.attempts, error }, 'the chat refused a forwarded event; kept as failed');
      return;
    }
    await database.query('UPDATE forward_queue SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1', [
      row.id,
      outcome.delayMs / 1000,
      error,
    ]);
    logger.warn({ event: row.event_id, attempts: row.attempts, error, retryInMs: outcome.delayMs }, 'forwarding failed; will retry');
  }

  async function drain() {
    do {
      again = false;
      let rows: Claimed[];
      try {
        rows = await claim();
      } catch (error) {
        logger.error({ error: String(error) }, 'could not read the forwarding queue');
        return;
      }
      await Promise.all(
        rows.map((row) => deliver(row).catch((error) => logger.error({ error: String(error) }, 'forwarding bookkeeping failed'))),
      );
      if (rows.length === BATCH) again = true;
    } while (again && !stopped);
  }

  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
    });
  }

  const timer = setInterval(wake, options.pollMs ?? 5_000);
  timer.unref();
  wake();

  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
