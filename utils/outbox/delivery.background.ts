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
}

export const browserEnvironment = (secret: () => Promise<string>): DeliveryEnvironment => ({
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  secret,
  online: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
});

/**
 * Claims the items that are due (queued and due now, or stuck in "sending" after the worker
 * stopped) in one transaction, so two delivery runs never send the same item at once.
 */
async function claimDue(database: CoachmarkDB, now: number, limit: number): Promise<OutboxItem[]> {
  return database.transaction('rw', database.outbox, async () => {
    const due = await database.outbox.where('nextAttemptAt').belowOrEqual(now).toArray();
    const claimable = due
      .filter((item) => item.endpoint !== null)
      .filter((item) => item.status === 'queued' || (item.status === 'sending' && now - (item.lastAttemptAt ?? 0) > RETRY.staleSendingMs))
      .sort((a, b) => a.createdAt - b.createdAt)
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

export interface DeliveryReport {
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  /** When the next queued item is due (epoch ms), or null when nothing waits. */
  nextAttemptAt: number | null;
}

/** Sends everything that is due, a few at a time. Safe to call as often as you like. */
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
  const items = await claimDue(database, env.now(), options.batch ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let cursor = 0;
  const worker = async () => {
    while (cursor < items.length) {
      const item = items[cursor++]!;
      const outcome = await attempt(item, env);
      report.attempted++;
      await recordOutcome(database, item, outcome, env.now());
      if (outcome.kind === 'sent') report.sent++;
      else if (outcome.kind === 'retry') report.retrying++;
      else report.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  report.nextAttemptAt = await nextDue(database);
  return report;
}

async function attempt(item: OutboxItem, env: DeliveryEnvironment): Promise<AttemptOutcome> {
  try {
    return await withTimeout(env.timeoutMs ?? RETRY.timeoutMs, (signal) => post(item, env, signal));
  } catch (error) {
    // fetch's own message says little ("Failed to fetch"); the kind says enough.
    const online = env.online ? env.online() : true;
    const reason: DeliveryError = isRequestTimeout(error) ? 'timeout' : online ? 'network' : 'offline';
    return { kind: 'retry', delayMs: backoffDelay(item.attempts, env.random), error: reason };
  }
}

async function post(item: OutboxItem, env: DeliveryEnvironment, signal: AbortSignal): Promise<AttemptOutcome> {
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
  return classifyResponse(response.status, response.headers.get('Retry-After'), item.attempts, env);
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

async function nextDue(database: CoachmarkDB): Promise<number | null> {
  const queued = await database.outbox.where('status').anyOf('queued', 'sending').toArray();
  if (queued.length === 0) return null;
  return Math.min(
    ...queued.map((item) => (item.status === 'sending' ? (item.lastAttemptAt ?? 0) + RETRY.staleSendingMs : item.nextAttemptAt)),
  );
}
