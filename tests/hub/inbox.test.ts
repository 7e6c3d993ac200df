import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonPayload } from '../../utils/endpoints/json';
import { parseMentorDirectory } from '../../utils/mentors/directory';
import { COACH_TOKEN, startTestHub, TEST_DATABASE, type TestHub } from './support/hub';
import { newGapFlag, newVolunteer } from './support/payloads';

/** The coaches' inbox: health, coach access, flags, volunteers and the mentor directory. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

interface Listed {
  id: string;
  status: string;
  [field: string]: unknown;
}

async function flags(query = ''): Promise<Listed[]> {
  const response = await hub.coach(`/v1/flags${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { flags: Listed[] }).flags;
}

async function volunteers(): Promise<Listed[]> {
  const response = await hub.coach('/v1/volunteers');
  expect(response.status).toBe(200);
  return ((await response.json()) as { volunteers: Listed[] }).volunteers;
}

const ids = (listed: Listed[], mine: string[]) => listed.map((item) => item.id).filter((id) => mine.includes(id));

describe('GET /v1/health', () => {
  it('names the database the Hub runs on', async () => {
    const response = await fetch(`${hub.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: TEST_DATABASE });
  });
});

describe('coach access', () => {
  const routes: Array<[string, string]> = [
    ['GET', '/v1/coach'],
    ['GET', '/v1/flags'],
    ['POST', '/v1/flags/some-id/resolve'],
    ['POST', '/v1/flags/some-id/reopen'],
    ['GET', '/v1/volunteers'],
    ['POST', '/v1/volunteers/some-id/approve'],
    ['POST', '/v1/volunteers/some-id/decline'],
    ['GET', '/v1/packs'],
    ['PUT', '/v1/packs/some-pack'],
  ];

  it.each(routes)('%s %s answers 401 without a token, with an unknown one, or with another scheme', async (method, route) => {
    for (const authorization of [undefined, 'Bearer not-a-coach-token', `Basic ${COACH_TOKEN}`, 'Bearer ']) {
      const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
      const response = await fetch(`${hub.url}${route}`, { method, headers, body: method === 'GET' ? undefined : '{}' });
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toEqual({ errors: [expect.stringMatching(/^authorization: /)] });
    }
  });

  it('tells the studio whose token it holds', async () => {
    const response = await hub.coach('/v1/coach');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ coach: { name: 'Coach' } });
  });

  it('answers a preflight from an extension page, and lets it read the ETag', async () => {
    const preflight = await fetch(`${hub.url}/v1/flags`, {
      method: 'OPTIONS',
      headers: {
        Origin: EXTENSION,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/\bAuthorization\b/);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/\bIf-None-Match\b/);

    const response = await hub.coach('/v1/flags', { headers: { Origin: EXTENSION } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/\bETag\b/);
    expect(response.headers.get('Vary')).toMatch(/\bOrigin\b/);
  });

  it('gives web pages no CORS access to coach routes', async () => {
    const preflight = await fetch(`${hub.url}/v1/flags`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const response = await hub.coach('/v1/flags', { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('flags', () => {
  it('lists every flag as sent, newest first, with the inbox fields', async () => {
    const sent = [
      newGapFlag({ createdAt: '2026-11-20T09:00:00.000Z', note: 'Oldest' }),
      newGapFlag({ createdAt: '2026-11-22T09:00:00.000Z', note: 'Newest', kind: 'outdated' }),
      newGapFlag({
        createdAt: '2026-11-21T09:00:00.000Z',
        note: 'Middle',
        card: { id: 'c1', title: 'A card', pack: 'starter', version: 2 },
      }),
    ];
    for (const flag of sent) expect((await hub.send(flag)).status).toBe(202);
    const listed = await flags();
    const mine = sent.map((flag) => flag.id);
    expect(ids(listed, mine)).toEqual([sent[1]!.id, sent[2]!.id, sent[0]!.id]);
    for (const flag of sent) {
      const entry = listed.find((item) => item.id === flag.id)!;
      const { status, receivedAt, resolvedAt, resolvedBy, resolution, ...payload } = entry;
      expect(payload).toEqual(toJsonPayload(flag));
      expect({ status, resolvedAt, resolvedBy, resolution }).toEqual({
        status: 'open',
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      });
      expect(new Date(receivedAt as string).toISOString()).toBe(receivedAt);
    }
  });

  it('answers 304 to the ETag it gave while nothing changed, and a new list once something did', async () => {
    const first = await hub.coach('/v1/flags');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await hub.coach('/v1/flags', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    expect((await hub.send(newGapFlag())).status).toBe(202);
    const changed = await hub.coach('/v1/flags', { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('resolves a flag with the card written for it, idempotently, and reopens it', async () => {
    const flag = newGapFlag();
    expect((await hub.send(flag)).status).toBe(202);
    const card = { id: 'canvas-rubric-comments', pack: 'district' };
    const resolve = () => hub.coach(`/v1/flags/${flag.id}/resolve`, { method: 'POST', body: JSON.stringify({ card }) });

    const resolved = await resolve();
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({ id: flag.id, status: 'resolved' });
    const [entry] = (await flags('?status=resolved')).filter((item) => item.id === flag.id);
    expect(entry).toMatchObject({ status: 'resolved', resolvedBy: 'Coach', resolution: { card } });
    expect(new Date(entry!.resolvedAt as string).toISOString()).toBe(entry!.resolvedAt);
    expect(ids(await flags('?status=open'), [flag.id])).toEqual([]);

    expect((await resolve()).status).toBe(200);
    const [again] = (await flags('?status=resolved')).filter((item) => item.id === flag.id);
    expect(again!.resolvedAt).toBe(entry!.resolvedAt);

    const reopened = await hub.coach(`/v1/flags/${flag.id}/reopen`, { method: 'POST' });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toEqual({ id: flag.id, status: 'open' });
    const [open] = (await flags('?status=open')).filter((item) => item.id === flag.id);
    expect(open).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null, resolution: null });
    expect(ids(await flags('?status=resolved'), [flag.id])).toEqual([]);
  });

  it('resolves without a card too', async () => {
    const flag = newGapFlag();
    expect((await hub.send(flag)).status).toBe(202);
    expect((await hub.coach(`/v1/flags/${flag.id}/resolve`, { method: 'POST' })).status).toBe(200);
    expect((await flags('?status=resolved')).find((item) => item.id === flag.id)).toMatchObject({ resolution: null, resolvedBy: 'Coach' });
  });

  it('answers 404 for a flag it does not have, and 400 for a bad status or card', async () => {
    for (const action of ['resolve', 'reopen']) {
      const response = await hub.coach(`/v1/flags/no-such-flag/${action}`, { method: 'POST' });
      expect(response.status, action).toBe(404);
      expect(await response.json()).toEqual({ errors: ['flag: no flag has the id "no-such-flag"'] });
    }
    const badStatus = await hub.coach('/v1/flags?status=pending');
    expect(badStatus.status).toBe(400);
    expect(await badStatus.json()).toEqual({ errors: [expect.stringMatching(/^status: /)] });

    const flag = newGapFlag();
    expect((await hub.send(flag)).status).toBe(202);
    const badCard = await hub.coach(`/v1/flags/${flag.id}/resolve`, { method: 'POST', body: '{"card": {"id": 7}}' });
    expect(badCard.status).toBe(400);
    expect(await badCard.json()).toEqual({ errors: [expect.stringMatching(/^card: /)] });
    expect((await flags('?status=open')).find((item) => item.id === flag.id)).toBeDefined();
  });
});

describe('volunteers and the mentor directory', () => {
  it('lists volunteers newest first as pending, and serves the approved ones as a mentor directory', async () => {
    const approved = newVolunteer({ createdAt: '2026-11-23T08:00:00.000Z', teacher: { name: 'Jordan Lee', school: 'Lincoln' } });
    const declined = newVolunteer({ createdAt: '2026-11-24T08:00:00.000Z', teacher: { name: 'Sam Ortiz' }, handle: 'U09SAM' });
    for (const volunteer of [approved, declined]) expect((await hub.send(volunteer)).status).toBe(202);

    const pending = await volunteers();
    expect(ids(pending, [approved.id, declined.id])).toEqual([declined.id, approved.id]);
    const entry = pending.find((item) => item.id === approved.id)!;
    const { status, receivedAt, decidedAt, ...payload } = entry;
    expect(payload).toEqual(toJsonPayload(approved));
    expect({ status, decidedAt }).toEqual({ status: 'pending', decidedAt: null });
    expect(new Date(receivedAt as string).toISOString()).toBe(receivedAt);

    const approve = await hub.coach(`/v1/volunteers/${approved.id}/approve`, { method: 'POST' });
    expect(approve.status).toBe(200);
    expect(await approve.json()).toEqual({ id: approved.id, status: 'approved' });
    const decline = await hub.coach(`/v1/volunteers/${declined.id}/decline`, { method: 'POST' });
    expect(decline.status).toBe(200);
    expect(await decline.json()).toEqual({ id: declined.id, status: 'declined' });
    const decided = await volunteers();
    expect(decided.find((item) => item.id === approved.id)).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expect(decided.find((item) => item.id === declined.id)).toMatchObject({ status: 'declined' });

    const response = await fetch(`${hub.url}/v1/mentors`, { headers: { Origin: EXTENSION } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const text = await response.text();
    const parsed = parseMentorDirectory(text);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.directory.mentors.find((mentor) => mentor.id === `volunteer-${approved.id}`)).toEqual({
      id: `volunteer-${approved.id}`,
      name: 'Jordan Lee',
      handles: { json: 'U07JORDAN' },
      tools: ['canvas', 'nearpod'],
    });
    expect(parsed.directory.mentors.find((mentor) => mentor.id === `volunteer-${declined.id}`)).toBeUndefined();
  });

  it('serves the directory with an ETag and 304 while it is unchanged', async () => {
    const first = await fetch(`${hub.url}/v1/mentors`);
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect((await fetch(`${hub.url}/v1/mentors`, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const volunteer = newVolunteer({ teacher: { name: 'Riley Chen' } });
    expect((await hub.send(volunteer)).status).toBe(202);
    // A pending volunteer is not a mentor yet.
    expect((await fetch(`${hub.url}/v1/mentors`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await hub.coach(`/v1/volunteers/${volunteer.id}/approve`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${hub.url}/v1/mentors`, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });

  it('answers 404 for a volunteer it does not have', async () => {
    for (const decision of ['approve', 'decline']) {
      const response = await hub.coach(`/v1/volunteers/nobody/${decision}`, { method: 'POST' });
      expect(response.status, decision).toBe(404);
      expect(await response.json()).toEqual({ errors: ['volunteer: no volunteer has the id "nobody"'] });
    }
  });
});
