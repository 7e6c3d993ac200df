import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSelfSignedCert } from './certs';

/** Fixture pages live in tests/fixtures/pages/<host>/…, one folder per host name. */
export const FIXTURE_ROOT = resolve(fileURLToPath(new URL('../../fixtures/pages', import.meta.url)));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  port: number;
  /** `https://<host>` — the browser maps the host to this server. */
  url(host: string, path?: string): string;
  /** Every page request served, in order, as `host path` (for diagnosing reloads). */
  served: string[];
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 that answers for any host name the browser is told to map to
 * it. The Host header picks the fixture folder; a path without a file gets the folder's
 * index.html, as a single-page app's server would.
 */
export async function startFixtureServer(options: { hosts: readonly string[]; root?: string }): Promise<FixtureServer> {
  const root = options.root ?? FIXTURE_ROOT;
  const cert = await makeSelfSignedCert(options.hosts);
  const served: string[] = [];
  const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (request, response) => {
    void serveFixture(root, request, response, served);
  });
  let port: number;
  try {
    port = await listen(server);
  } catch (error) {
    await cert.cleanup();
    throw error;
  }
  return {
    port,
    url: (host, path = '/') => `https://${host}${path}`,
    served,
    close: async () => {
      await closeServer(server);
      await cert.cleanup();
    },
  };
}

async function serveFixture(root: string, request: IncomingMessage, response: ServerResponse, served: string[]): Promise<void> {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(request.url ?? '/', 'https://fixture.invalid');
  served.push(`${host} ${url.pathname}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  // Whole labels only, so a Host header can never name a folder outside the fixtures.
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host)) return send(response, 400, 'text/plain', 'bad host');

  const hostDir = join(root, host);
  const file = await findFile(hostDir, url.pathname);
  if (!file) return send(response, 404, 'text/plain', `no fixture for ${host}${url.pathname}`);
  const body = await readFile(file);
  send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', request.method === 'HEAD' ? '' : body);
}

/** The file for a path: itself, path.html, path/index.html, then the host's index.html. */
async function findFile(hostDir: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const base = resolve(hostDir, relative);
  // Never serve anything outside the host's folder, whatever the path says.
  if (base !== hostDir && !base.startsWith(hostDir + sep)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html'), join(hostDir, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

// ---------------------------------------------------------------------------------------------
// Request recorder: a plain HTTP endpoint that remembers what it was sent.

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface RecorderResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer after this long (bounded by the test's own timeouts). */
  delayMs?: number;
}

/** A fixed answer, or one computed from the request and how many came before it to this path. */
export type RecorderHandler = RecorderResponse | ((request: RecordedRequest, index: number) => RecorderResponse);

export interface Recorder {
  port: number;
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  requests: RecordedRequest[];
  /** Sets the answer for a path (without query), optionally for one method only. */
  respond(path: string, handler: RecorderHandler, method?: string): void;
  /** Resolves once `count` requests matching the filter have arrived; rejects after timeoutMs. */
  waitForRequests(count: number, filter?: { path?: string; method?: string; timeoutMs?: number }): Promise<RecordedRequest[]>;
  clear(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startRecorder(): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const handlers = new Map<string, RecorderHandler>();
  const counts = new Map<string, number>();
  const waiters = new Set<() => void>();

  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      const path = request.url ?? '/';
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      for (const wake of waiters) wake();

      const pathname = path.split('?')[0]!;
      const key = handlers.has(`${recorded.method} ${pathname}`) ? `${recorded.method} ${pathname}` : pathname;
      const index = counts.get(key) ?? 0;
      counts.set(key, index + 1);
      const handler = handlers.get(key);
      const answer: RecorderResponse = typeof handler === 'function' ? handler(recorded, index) : (handler ?? {});
      const reply = () => {
        if (size > MAX_BODY_BYTES) {
          response.writeHead(413).end();
          return;
        }
        response.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...answer.headers });
        response.end(answer.body ?? '{}');
      };
      if (answer.delayMs) setTimeout(reply, Math.min(answer.delayMs, 30_000));
      else reply();
    });
  });
  const port = await listen(server);

  const matching = (filter: { path?: string; method?: string }) =>
    requests.filter(
      (request) =>
        (filter.path === undefined || request.path.split('?')[0] === filter.path) &&
        (filter.method === undefined || request.method === filter.method.toUpperCase()),
    );

  return {
    port,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    requests,
    respond(path, handler, method) {
      handlers.set(method ? `${method.toUpperCase()} ${path}` : path, handler);
    },
    waitForRequests(count, filter = {}) {
      const timeoutMs = filter.timeoutMs ?? 10_000;
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const found = matching(filter);
          if (found.length < count) return;
          done();
          resolvePromise(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `Recorder: expected ${count} request(s) ${JSON.stringify(filter)}, got ${matching(filter).length} in ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    clear() {
      requests.length = 0;
      counts.clear();
    },
    close: () => closeServer(server),
  };
}

// ---------------------------------------------------------------------------------------------

function listen(server: Server): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolvePromise(address.port);
      else reject(new Error('server has no port'));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    if (!server.listening) return resolvePromise();
    server.close(() => resolvePromise());
    // Keep-alive sockets from the browser would otherwise hold close() open.
    server.closeAllConnections();
  });
}
