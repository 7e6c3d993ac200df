import { z } from 'zod';
import { hubAddress } from './address';
import type { HubFailure, HubFlag, HubResult, HubVolunteer, VolunteerDecision } from './types';

/**
 * The studio's calls to the district's Hub (its coach API), one function each: a plain wrapper
 * around the fetch it is given, so the background decides where requests run and tests hand it
 * any fetch. Every coach call carries the token as a bearer token, no cookies, and a time limit;
 * every answer is checked against the documented shape, and every failure is named (a 401 is
 * the token being refused, not "an error").
 */

export interface HubClientOptions {
  /** The Hub's address as the coach typed it (normalised here). */
  url: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** The Hub's answers are small; anything bigger is not the Hub. */
const MAX_ERRORS_KEPT = 20;

const coachSchema = z.object({ coach: z.object({ name: z.string() }) });
const flagsSchema = z.object({
  flags: z.array(
    z
      .object({
        id: z.string().min(1),
        status: z.enum(['open', 'resolved']),
        resolvedBy: z.string().nullable().optional(),
      })
      .passthrough(),
  ),
});
const volunteerSchema = z.object({
  id: z.string().min(1),
  createdAt: z.string(),
  teacher: z.object({ name: z.string(), school: z.string().optional() }),
  handle: z.string(),
  tools: z.array(z.object({ id: z.string(), name: z.string() })),
  note: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
});
const volunteersSchema = z.object({ volunteers: z.array(volunteerSchema) });
const decisionSchema = z.object({ id: z.string(), status: z.string() });
const publishedSchema = z.object({ id: z.string(), version: z.string() });
const errorsSchema = z.object({ errors: z.array(z.string()) });

/** GET /v1/flags: the flags, or "not modified" when the ETag sent still matches. */
export type HubFlagsAnswer = { kind: 'not-modified' } | { kind: 'flags'; flags: HubFlag[]; etag: string | null };

export interface HubClient {
  /** The coach the token belongs to (GET /v1/coach): the studio's "Check Hub". */
  coach(): Promise<HubResult<{ name: string }>>;
  /** Every flag in the district, newest first (GET /v1/flags), revalidated with the ETag of the copy kept. */
  flags(options?: { etag?: string }): Promise<HubResult<HubFlagsAnswer>>;
  /** Marks a flag resolved, with the card written for it when there is one. Idempotent on the Hub. */
  resolveFlag(id: string, card?: { id: string; pack: string }): Promise<HubResult<void>>;
  /** Every volunteer, newest first (GET /v1/volunteers). */
  volunteers(): Promise<HubResult<HubVolunteer[]>>;
  decideVolunteer(id: string, decision: VolunteerDecision): Promise<HubResult<{ status: string }>>;
  /** Stores a pack file (its text as the studio exports it) under its id; the Hub refuses a version that did not rise. */
  publishPack(id: string, packText: string): Promise<HubResult<{ version: string }>>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const base = hubAddress(options.url);
  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    base === null
      ? Promise.resolve<Answer>({ ok: false, failure: { kind: 'invalid-url' } })
      : request(options, method, `${base}${path}`, body, headers);
  const id = (value: string) => encodeURIComponent(value);

  return {
    async coach() {
      return read(
        await call('GET', '/v1/coach'),
        (json) => coachSchema.safeParse(json),
        (data) => ({ name: data.coach.name }),
      );
    },
    async flags({ etag } = {}) {
      const answer = await call('GET', '/v1/flags', undefined, etag ? { 'If-None-Match': etag } : {});
      if (answer.ok && answer.status === 304) return { ok: true, value: { kind: 'not-modified' } };
      return read(
        answer,
        (json) => flagsSchema.safeParse(json),
        (data): HubFlagsAnswer => ({
          kind: 'flags',
          etag: answer.ok ? answer.etag : null,
          flags: data.flags.map((flag) => ({ id: flag.id, status: flag.status, resolvedBy: flag.resolvedBy ?? null, raw: flag })),
        }),
      );
    },
    async resolveFlag(flagId, card) {
      const body = card ? JSON.stringify({ card: { id: card.id, pack: card.pack } }) : undefined;
      return read(
        await call('POST', `/v1/flags/${id(flagId)}/resolve`, body),
        () => ({ success: true, data: null }),
        () => undefined,
      );
    },
    async volunteers() {
      return read(
        await call('GET', '/v1/volunteers'),
        (json) => volunteersSchema.safeParse(json),
        (data) => data.volunteers,
      );
    },
    async decideVolunteer(volunteerId, decision) {
      return read(
        await call('POST', `/v1/volunteers/${id(volunteerId)}/${decision}`),
        (json) => decisionSchema.safeParse(json),
        (data) => ({ status: data.status }),
      );
    },
    async publishPack(packId, packText) {
      return read(
        await call('PUT', `/v1/packs/${id(packId)}`, packText),
        (json) => publishedSchema.safeParse(json),
        (data) => ({ version: data.version }),
      );
    },
  };
}

/** One answer as read off the wire: a 2xx or 304 with its JSON, or a failure already named. */
type Answer = { ok: true; status: number; json: unknown; etag: string | null } | { ok: false; failure: HubFailure };

async function request(
  options: HubClientOptions,
  method: string,
  url: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await options.fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${options.token.trim()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body,
      // The token is the only credential; the Hub's own answers are revalidated by ETag, not the HTTP cache.
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 304) return { ok: true, status: 304, json: null, etag: response.headers.get('ETag') };
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok) return { ok: true, status: response.status, json, etag: response.headers.get('ETag') };
    return { ok: false, failure: failureOf(response.status, json) };
  } catch {
    return { ok: false, failure: { kind: controller.signal.aborted ? 'timeout' : 'network' } };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failureOf(status: number, json: unknown): HubFailure {
  const parsed = errorsSchema.safeParse(json);
  const errors = parsed.success ? parsed.data.errors.slice(0, MAX_ERRORS_KEPT) : [];
  if (status === 401) return { kind: 'refused' };
  if (status === 404) return { kind: 'not-found' };
  if (status === 400) return { kind: 'invalid', errors };
  if (status === 409) return { kind: 'conflict', errors };
  return { kind: 'http', status, errors };
}

/** A 2xx answer checked against its shape; anything else the Hub would never send is "unreadable". */
function read<S, T>(
  answer: Answer,
  parse: (json: unknown) => { success: true; data: S } | { success: false },
  value: (data: S) => T,
): HubResult<T> {
  if (!answer.ok) return answer;
  const parsed = parse(answer.json);
  return parsed.success ? { ok: true, value: value(parsed.data) } : { ok: false, failure: { kind: 'unreadable' } };
}
