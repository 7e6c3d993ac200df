import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * Firefox has no switch to resolve a host name to a local port, so it is given this proxy
 * instead: an HTTP CONNECT proxy on 127.0.0.1 that tunnels the fixture hosts to the local
 * HTTPS server and refuses every other host. Page URLs stay exactly as in production
 * (`https://classroom.google.com/...`, no port), and nothing the browser asks for reaches the
 * network.
 */
export interface ConnectProxy {
  port: number;
  /** Every CONNECT or plain request refused, as `host:port`, for diagnosing a blocked page. */
  refused: string[];
  close(): Promise<void>;
}

/** Whether `host` is one of `patterns` (`*.instructure.com` covers every subdomain, not the bare domain). */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some((pattern) => {
    const wanted = pattern.toLowerCase();
    return wanted.startsWith('*.') ? name.endsWith(wanted.slice(1)) && name.length > wanted.length - 1 : name === wanted;
  });
}

export async function startConnectProxy(options: { hosts: readonly string[]; targetPort: number }): Promise<ConnectProxy> {
  const refused: string[] = [];
  const tunnels = new Set<Socket>();

  // Plain http:// requests (no CONNECT) are never forwarded: fixtures are served over HTTPS only.
  const server: Server = createServer((request, response) => {
    refused.push(request.headers.host ?? request.url ?? '?');
    response.writeHead(403, { 'Content-Type': 'text/plain' }).end('not a fixture host');
  });

  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const [host = '', port = ''] = splitHostPort(target);
    tunnels.add(client);
    client.once('close', () => tunnels.delete(client));
    client.on('error', () => client.destroy());
    if (port !== '443' || !hostMatches(host, options.hosts)) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(options.targetPort, '127.0.0.1');
    tunnels.add(upstream);
    upstream.once('close', () => {
      tunnels.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('proxy has no port'));
    });
  });

  return {
    port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        // Tunnels are raw sockets the server no longer tracks: end them, or close() waits on them.
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `host:port`, also `[::1]:443`. */
function splitHostPort(target: string): [string, string] {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(target);
  return match ? [match[1]!, match[2]!] : [target, ''];
}
