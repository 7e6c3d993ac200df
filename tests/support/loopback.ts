import type { Server } from 'node:http';

export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  /** Drops every open connection (including ones left hanging on purpose), then stops listening. */
  close(): Promise<void>;
}

/** Listens on a free port on 127.0.0.1: real HTTP for Node's fetch, never reachable from outside. */
export async function listenOnLoopback(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the loopback server has no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
