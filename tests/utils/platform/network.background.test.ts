// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRequestTimeout, withTimeout } from '../../../utils/platform/network.background';

afterEach(() => vi.useRealTimers());

/** A fetch that never answers until its signal aborts, as a server that accepts and says nothing. */
const silentFetch = (_url: string, init: { signal: AbortSignal }) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

describe('withTimeout', () => {
  it('gives the request its result when it answers in time', async () => {
    const result = await withTimeout(1_000, async (signal) => {
      expect(signal.aborted).toBe(false);
      return new Response('hello').text();
    });
    expect(result).toBe('hello');
  });

  it('aborts a silent request at the limit and says it timed out', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const pending = withTimeout(5_000, (given) => {
      signal = given;
      return silentFetch('https://slow.example/', { signal: given });
    });
    const settled = pending.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await settled;
    expect(isRequestTimeout(error)).toBe(true);
    expect(error).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 5_000 });
  });

  it('counts the time spent reading the body', async () => {
    vi.useFakeTimers();
    const pending = withTimeout(100, async (signal) => {
      await Promise.resolve(); // the headers arrived at once
      return silentFetch('https://slow.example/body', { signal });
    }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    expect(isRequestTimeout(await pending)).toBe(true);
  });

  it('passes on the request’s own error, and stops its timer either way', async () => {
    vi.useFakeTimers();
    await expect(
      withTimeout(1_000, async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow(TypeError);
    expect(isRequestTimeout(new TypeError('Failed to fetch'))).toBe(false);
    await withTimeout(1_000, async () => 'done');
    expect(vi.getTimerCount()).toBe(0);
  });
});
