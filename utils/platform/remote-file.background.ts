import { isRequestTimeout, withTimeout } from './network.background';

/**
 * One conditional GET of a file Coachmark keeps in sync (card packs, the mentor directory):
 * If-None-Match with the stored ETag, no cookies, a time limit, and a size limit that holds
 * even when the server sends no Content-Length. Background only (network rule).
 */

const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

export type RemoteFileErrorCode = 'bad-url' | 'http' | 'network' | 'timeout' | 'too-large';

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
  /** The address rule (https, or http to this machine); checked again after a redirect. */
  isAllowedUrl: (url: string) => boolean;
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
    redirect: 'follow',
    signal,
  });
  if (response.redirected && !options.isAllowedUrl(response.url)) {
    await response.body?.cancel();
    return { kind: 'failed', code: 'bad-url', detail: response.url };
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
