import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from 'pino';
import type { HubConfig } from './config';
import type { Database } from './database';
import { verifySignature } from './signature';
import { createRateLimiter } from './rate-limit';
import * as store from './store';
import { parseEventPayload } from '../utils/endpoints/schema';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../utils/endpoints/index';
import { describeOversize, parsePack } from '../utils/cards/pack';
import { LIMITS } from '../utils/cards/schema';

/**
 * The Hub's HTTP interface (docs/hub.md; the stable part is DESIGN.md's "Hub contract").
 * Stateless between requests: everything lives in the database, so several processes behind a
 * load balancer answer alike.
 */

export const EVENT_BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  config: HubConfig;
  database: Database;
  logger: Logger;
  /** Called after an event that has something to forward was stored. */
  onQueued?: () => void;
}

type Env = { Variables: { coach: string } };

const errors = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500, ...messages: string[]) =>
  c.json({ errors: messages }, status);

/** Extension pages may call the coach routes; anyone may read the public ones. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-zA-Z0-9.-]+$/;

function cors(access: 'public' | 'coach'): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = access === 'public' ? '*' : origin && EXTENSION_ORIGIN.test(origin) ? origin : null;
    const headers: Record<string, string> = {};
    if (allowed) {
      headers['Access-Control-Allow-Origin'] = allowed;
      headers['Access-Control-Expose-Headers'] = 'ETag, Retry-After';
      if (allowed !== '*') headers.Vary = 'Origin';
    }
    if (c.req.method === 'OPTIONS') {
      if (allowed) {
        headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, OPTIONS';
        headers['Access-Control-Allow-Headers'] =
          `Content-Type, Authorization, If-None-Match, Idempotency-Key, ${SIGNATURE_HEADER}, ${TIMESTAMP_HEADER}`;
        headers['Access-Control-Max-Age'] = '600';
      }
      return c.body(null, 204, headers);
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/**
 * A JSON answer with an ETag, or 304 when the caller already has it. Always revalidated; a
 * coach's answers (behind a token) are never kept by shared caches.
 */
function withEtag(c: Context, value: unknown, etag?: string, access: 'public' | 'coach' = 'public') {
  const body = JSON.stringify(value);
  const tag = etag ?? `"${store.sha256(body).slice(0, 32)}"`;
  const given = c.req.header('If-None-Match');
  if (given && given.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)) {
    return c.body(null, 304, { ETag: tag });
  }
  const cache = access === 'coach' ? 'private, no-cache' : 'no-cache';
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: tag, 'Cache-Control': cache });
}

