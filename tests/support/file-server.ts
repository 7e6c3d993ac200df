import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

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

export async function startFileServer(): Promise<FileServer> {
  const routes = new Map<string, FileRoute>();
  const seen: FileServer['seen'] = [];
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    routes,
    seen,
    url: (path) => `${base}${path}`,
    reset() {
      routes.clear();
      seen.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
