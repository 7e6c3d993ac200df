/**
 * A time limit for one request. A server that accepts the connection and then says nothing
 * would otherwise hold a sync or a delivery attempt until the service worker is stopped.
 * Background only (network rule).
 */

/** Thrown when the limit ran out, whatever error the aborted request itself raised. */
class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export function isRequestTimeout(error: unknown): boolean {
  return error instanceof RequestTimeoutError;
}

/**
 * Runs `request` with a signal that aborts after `timeoutMs`. Everything the request awaits
 * counts, reading the body included, so pass the signal to fetch and read the response inside.
 * A request that settles in time keeps its own result or error.
 */
export async function withTimeout<T>(timeoutMs: number, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await request(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new RequestTimeoutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
