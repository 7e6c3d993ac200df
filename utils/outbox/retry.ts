/**
 * How an attempt's answer is read, and when the next attempt is due. Pure: delivery itself is
 * in delivery.background.ts.
 */

export const RETRY = {
  baseMs: 2_000,
  maxMs: 30 * 60_000,
  timeoutMs: 15_000,
  /** A "sending" item older than this was cut off (the worker stopped mid-request): retry it. */
  staleSendingMs: 60_000,
  maxRetryAfterMs: 6 * 60 * 60_000,
  /** The shortest wait before a retry, even when the endpoint says "Retry-After: 0". */
  minRetryMs: 1_000,
  /**
   * The longest backoff step while the endpoint is accepting other requests (one did within
   * `upWithinMs`): a failure then is this request's bad luck, not an outage, so the teacher's
   * ping is tried again soon. When nothing gets through, the steps grow to `maxMs`.
   */
  whileUpMaxMs: 10_000,
  upWithinMs: 60_000,
} as const;

/** Full jitter between half and all of an exponentially growing delay, capped at `maxMs`. */
export function backoffDelay(attempts: number, random: () => number, maxMs: number = RETRY.maxMs): number {
  const exponential = Math.min(maxMs, RETRY.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY.maxRetryAfterMs);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - now), RETRY.maxRetryAfterMs);
}

/** Why an attempt did not deliver; turned into words by describeOutboxItem. */
export type DeliveryError = 'http' | 'rate-limited' | 'timeout' | 'network' | 'offline' | 'redirect';

export type AttemptOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'retry'; status?: number; delayMs: number; error: DeliveryError }
  | { kind: 'failed'; status: number; error: DeliveryError };

/** What an HTTP answer means for the item. */
export function classifyResponse(
  status: number,
  retryAfter: string | null,
  attempts: number,
  env: { now: () => number; random: () => number },
  maxBackoffMs: number = RETRY.maxMs,
): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 408 || status === 429 || status >= 500) {
    const hinted = parseRetryAfter(retryAfter, env.now());
    // The endpoint's own Retry-After is followed as given; only our guess is capped.
    const delayMs = hinted === null ? backoffDelay(attempts, env.random, maxBackoffMs) : Math.max(hinted, RETRY.minRetryMs);
    return { kind: 'retry', status, delayMs, error: status === 429 ? 'rate-limited' : 'http' };
  }
  return { kind: 'failed', status, error: 'http' };
}
