import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../utils/cards/pack';
import type { Pack } from '../../utils/cards/schema';
import { startTestHub, type TestHub } from './support/hub';
import { newPack } from './support/payloads';

/** Packs published from the studio and served to teachers' extensions. */

const BAD_PACKS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/bad-packs');
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const publish = (id: string, body: string | Pack) =>
  hub.coach(`/v1/packs/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body, null, 2),
  });
const served = (id: string, headers: Record<string, string> = {}) => fetch(`${hub.url}/v1/packs/${id}`, { headers });

describe('PUT /v1/packs/:id', () => {
  it('publishes a valid pack, which anyone can then read, as parsePack reads it', async () => {
    const pack = newPack();
    const response = await publish(pack.id, pack);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: pack.id, version: '1.0.0', warnings: [] });

    const read = await served(pack.id, { Origin: EXTENSION });
    expect(read.status).toBe(200);
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const text = await read.text();
    const parsed = parsePack(text);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(JSON.parse(text)).toEqual(pack);

    const list = await hub.coach('/v1/packs');
    expect(list.status).toBe(200);
    const { packs } = (await list.json()) as { packs: Array<{ id: string }> };
    expect(packs.find((summary) => summary.id === pack.id)).toEqual({
      id: pack.id,
      name: pack.name,
      version: '1.0.0',
      cards: 2,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('refuses an invalid pack with parsePack’s path-named errors (400) and stores nothing', async () => {
    const text = readFileSync(path.join(BAD_PACKS, 'bad-level.json'), 'utf8');
    const expected = parsePack(text);
    expect(expected.ok).toBe(false);
    if (expected.ok) return;
    const id = (JSON.parse(text) as { id: string }).id;
    const response = await publish(id, text);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: string[] };
    expect(errors).toEqual(expected.errors);
    expect(errors[0]).toMatch(/^cards\[1\]\.level: /);
    expect((await served(id)).status).toBe(404);
  });

  it('keeps the published version when a broken update is refused', async () => {
    const pack = newPack();
    expect((await publish(pack.id, pack)).status).toBe(200);
    const broken = { ...pack, version: '2.0.0', cards: [{ ...pack.cards[0]!, title: '' }] };
    const response = await publish(pack.id, broken as Pack);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.stringMatching(/^cards\[0\]\.title: /)] });
    expect(await (await served(pack.id)).json()).toEqual(pack);
  });

  it('refuses a version that is not higher (409), and takes one that is', async () => {
    const pack = newPack({ version: '1.9.0' });
    expect((await publish(pack.id, pack)).status).toBe(200);
    for (const version of ['1.9.0', '1.8.12', '0.9']) {
      const response = await publish(pack.id, { ...pack, version, name: `Not ${version}` });
      expect(response.status, version).toBe(409);
      expect(await response.json()).toEqual({ errors: [`version: is ${version}; it must be higher than the published 1.9.0`] });
    }
    expect(await (await served(pack.id)).json()).toEqual(pack);

    // Numerically higher, though not as text.
    const next = { ...pack, version: '1.10.0', cards: [pack.cards[0]!] };
    const response = await publish(pack.id, next);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: pack.id, version: '1.10.0' });
    expect(await (await served(pack.id)).json()).toEqual(next);
  });

  it('refuses a pack published under another id (400)', async () => {
    const pack = newPack();
    const response = await publish('another-pack', pack);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [`id: is "${pack.id}", but the pack is being published as "another-pack"`] });
    expect((await served('another-pack')).status).toBe(404);
    expect((await served(pack.id)).status).toBe(404);
  });

  it('answers a preflight for PUT from an extension page', async () => {
    const preflight = await fetch(`${hub.url}/v1/packs/district`, {
      method: 'OPTIONS',
      headers: {
        Origin: EXTENSION,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toMatch(/\bPUT\b/);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/\bAuthorization\b/);

    const fromPage = await fetch(`${hub.url}/v1/packs/district`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(fromPage.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('GET /v1/packs/:id', () => {
  it('serves an ETag, 304 for it while the pack is unchanged, and a new one after an update', async () => {
    const pack = newPack();
    expect((await publish(pack.id, pack)).status).toBe(200);
    const first = await served(pack.id);
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await served(pack.id, { 'If-None-Match': etag, Origin: EXTENSION });
    expect(again.status).toBe(304);
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');

    expect((await publish(pack.id, { ...pack, version: '1.0.1' })).status).toBe(200);
    const updated = await served(pack.id, { 'If-None-Match': etag });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('ETag')).not.toBe(etag);
    expect(await updated.json()).toMatchObject({ version: '1.0.1' });
  });

  it('answers a public preflight with *', async () => {
    const preflight = await fetch(`${hub.url}/v1/packs/district`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://teacher.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers 404 for a pack it does not have', async () => {
    const response = await served('never-published');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: ['pack: no pack "never-published" is published on this Hub'] });
  });
});
