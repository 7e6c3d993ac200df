import Dexie from 'dexie';
import { db as defaultDb, type CoachmarkDB, type OutboxItem } from '../platform/db';
import { buildRequest } from '../endpoints';
import { isRequestTimeout, withTimeout } from '../platform/network.background';
import { backoffDelay, classifyResponse, RETRY, type AttemptOutcome, type DeliveryError } from './retry';

/**
 * Reliable delivery of pings and gap flags, in the background only. Every item is stored
 * before anything is sent and keeps one id (the Idempotency-Key) for all attempts, so delivery
 * is at least once and the endpoint can drop duplicates. Network errors, timeouts, 408, 429 and
 * 5xx are retried with exponential backoff and jitter (Retry-After honoured); other 4xx answers
 * stop and say why.
 */

export interface DeliveryEnvironment {
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  /** The shared secret for the JSON format, read at send time (never stored in the item). */
  secret: () => Promise<string>;
  timeoutMs?: number;
  /** Is the browser online? When false, attempts wait without counting as failures. */
  online?: () => boolean;
  /**
   * When each endpoint (by URL) last accepted a request, epoch ms: kept for the worker's life.
   * While an endpoint accepts others, a failed request's next try comes within RETRY.whileUpMaxMs.
   */
  accepted?: Map<string, number>;
}

export const browserEnvironment = (secret: () => Promise<string>): DeliveryEnvironment => ({
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  secret,
  online: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
  accepted: new Map(),
});

/**
 * Claims up to `limit` items that are due (queued and due now, or stuck in "sending" after the
 * worker stopped), oldest due first, in one transaction, so two deliveries never send the same
 * item at once. Reads by index: the cost does not grow with the sent history.
 */
export async function claimDue(database: CoachmarkDB, now: number, limit: number): Promise<OutboxItem[]> {
  if (limit <= 0) return [];
  return database.transaction('rw', database.outbox, async () => {
    const queued = await database.outbox
      .where('[status+nextAttemptAt]')
      .between(['queued', Dexie.minKey], ['queued', now], true, true)
      .limit(limit)
      .toArray();
    const stale = await database.outbox
      .where('status')
      .equals('sending')
      .filter((item) => now - (item.lastAttemptAt ?? 0) > RETRY.staleSendingMs)
      .toArray();
    const claimable = [...queued, ...stale]
      .filter((item) => item.endpoint !== null)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
      .slice(0, limit);
    for (const item of claimable) {
      item.status = 'sending';
      item.attempts += 1;
      item.lastAttemptAt = now;
      await database.outbox.put(item);
    }
    return claimable;
  });
}

/**
 * Items left in "sending" by a worker that stopped mid-request. Only the background delivers,
 * and a worker that is starting has nothing in flight, so each such item was cut off: it is due
 * again at once instead of after the stale-sending wait.
 */
export async function requeueCutOff(database: CoachmarkDB, now: number): Promise<number> {
  return database.outbox
    .where('status')
    .equals('sending')
    .modify((item) => {
      item.status = 'queued';
      item.nextAttemptAt = now;
    });
}

export interface DeliveryReport {
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  /** When the next queued item is due (epoch ms), or null when nothing waits. */
  nextAttemptAt: number | null;
}

/** Attempts one claimed item and records what came of it. */
export async function deliverClaimed(
  item: OutboxItem,
  env: DeliveryEnvironment,
  database: CoachmarkDB = defaultDb,
): Promise<AttemptOutcome> {
  const outcome = await attempt(item, env);
  await recordOutcome(database, item, outcome, env.now());
  return outcome;
}

/**
 * Sends everything that is due now, `concurrency` at a time, each slot taking the next due item
 * as soon as it is free (a slow endpoint answer holds up only its own item). Safe to call as
 * often as you like. The background's runner does the same continuously (runner.background.ts).
 */
