// @vitest-environment node
// A real HTTP server on 127.0.0.1 and Node's own fetch: happy-dom's fetch would apply CORS.
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubClient } from '../../../utils/hub/client';
import { listenOnLoopback } from '../../support/loopback';
import { hubFlag, hubVolunteer, startFakeHub, type FakeHub } from './fake-hub';

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(() => hub.close());
beforeEach(() => hub.reset());

const client = (token = hub.token, url = `${hub.url}/`) => createHubClient({ url, token, fetch: (input, init) => fetch(input, init) });

describe('Hub client', () => {
  it('asks who the token belongs to, with the token as a bearer token and no cookies', async () => {
    expect(await client().coach()).toEqual({ ok: true, value: { name: 'Ms. Rivera' } });
    expect(hub.received[0]).toMatchObject({ method: 'GET', path: '/v1/coach' });
    expect(hub.received[0]!.headers.authorization).toBe('Bearer coach-token');
    expect(hub.received[0]!.headers.cookie).toBeUndefined();
  });

  it('names a 401 as the token being refused', async () => {
    expect(await client('wrong').coach()).toEqual({ ok: false, failure: { kind: 'refused' } });
  });

  it('names an address where nothing answers, and one it may not call, without sending anything', async () => {
    const closed = await listenOnLoopback(createServer());
    const base = closed.base;
    await closed.close();
    expect(await client(hub.token, base).coach()).toEqual({ ok: false, failure: { kind: 'network' } });
    expect(await client(hub.token, 'http://hub.district.example').coach()).toEqual({ ok: false, failure: { kind: 'invalid-url' } });
    expect(hub.received).toHaveLength(0);
  });

  it('calls an answer that is not the Hub API unreadable, and keeps the status and errors of others', async () => {
    hub.override = { status: 200, body: '<html>Welcome</html>' };
    expect(await client().coach()).toEqual({ ok: false, failure: { kind: 'unreadable' } });
    hub.override = { status: 503, body: JSON.stringify({ errors: ['database: not ready'] }), contentType: 'application/json' };
    expect(await client().coach()).toEqual({ ok: false, failure: { kind: 'http', status: 503, errors: ['database: not ready'] } });
  });

  it('gives up on a Hub that never answers within the time limit', async () => {
    const silent = createServer(() => undefined);
    const listening = await listenOnLoopback(silent);
    try {
      const slow = createHubClient({ url: listening.base, token: 't', fetch: (input, init) => fetch(input, init), timeoutMs: 50 });
      expect(await slow.coach()).toEqual({ ok: false, failure: { kind: 'timeout' } });
    } finally {
      await listening.close();
    }
  });

  it('lists the flags with their ETag, and revalidates with If-None-Match', async () => {
    hub.flags = [hubFlag('f2', { status: 'resolved', resolvedBy: 'Ms. Rivera' }), hubFlag('f1')];
    const first = await client().flags();
    if (!first.ok || first.value.kind !== 'flags') throw new Error(`expected flags, got ${JSON.stringify(first)}`);
    expect(first.value.flags.map((flag) => [flag.id, flag.status, flag.resolvedBy])).toEqual([
      ['f2', 'resolved', 'Ms. Rivera'],
      ['f1', 'open', null],
    ]);
    expect(first.value.flags[1]!.raw).toMatchObject({ note: 'How do I hide grades until I post them?', teacher: { name: 'Mr. Okafor' } });
    expect(first.value.etag).toMatch(/^".+"$/);

    expect(await client().flags({ etag: first.value.etag! })).toEqual({ ok: true, value: { kind: 'not-modified' } });
    expect(hub.received[1]!.headers['if-none-match']).toBe(first.value.etag);
    hub.flags.push(hubFlag('f3'));
    const changed = await client().flags({ etag: first.value.etag! });
    expect(changed.ok && changed.value.kind === 'flags' && changed.value.flags.length).toBe(3);
  });

  it('resolves a flag with the card written for it, and names an unknown one', async () => {
    hub.flags = [hubFlag('f1')];
    expect(await client().resolveFlag('f1', { id: 'hide-grades', pack: 'district' })).toEqual({ ok: true, value: undefined });
    expect(hub.received[0]).toMatchObject({ method: 'POST', path: '/v1/flags/f1/resolve' });
    expect(JSON.parse(hub.received[0]!.body)).toEqual({ card: { id: 'hide-grades', pack: 'district' } });
    expect(hub.received[0]!.headers['content-type']).toBe('application/json');
    expect(hub.flags[0]).toMatchObject({ status: 'resolved', resolution: { card: { id: 'hide-grades', pack: 'district' } } });
    expect(await client().resolveFlag('nope')).toEqual({ ok: false, failure: { kind: 'not-found' } });
    expect(hub.received[1]!.body).toBe('');
  });

  it('lists volunteers and approves or declines them', async () => {
    hub.volunteers = [hubVolunteer('v1'), hubVolunteer('v2', { teacher: { name: 'Mr. Diaz' }, handle: '' })];
    const listed = await client().volunteers();
    expect(listed.ok && listed.value.map((volunteer) => [volunteer.id, volunteer.teacher.name, volunteer.status])).toEqual([
      ['v1', 'Ms. Chen', 'pending'],
      ['v2', 'Mr. Diaz', 'pending'],
    ]);
    expect(await client().decideVolunteer('v1', 'approve')).toEqual({ ok: true, value: { status: 'approved' } });
    expect(await client().decideVolunteer('v2', 'decline')).toEqual({ ok: true, value: { status: 'declined' } });
    expect(hub.received.slice(1).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/volunteers/v1/approve',
      'POST /v1/volunteers/v2/decline',
    ]);
  });

  it('publishes a pack, and lists the errors of a refused one', async () => {
    const pack = (version: string) => JSON.stringify({ schemaVersion: 1, id: 'district', name: 'District', version, cards: [] });
    expect(await client().publishPack('district', pack('1.0.0'))).toEqual({ ok: true, value: { version: '1.0.0' } });
    expect(hub.received[0]).toMatchObject({ method: 'PUT', path: '/v1/packs/district', body: pack('1.0.0') });
    expect(await client().publishPack('district', pack('1.0.0'))).toEqual({
      ok: false,
      failure: { kind: 'conflict', errors: ['version: 1.0.0 must be higher than the published 1.0.0'] },
    });
    expect(await client().publishPack('other', pack('2.0.0'))).toEqual({
      ok: false,
      failure: { kind: 'invalid', errors: ['id: must equal the address\'s pack id "other"'] },
    });
  });
});
