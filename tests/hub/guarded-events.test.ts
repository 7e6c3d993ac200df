import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../utils/endpoints/index';
import { startTestHub, type TestHub } from './support/hub';
import { newGapFlag, newHelpRequest } from './support/payloads';

/** POST /v1/events on a Hub with a shared secret, and on one with a low rate limit. */

const SECRET = 'lincoln-district-secret';

describe('with HUB_SECRET', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ secret: SECRET });
  });
  afterAll(() => hub?.close());

  it('accepts an event the extension signed with the shared secret (202)', async () => {
    const flag = newGapFlag();
    const response = await hub.send(flag, { secret: SECRET });
    expect(response.status).toBe(202);
    expect(await hub.stored(flag.id)).toBe(1);
  });

  it('refuses a missing, wrong or stale signature (401), stores nothing, and takes the event once it is signed', async () => {
    const flag = newGapFlag();
    const minutes = (n: number) => Date.now() + n * 60_000;
    const unsigned = await buildRequest('json', flag);
    const signed = await buildRequest('json', flag, { secret: SECRET });
    const refusals: Array<[string, Promise<Response>, RegExp]> = [
      ['unsigned', hub.post(unsigned.body, unsigned.headers), /^X-Coachmark-Signature: is missing/],
      ['no timestamp', hub.post(signed.body, { ...signed.headers, [TIMESTAMP_HEADER]: '' }), /^X-Coachmark-Timestamp: is missing/],
      ['another secret', hub.send(flag, { secret: 'not-the-secret' }), /^X-Coachmark-Signature: does not match/],
      ['another body', hub.post(signed.body.replace('Nothing', 'Something'), signed.headers), /^X-Coachmark-Signature: does not match/],
      ['signed 6 minutes ago', hub.send(flag, { secret: SECRET, now: minutes(-6) }), /^X-Coachmark-Timestamp: is more than 5 minutes/],
      ['signed 6 minutes ahead', hub.send(flag, { secret: SECRET, now: minutes(6) }), /^X-Coachmark-Timestamp: is more than 5 minutes/],
      [
        'malformed',
        hub.post(signed.body, { ...signed.headers, [SIGNATURE_HEADER]: 'sha256=not-hex' }),
        /^X-Coachmark-Signature: must be sha256=/,
      ],
    ];
    for (const [what, pending, message] of refusals) {
      const response = await pending;
      expect(response.status, what).toBe(401);
      expect(await response.json(), what).toEqual({ errors: [expect.stringMatching(message)] });
    }
    expect(await hub.stored(flag.id)).toBe(0);
    const response = await hub.send(flag, { secret: SECRET });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ id: flag.id, status: 'accepted' });
  });

  it('checks the signature before it reads the payload', async () => {
    const response = await hub.post('not even JSON', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(401);
  });
});

describe('past the rate limit', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // Six a minute: a burst of one, then one every ten seconds. Behind a proxy, so that each
    // test can be a client of its own.
    hub = await startTestHub({ rateLimitPerMinute: 6, trustProxy: true });
  });
  afterAll(() => hub?.close());

  const from = async (client: string, payload = newHelpRequest()) => {
    const request = await buildRequest('json', payload);
    return hub.post(request.body, { ...request.headers, 'X-Forwarded-For': `${client}, 10.0.0.1` });
  };

  it('answers 429 with the seconds to wait in Retry-After, and stores nothing', async () => {
    expect((await from('198.51.100.7')).status).toBe(202);
    const refused = newHelpRequest();
    const response = await from('198.51.100.7', refused);
    expect(response.status).toBe(429);
    const retryAfter = response.headers.get('Retry-After');
    expect(retryAfter).toMatch(/^\d+$/);
    // Ten seconds for the next token, less whatever passed since the first request.
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    expect(await response.json()).toEqual({ errors: [`rate: too many events from this client; try again in ${retryAfter} s`] });
    expect(await hub.stored(refused.id)).toBe(0);
  });

  it('limits each client on its own', async () => {
    expect((await from('198.51.100.8')).status).toBe(202);
    expect((await from('198.51.100.8')).status).toBe(429);
    expect((await from('198.51.100.9')).status).toBe(202);
  });

  it('counts refused requests against the client too, valid or not', async () => {
    const garbage = await hub.post('{', { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.10' });
    expect(garbage.status).toBe(400);
    expect((await from('198.51.100.10')).status).toBe(429);
  });
});