export async function deliverDue(
  env: DeliveryEnvironment,
  database: CoachmarkDB = defaultDb,
  options: { concurrency?: number; batch?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { attempted: 0, sent: 0, retrying: 0, failed: 0, nextAttemptAt: null };
  if (env.online && !env.online()) {
    report.nextAttemptAt = await nextDue(database);
    return report;
  }
  // Only what is due when the call starts: a retry that falls due meanwhile waits for the next call.
  const startedAt = env.now();
  let budget = options.batch ?? Number.POSITIVE_INFINITY;
  const slot = async () => {
    while (budget > 0) {
      budget--;
      const [item] = await claimDue(database, startedAt, 1);
      if (!item) return;
      const outcome = await deliverClaimed(item, env, database);
      report.attempted++;
      if (outcome.kind === 'sent') report.sent++;
      else if (outcome.kind === 'retry') report.retrying++;
      else report.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DELIVERY_CONCURRENCY) }, slot));
  report.nextAttemptAt = await nextDue(database);
  return report;
}

/**
 * How many requests are in flight at once: enough that a few slow answers do not hold the rest,
 * and no more than the six connections a browser opens to one host.
 */
export const DELIVERY_CONCURRENCY = 6;

async function attempt(item: OutboxItem, env: DeliveryEnvironment): Promise<AttemptOutcome> {
  const url = item.endpoint!.url;
  // Read before the request: what this endpoint did for the other requests, not for this one.
  const lastAccepted = env.accepted?.get(url);
  const maxBackoffMs = lastAccepted !== undefined && env.now() - lastAccepted <= RETRY.upWithinMs ? RETRY.whileUpMaxMs : RETRY.maxMs;
  let outcome: AttemptOutcome;
  try {
    outcome = await withTimeout(env.timeoutMs ?? RETRY.timeoutMs, (signal) => post(item, env, signal, maxBackoffMs));
  } catch (error) {
    // fetch's own message says little ("Failed to fetch"); the kind says enough.
    const online = env.online ? env.online() : true;
    const reason: DeliveryError = isRequestTimeout(error) ? 'timeout' : online ? 'network' : 'offline';
    outcome = { kind: 'retry', delayMs: backoffDelay(item.attempts, env.random, maxBackoffMs), error: reason };
  }
  if (outcome.kind === 'sent') env.accepted?.set(url, env.now());
  return outcome;
}

async function post(item: OutboxItem, env: DeliveryEnvironment, signal: AbortSignal, maxBackoffMs: number): Promise<AttemptOutcome> {
  // Claimed items always have one (see claimDue).
  const endpoint = item.endpoint!;
  const secret = endpoint.format === 'json' ? await env.secret() : '';
  const request = await buildRequest(endpoint.format, item.payload, { secret: secret || undefined });
  const response = await env.fetch(endpoint.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    signal,
    credentials: 'omit',
    // A webhook that redirects is misconfigured: following it could post the teacher's words
    // somewhere else, and retrying cannot help.
    redirect: 'manual',
    referrerPolicy: 'no-referrer',
  });
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return { kind: 'failed', status: response.status, error: 'redirect' };
  }
  // Drain the body so the connection is released; its content is not needed.
  await response.text().catch(() => '');
  return classifyResponse(response.status, response.headers.get('Retry-After'), item.attempts, env, maxBackoffMs);
}

async function recordOutcome(database: CoachmarkDB, item: OutboxItem, outcome: AttemptOutcome, now: number): Promise<void> {
  await database.outbox.update(item.id, (stored) => {
    if (stored.status !== 'sending') return; // Deleted or changed meanwhile: leave it.
    stored.lastStatus = 'status' in outcome ? outcome.status : undefined;
    if (outcome.kind === 'sent') {
      stored.status = 'sent';
      stored.sentAt = now;
      stored.lastError = undefined;
    } else if (outcome.kind === 'retry') {
      stored.status = 'queued';
      stored.nextAttemptAt = now + outcome.delayMs;
      stored.lastError = outcome.error;
    } else {
      stored.status = 'failed';
      stored.lastError = outcome.error;
    }
  });
}

/**
 * When the next item falls due (epoch ms), or null when nothing waits: the earliest queued
 * item by index, or a "sending" one's stale time (a worker cut off mid-request).
 */
export async function nextDue(database: CoachmarkDB): Promise<number | null> {
  const first = await database.outbox
    .where('[status+nextAttemptAt]')
    .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey], true, true)
    .filter((item) => item.endpoint !== null)
    .first();
  const sending = await database.outbox.where('status').equals('sending').toArray();
  const times = [...(first ? [first.nextAttemptAt] : []), ...sending.map((item) => (item.lastAttemptAt ?? 0) + RETRY.staleSendingMs)];
  return times.length === 0 ? null : Math.min(...times);
}
