import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../hub/rate-limit';

const T0 = Date.parse('2026-11-24T10:00:00.000Z');

/** Takes until the limiter refuses; returns how many it let through and the wait it asked for. */
function exhaust(limiter: ReturnType<typeof createRateLimiter>, client: string, at: number, max = 10_000) {
  for (let taken = 0; taken < max; taken++) {
    const wait = limiter.take(client, at);
    if (wait > 0) return { taken, wait };
  }
  throw new Error(`the limiter let ${max} through`);
}

describe('createRateLimiter', () => {
  it('lets a burst of a sixth of the per-minute rate through at once, then asks the client to wait', () => {
    expect(exhaust(createRateLimiter(600), 'a', T0)).toEqual({ taken: 100, wait: 1 });
    expect(exhaust(createRateLimiter(60), 'a', T0)).toEqual({ taken: 10, wait: 1 });
    expect(exhaust(createRateLimiter(6), 'a', T0)).toEqual({ taken: 1, wait: 10 });
    // At least one event is always allowed, however low the rate.
    expect(exhaust(createRateLimiter(1), 'a', T0)).toEqual({ taken: 1, wait: 60 });
  });

  it('says in Retry-After exactly when the next event will be taken', () => {
    for (const perMinute of [1, 6, 7, 60, 90, 600, 1000]) {
      const limiter = createRateLimiter(perMinute);
      const { wait } = exhaust(limiter, 'a', T0);
      if (wait > 1) expect(limiter.take('a', T0 + (wait - 1) * 1000), `${perMinute}/min, a second early`).toBeGreaterThan(0);
      expect(limiter.take('a', T0 + wait * 1000), `${perMinute}/min, after Retry-After`).toBe(0);
    }
  });

  it('counts down the wait as the bucket refills, and a refused event costs nothing', () => {
    const limiter = createRateLimiter(6);
    expect(limiter.take('a', T0)).toBe(0);
    expect(limiter.take('a', T0)).toBe(10);
    expect(limiter.take('a', T0 + 4_000)).toBe(6);
    expect(limiter.take('a', T0 + 4_000)).toBe(6);
    expect(limiter.take('a', T0 + 9_500)).toBe(1);
    expect(limiter.take('a', T0 + 10_000)).toBe(0);
  });

  it('refills at the per-minute rate but never above one burst', () => {
    const limiter = createRateLimiter(60);
    exhaust(limiter, 'a', T0);
    // Three seconds at one a second: three more.
    expect(exhaust(limiter, 'a', T0 + 3_000).taken).toBe(3);
    // A quiet hour still gives only one burst.
    expect(exhaust(limiter, 'a', T0 + 3_600_000).taken).toBe(10);
  });

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter(6);
    expect(limiter.take('198.51.100.1', T0)).toBe(0);
    expect(limiter.take('198.51.100.1', T0)).toBeGreaterThan(0);
    expect(limiter.take('198.51.100.2', T0)).toBe(0);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a', T0)).toBe(0);
  });
});
