import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { listenOnLoopback } from './loopback';

/**
 * A real HTTP file server on 127.0.0.1 for the sync tests (card packs, the mentor directory):
 * each path answers as its route says, with ETag revalidation, redirects, delays and
 * bodies streamed without a Content-Length. Every request is recorded in `seen`.
 */
export interface FileRoute {
  status?: number;
  body?: string;
  etag?: string;
  delayMs?: number;
  /** Bytes to stream without a Content-Length header. */
  streamBytes?: number;
  /** Answer 302 to this address. */
  location?: string;
}

export interface FileServer {
  routes: Map<string, FileRoute>;
  seen: Array<{ path: string; headers: IncomingHttpHeaders }>;
  url(path: string): string;
  /** Forgets routes and recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/** `state` lets a caller hold the routes and the record before the server has started. */
export async function startFileServer(state: Pick<FileServer, 'routes' | 'seen'> = { routes: new Map(), seen: [] }): Promise<FileServer> {
  const { routes, seen } = state;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    seen.push({ path, headers: request.headers });
    const route = routes.get(path);
    const answer = () => {
      if (!route) return void response.writeHead(404).end('not found');
      if (route.location) return void response.writeHead(302, { Location: route.location }).end();
      if (route.streamBytes !== undefined) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < route.streamBytes!) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('error', () => {});
        return pump();
      }
      if (route.etag && request.headers['if-none-match'] === route.etag) return void response.writeHead(304, { ETag: route.etag }).end();
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (route.etag) headers.ETag = route.etag;
      response.writeHead(route.status ?? 200, headers).end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  const { base, close } = await listenOnLoopback(server);
  return {
    routes,
    seen,
    url: (path) => `${base}${path}`,
    reset() {
      routes.clear();
      seen.length = 0;
    },
    close,
  };
}

/**
 * One file server for a test file: started before its tests, emptied before each one, closed
 * after the last. Usable at the top of the file, before the server is listening.
 */
export function useFileServer(): Omit<FileServer, 'close'> {
  const routes = new Map<string, FileRoute>();
  const seen: FileServer['seen'] = [];
  let server: FileServer | undefined;
  const started = () => {
    if (!server) throw new Error('the file server starts in beforeAll');
    return server;
  };
  beforeAll(async () => {
    server = await startFileServer({ routes, seen });
  });
  afterAll(() => server?.close());
  beforeEach(() => started().reset());
  return { routes, seen, url: (path) => started().url(path), reset: () => started().reset() };
}
