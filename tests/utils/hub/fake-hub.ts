import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenOnLoopback } from '../../support/loopback';
import { compareVersions } from '../../../utils/cards/schema';

/**
 * A small stand-in for the district's Hub on 127.0.0.1, answering the coach API as its
 * documentation says (token, ETag and 304, path-named errors, version that must rise). It is
 * the studio's client under test here, not the Hub.
 */

export interface FakeHubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeHub {
  url: string;
  token: string;
  coachName: string;
  flags: Array<Record<string, unknown>>;
  volunteers: Array<Record<string, unknown>>;
  /** Published packs: id → { version, text }. */
  packs: Map<string, { version: string; text: string }>;
  received: FakeHubRequest[];
  /** Answers the next request this way instead (once), e.g. a 500 or a page that is not JSON. */
  override: { status: number; body: string; contentType?: string } | null;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeHub(token = 'coach-token'): Promise<FakeHub> {
  const hub: FakeHub = {
    url: '',
    token,
    coachName: 'Ms. Rivera',
    flags: [],
    volunteers: [],
    packs: new Map(),
    received: [],
    override: null,
    reset() {
      hub.flags = [];
      hub.volunteers = [];
      hub.packs.clear();
      hub.received.length = 0;
      hub.override = null;
    },
    close: async () => {},
  };

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      hub.received.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
      // As the Hub answers an extension page's origin: preflight allowed, the token and ETag let through.
      const cors = {
        'Access-Control-Allow-Origin': request.headers.origin ?? '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-None-Match',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
        'Access-Control-Expose-Headers': 'ETag',
        // Coach answers are the coach's alone and revalidated by ETag: no cache may keep them.
        'Cache-Control': 'no-store',
      };
      if (request.method === 'OPTIONS') {
        hub.received.pop();
        response.writeHead(204, cors);
        return void response.end();
      }
      const send = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...cors, ...headers });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (hub.override) {
        const { status, body: text, contentType } = hub.override;
        hub.override = null;
        response.writeHead(status, { 'Content-Type': contentType ?? 'text/html', 'Access-Control-Allow-Origin': '*' });
        return void response.end(text);
      }
      if (request.method === 'GET' && path === '/v1/mentors') {
        const approved = hub.volunteers.filter((volunteer) => volunteer.status === 'approved');
        return send(200, {
          schemaVersion: 1,
          mentors: approved.map((volunteer) => ({
            id: `volunteer-${String(volunteer.id)}`,
            name: (volunteer.teacher as { name: string }).name,
            handles: { json: volunteer.handle },
            tools: (volunteer.tools as Array<{ id: string }>).map((tool) => tool.id),
          })),
        });
      }
      if (request.headers.authorization !== `Bearer ${hub.token}`)
        return send(401, { errors: ['authorization: the coach token is missing or not valid'] });
      const etag = (value: unknown) =>
        `"${Buffer.from(JSON.stringify(value)).toString('base64url').slice(-16)}-${JSON.stringify(value).length}"`;
      const route = `${request.method} ${path}`;

      if (route === 'GET /v1/coach') return send(200, { coach: { name: hub.coachName } });
      if (route === 'GET /v1/flags') {
        const tag = etag(hub.flags);
        if (request.headers['if-none-match'] === tag) return send(304, undefined, { ETag: tag });
        return send(200, { flags: hub.flags }, { ETag: tag });
      }
      const resolve = /^POST \/v1\/flags\/([^/]+)\/resolve$/.exec(route);
      if (resolve) {
        const flag = hub.flags.find((candidate) => candidate.id === decodeURIComponent(resolve[1]!));
        if (!flag) return send(404, { errors: ['id: no such flag'] });
        const card = body ? (JSON.parse(body) as { card?: unknown }).card : undefined;
        Object.assign(flag, { status: 'resolved', resolvedBy: hub.coachName, resolution: card ? { card } : null });
        return send(200, { id: flag.id, status: 'resolved' });
      }
      if (route === 'GET /v1/volunteers') return send(200, { volunteers: hub.volunteers }, { ETag: etag(hub.volunteers) });
      const decide = /^POST \/v1\/volunteers\/([^/]+)\/(approve|decline)$/.exec(route);
      if (decide) {
        const volunteer = hub.volunteers.find((candidate) => candidate.id === decodeURIComponent(decide[1]!));
        if (!volunteer) return send(404, { errors: ['id: no such volunteer'] });
        volunteer.status = decide[2] === 'approve' ? 'approved' : 'declined';
        return send(200, { id: volunteer.id, status: volunteer.status });
      }
      const put = /^PUT \/v1\/packs\/([^/]+)$/.exec(route);
      if (put) {
        let pack: { id?: unknown; version?: unknown };
        try {
          pack = JSON.parse(body) as typeof pack;
        } catch {
          return send(400, { errors: ['body: not valid JSON'] });
        }
        const id = decodeURIComponent(put[1]!);
        if (pack.id !== id) return send(400, { errors: [`id: must equal the address's pack id "${id}"`] });
        if (typeof pack.version !== 'string') return send(400, { errors: ['version: must be a string such as "1.0.0"'] });
        const published = hub.packs.get(id);
        if (published && compareVersions(pack.version, published.version) <= 0) {
          return send(409, { errors: [`version: ${pack.version} must be higher than the published ${published.version}`] });
        }
        hub.packs.set(id, { version: pack.version, text: body });
        return send(200, { id, version: pack.version });
      }
      send(404, { errors: [`path: no route ${route}`] });
    });
  });
  const listening = await listenOnLoopback(server);
  hub.url = listening.base;
  hub.close = listening.close;
  return hub;
}

