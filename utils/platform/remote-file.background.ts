import { isRequestTimeout, withTimeout } from './network.background';

/**
 * One conditional GET of a file Coachmark keeps in sync (card packs, the mentor directory):
 * If-None-Match with the stored ETag, no cookies, a time limit, and a size limit that holds
 * even when the server sends no Content-Length. Background only (network rule).
 *
 * Redirects are not followed. Following one sends the request to the new address before
 * anyone can check it against the address rule (a policy URL that answers 302 to plain http,
 * or to a machine inside the school network, would be fetched all the same), and a browser
 * does not show the new address to a fetch that stops at the redirect, so it cannot be
 * checked first either. The coach is told where the address leads, when the answer says, and
 * subscribes to the final address instead.
 */

const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

export type RemoteFileErrorCode = 'bad-url' | 'http' | 'network' | 'timeout' | 'too-large' | 'redirect';

export type RemoteFile =
  | { kind: 'not-modified' }
  | { kind: 'body'; text: string; etag: string | null }
  | { kind: 'failed'; code: RemoteFileErrorCode; detail?: string | number };

export interface RemoteFileOptions {
  fetch: typeof fetch;
  /** The ETag of the copy already kept, sent as If-None-Match. */
  etag?: string;
  timeoutMs?: number;
  maxBytes: number;
}

export async function fetchRemoteFile(url: string, options: RemoteFileOptions): Promise<RemoteFile> {
  const result = await fetchOnce(url, options);
  // Without a host grant the request is cross-origin, and If-None-Match makes the browser ask
  // the server first (a CORS preflight), which many static hosts refuse though they allow the
  // plain GET: then fetch the whole file rather than fail every sync.
  if (options.etag && result.kind === 'failed' && result.code === 'network') {
    return fetchOnce(url, { ...options, etag: undefined });
  }
  return result;
}

async function fetchOnce(url: string, options: RemoteFileOptions): Promise<RemoteFile> {
  try {
    return await withTimeout(options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, (signal) => getWithin(url, options, signal));
  } catch (error) {
    if (isRequestTimeout(error)) return { kind: 'failed', code: 'timeout' };
    return { kind: 'failed', code: 'network', detail: String(error) };
  }
}

async function getWithin(url: string, options: RemoteFileOptions, signal: AbortSignal): Promise<RemoteFile> {
  const response = await options.fetch(url, {
    headers: options.etag ? { 'If-None-Match': options.etag } : {},
    // Our own ETag does the revalidation; the HTTP cache must not answer in the server's place.
    cache: 'no-store',
    credentials: 'omit',
    redirect: 'manual',
    signal,
  });
  if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
    await response.body?.cancel();
    const target = redirectTarget(response, url);
    return target ? { kind: 'failed', code: 'redirect', detail: target } : { kind: 'failed', code: 'redirect' };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (!response.ok) {
    await response.body?.cancel();
    return { kind: 'failed', code: 'http', detail: response.status };
  }
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    return { kind: 'failed', code: 'too-large' };
  }
  const text = await readCapped(response, options.maxBytes);
  if (text === null) return { kind: 'failed', code: 'too-large' };
  return { kind: 'body', text, etag: response.headers.get('ETag') };
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect leads, when the answer shows it (a browser hides it behind an opaque
 * redirect), without a password that the address may carry.
 */
function redirectTarget(response: Response, from: string): string | null {
  const location = response.type === 'opaqueredirect' ? null : response.headers.get('Location');
  if (!location) return null;
  try {
    const target = new URL(location, from);
    if (target.password) target.password = '***';
    return target.href;
  } catch {
    return location.slice(0, 200);
  }
}

/** The body as text, or null once it passes `maxBytes` (reading stops there). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
