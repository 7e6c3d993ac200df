/**
 * Events per client, as a token bucket: `perMinute` on average, bursts of up to a sixth of that
 * (an outbox flushing after a day offline sends its queue at once). Kept in memory per
 * process: a limit against floods, not an account; behind a load balancer each process
 * limits its share. Buckets of clients gone quiet are forgotten.
 */
export interface RateLimiter {
  /** 0 when the client may go on; otherwise the seconds to wait (the Retry-After). */
  take(client: string, nowMs?: number): number;
}

const MAX_CLIENTS = 50_000;

export function createRateLimiter(perMinute: number): RateLimiter {
  if (perMinute <= 0) return { take: () => 0 };
  const capacity = Math.max(1, Math.ceil(perMinute / 6));
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, nowMs = Date.now()) {
      let bucket = buckets.get(client);
      if (!bucket) {
        if (buckets.size >= MAX_CLIENTS) forgetFull(buckets, capacity, refillPerMs, nowMs);
        bucket = { tokens: capacity, at: nowMs };
        buckets.set(client, bucket);
      }
      bucket.tokens = Math.min(capacity, bucket.tokens + (nowMs - bucket.at) * refillPerMs);
      bucket.at = nowMs;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}

/** Drops the buckets that have filled up again: those clients are where a new one starts. */
function forgetFull(buckets: Map<string, { tokens: number; at: number }>, capacity: number, refillPerMs: number, nowMs: number) {
  for (const [client, bucket] of buckets) {
    if (bucket.tokens + (nowMs - bucket.at) * refillPerMs >= capacity) buckets.delete(client);
  }
}