/** A gap flag as the Hub lists it: the payload as received, plus the Hub's fields. */
export function hubFlag(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'gap-flag',
    id,
    createdAt: '2026-11-20T10:00:00.000Z',
    teacher: { name: 'Mr. Okafor', school: 'Lincoln Elementary' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://canvas.example/courses/:id/gradebook/speed_grader' },
    mentors: [],
    kind: 'missing',
    note: 'How do I hide grades until I post them?',
    searches: ['hide grades'],
    status: 'open',
    receivedAt: '2026-11-20T10:00:01.000Z',
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...overrides,
  };
}

export function hubVolunteer(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'mentor-volunteer',
    id,
    createdAt: '2026-11-21T09:00:00.000Z',
    teacher: { name: 'Ms. Chen', school: 'Lincoln Elementary' },
    handle: 'U0CHEN',
    tools: [{ id: 'canvas', name: 'Canvas' }],
    note: 'Free 3rd period',
    status: 'pending',
    receivedAt: '2026-11-21T09:00:01.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/**
 * Delivers the pages' messages to the handlers registered in this process (the background's
 * own, set up by the test) and hands their answers back through the sender's callback, as the
 * browser does between an extension page and its background.
 */
export function deliverMessagesInProcess(): void {
  const deliver = (message: unknown, respond?: (response: unknown) => void) => {
    void fakeBrowser.runtime.onMessage.trigger(message, {}, (response: unknown) => respond?.(response));
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(deliver as never);
}

/**
 * The background's fetch for tests in the page environment: plain node:http to the loopback
 * server. happy-dom's own fetch caches coach answers and never settles on a 304, which a
 * browser's background does not do.
 */
export function loopbackFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new TypeError(`not a loopback address: ${url.href}`));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers as Record<string, string> | undefined },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
          const status = incoming.statusCode ?? 500;
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks).toString('utf8');
          resolve(new Response(body, { status, headers }));
        });
      },
    );
    outgoing.on('error', (error) => reject(new TypeError(String(error))));
    init.signal?.addEventListener('abort', () => outgoing.destroy(new Error('aborted')));
    outgoing.end(typeof init.body === 'string' ? init.body : undefined);
  });
}