export function createApp({ config, database, logger, onQueued }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const limiter = createRateLimiter(config.rateLimitPerMinute);

  const clientOf = (c: Context) => {
    if (config.trustProxy) {
      const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  const coachOnly: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return errors(c, 401, 'authorization: a coach token is required (Authorization: Bearer <token>)');
    const coach = await store.coachForToken(database, token);
    if (!coach) return errors(c, 401, 'authorization: this coach token is not known to the Hub, or was revoked');
    c.set('coach', coach);
    await next();
  };

  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'request failed');
    return errors(c, 500, 'hub: something went wrong on the Hub; the request was not stored');
  });
  app.notFound((c) => errors(c, 404, `${c.req.path}: no such route on this Hub`));

  app.use('/v1/health', cors('public'));
  app.use('/v1/events', cors('public'));
  app.use('/v1/mentors', cors('public'));
  app.use('/v1/packs/:id', async (c, next) =>
    (c.req.method === 'PUT' || isPreflightFor(c, 'PUT') ? cors('coach') : cors('public'))(c, next),
  );
  for (const route of ['/v1/coach', '/v1/flags', '/v1/flags/*', '/v1/volunteers', '/v1/volunteers/*', '/v1/packs']) {
    app.use(route, cors('coach'));
  }

  app.get('/v1/health', async (c) => {
    await database.query('SELECT 1');
    return c.json({ ok: true, database: database.kind });
  });

  app.post(
    '/v1/events',
    bodyLimit({
      maxSize: EVENT_BODY_LIMIT,
      onError: (c) => errors(c, 413, `body: is over the ${EVENT_BODY_LIMIT / 1024} KB an event may be`),
    }),
    async (c) => {
      const wait = limiter.take(clientOf(c));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return errors(c, 429, `rate: too many events from this client; try again in ${wait} s`);
      }
      const raw = await c.req.text();
      if (config.secret) {
        const check = verifySignature(config.secret, raw, c.req.header(TIMESTAMP_HEADER), c.req.header(SIGNATURE_HEADER));
        if (!check.ok) return errors(c, 401, check.error);
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        return errors(c, 400, `body: is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const parsed = parseEventPayload(value);
      if (!parsed.ok) return c.json({ errors: parsed.errors }, 400);
      const payload = parsed.payload;
      const key = c.req.header('Idempotency-Key');
      if (!key) return errors(c, 400, 'Idempotency-Key: is missing (it must equal the payload’s id)');
      if (key !== payload.id) return errors(c, 400, `Idempotency-Key: must equal the payload’s id ("${payload.id}")`);

      const forwarding =
        config.forwardUrl && config.forwardTypes.includes(payload.type) ? { url: config.forwardUrl, format: config.forwardFormat } : null;
      const result = await store.storeEvent(database, payload, raw, forwarding);
      if (result === 'conflict') {
        return errors(c, 409, `Idempotency-Key: "${payload.id}" was already used for a different event`);
      }
      if (result === 'duplicate') return c.json({ id: payload.id, status: 'duplicate' }, 200);
      logger.info({ event: payload.id, type: payload.type }, 'event stored');
      if (forwarding) onQueued?.();
      return c.json({ id: payload.id, status: 'accepted' }, 202);
    },
  );

  app.get('/v1/coach', coachOnly, (c) => c.json({ coach: { name: c.get('coach') } }));

  app.get('/v1/flags', coachOnly, async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && status !== 'open' && status !== 'resolved') {
      return errors(c, 400, `status: must be open or resolved, not "${status}"`);
    }
    return withEtag(c, { flags: await store.listFlags(database, status) }, undefined, 'coach');
  });

  app.post('/v1/flags/:id/resolve', coachOnly, async (c) => {
    const resolution = await readResolution(c);
    if (resolution === 'invalid') return errors(c, 400, 'card: must be {"id": "…", "pack": "…"} naming the card written for this flag');
    const id = c.req.param('id');
    if (!(await store.setFlagStatus(database, id, 'resolved', c.get('coach'), resolution)))
      return errors(c, 404, `flag: no flag has the id "${id}"`);
    logger.info({ flag: id, coach: c.get('coach') }, 'flag resolved');
    return c.json({ id, status: 'resolved' });
  });

  app.post('/v1/flags/:id/reopen', coachOnly, async (c) => {
    const id = c.req.param('id');
    if (!(await store.setFlagStatus(database, id, 'open', c.get('coach')))) return errors(c, 404, `flag: no flag has the id "${id}"`);
    return c.json({ id, status: 'open' });
  });

  app.get('/v1/volunteers', coachOnly, async (c) => withEtag(c, { volunteers: await store.listVolunteers(database) }, undefined, 'coach'));

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/v1/volunteers/:id/${decision}`, coachOnly, async (c) => {
      const id = c.req.param('id');
      const status = decision === 'approve' ? 'approved' : 'declined';
      if (!(await store.decideVolunteer(database, id, status, c.get('coach'))))
        return errors(c, 404, `volunteer: no volunteer has the id "${id}"`);
      logger.info({ volunteer: id, status, coach: c.get('coach') }, 'volunteer decided');
      return c.json({ id, status });
    });
  }

  app.get('/v1/mentors', async (c) => withEtag(c, await store.mentorDirectory(database, config.forwardFormat)));

  app.get('/v1/packs', coachOnly, async (c) => c.json({ packs: await store.listPacks(database) }));

  app.put(
    '/v1/packs/:id',
    coachOnly,
    bodyLimit({ maxSize: LIMITS.maxFileBytes, onError: (c) => errors(c, 413, `pack: ${describeOversize(LIMITS.maxFileBytes + 1)}`) }),
    async (c) => {
      const parsed = parsePack(await c.req.text());
      if (!parsed.ok) return c.json({ errors: parsed.errors }, 400);
      const id = c.req.param('id');
      if (parsed.pack.id !== id) return errors(c, 400, `id: is "${parsed.pack.id}", but the pack is being published as "${id}"`);
      const result = await store.publishPack(database, parsed.pack, c.get('coach'));
      if (!result.ok) {
        return errors(c, 409, `version: is ${parsed.pack.version}; it must be higher than the published ${result.published}`);
      }
      logger.info({ pack: id, version: result.version, coach: c.get('coach') }, 'pack published');
      return c.json({ id, version: result.version, warnings: parsed.warnings });
    },
  );

  app.get('/v1/packs/:id', async (c) => {
    const pack = await store.getPack(database, c.req.param('id'));
    if (!pack) return errors(c, 404, `pack: no pack "${c.req.param('id')}" is published on this Hub`);
    return withEtag(c, pack.body, pack.etag);
  });

  return app;
}

function isPreflightFor(c: Context, method: string): boolean {
  return c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') === method;
}

/** The optional body of a resolve: null when none, 'invalid' when it is not a card reference. */
async function readResolution(c: Context): Promise<store.HubFlag['resolution'] | 'invalid'> {
  const raw = (await c.req.text()).trim();
  if (raw === '') return null;
  try {
    const value = JSON.parse(raw) as { card?: { id?: unknown; pack?: unknown } };
    if (value.card === undefined) return null;
    const { id, pack } = value.card;
    if (typeof id !== 'string' || typeof pack !== 'string' || !id || !pack || id.length > 200 || pack.length > 200) return 'invalid';
    return { card: { id, pack } };
  } catch {
    return 'invalid';
  }
}
