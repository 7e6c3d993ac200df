// @vitest-environment node
// A real HTTP server on 127.0.0.1 and Node's own fetch: happy-dom's fetch would apply CORS.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFileServer } from '../../support/file-server';
import { CoachmarkDB, type PackRecord } from '../../../utils/platform/db';
import { syncAllPacks, syncPackUrl, type SyncEnvironment } from '../../../utils/cards/pack-sync.background';
import { exportPack, formatPack, importPack } from '../../../utils/cards/import';
import { MAX_PACK_SUBSCRIPTIONS, pendingPackId, planSubscriptions } from '../../../utils/cards/subscriptions';
import { ensureStarterPack, STARTER_PACK_ID } from '../../../utils/cards/store';
import { cardsOnPage } from '../../../utils/cards/page-cards';
import type { Card, Pack } from '../../../utils/cards/schema';
import { card, pack } from '../../support/factories';

/** The district's synced feed, as the tests serve it. */
function feed(cards: Card[], extra: Partial<Pack> = {}): Pack {
  return pack({ id: 'feed', cards, ...extra });
}

const files = useFileServer();
const { routes, seen } = files;

let database: CoachmarkDB;
let clock: number;
let env: SyncEnvironment;

beforeEach(async () => {
  database = new CoachmarkDB(`sync-${Math.random()}`);
  await database.open();
  clock = 1_000_000;
  env = { fetch: (input, init) => fetch(input, init), now: () => clock, database, timeoutMs: 2_000 };
});

const url = (path: string) => files.url(path);
const cardsOf = async (packId: string) => (await database.cards.where('pack').equals(packId).toArray()).map((c) => [c.id, c.title]);
const sourceOf = async (packId: string) => (await database.packs.get(packId))?.source;

describe('syncPackUrl against a real HTTP server', () => {
  it('fetches a pack, stores it with its ETag, then revalidates with If-None-Match and keeps it on 304', async () => {
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' }), card({ id: 'b' })])), etag: '"v1"' });
    const first = await syncPackUrl(url('/feed.json'), env);
    expect(first).toEqual({ url: url('/feed.json'), outcome: 'updated', packId: 'feed', added: 2, updated: 0, removed: 0, warnings: 0 });
    expect(seen[0]!.headers['if-none-match']).toBeUndefined();
    expect(await sourceOf('feed')).toEqual({
      kind: 'url',
      url: url('/feed.json'),
      etag: '"v1"',
      lastSyncAt: 1_000_000,
      subscribedBy: 'studio',
    });

    clock = 2_000_000;
    const second = await syncPackUrl(url('/feed.json'), env);
    expect(second).toEqual({ url: url('/feed.json'), outcome: 'unchanged', packId: 'feed' });
    expect(seen[1]!.headers['if-none-match']).toBe('"v1"');
    expect(await cardsOf('feed')).toEqual([
      ['a', 'Title of a'],
      ['b', 'Title of b'],
    ]);
    expect(await sourceOf('feed')).toMatchObject({ etag: '"v1"', lastSyncAt: 2_000_000 });
  });

  it('fetches the whole pack when the conditional request is refused (a CORS preflight the server does not answer)', async () => {
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })])), etag: '"v1"' });
    await syncPackUrl(url('/feed.json'), env);
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' }), card({ id: 'b' })], { version: '1.1.0' })), etag: '"v2"' });
    const preflightRefused: typeof fetch = (input, init) =>
      new Headers(init?.headers).has('If-None-Match') ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const result = await syncPackUrl(url('/feed.json'), { ...env, fetch: preflightRefused });
    expect(result).toMatchObject({ outcome: 'updated', added: 1 });
    expect(await cardsOf('feed')).toEqual([
      ['a', 'Title of a'],
      ['b', 'Title of b'],
    ]);
  });

  it('replaces the pack when it changes: added, updated and removed cards', async () => {
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' }), card({ id: 'b' })])), etag: '"v1"' });
    await syncPackUrl(url('/feed.json'), env);
    routes.set('/feed.json', {
      body: formatPack(feed([card({ id: 'a', title: 'New title' }), card({ id: 'c' })], { version: '1.1.0' })),
      etag: '"v2"',
    });
    const result = await syncPackUrl(url('/feed.json'), env);
    expect(result).toMatchObject({ outcome: 'updated', added: 1, updated: 1, removed: 1 });
    expect(seen[1]!.headers['if-none-match']).toBe('"v1"');
    expect(await cardsOf('feed')).toEqual([
      ['a', 'New title'],
      ['c', 'Title of c'],
    ]);
    expect(await database.packs.get('feed')).toMatchObject({ version: '1.1.0', cardCount: 2, source: { etag: '"v2"' } });
    // The stored copy exports as the file the server published.
    expect(await exportPack('feed', database)).toBe(routes.get('/feed.json')!.body);
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' }, /^http: 500$/],
    ['a missing file', { status: 404, body: '' }, /^http: 404$/],
    ['invalid JSON', { body: '{ "schemaVersion": 1, ' }, /^invalid: file: invalid JSON at line 1/],
    [
      'an invalid pack',
      { body: JSON.stringify({ ...feed([card({ id: 'a' })]), cards: [{ ...card({ id: 'a' }), level: 'expert' }] }) },
      /^invalid: cards\[0\]\.level: /,
    ],
  ])('keeps the last good copy after %s and records why', async (_name, route, error) => {
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })])), etag: '"v1"' });
    await syncPackUrl(url('/feed.json'), env);
    const before = await database.cards.toArray();
    routes.set('/feed.json', route);
    clock = 5_000_000;
    const result = await syncPackUrl(url('/feed.json'), env);
    expect(result).toMatchObject({ outcome: 'failed', packId: 'feed', error: expect.stringMatching(error) });
    expect(await database.cards.toArray()).toEqual(before);
    expect(await sourceOf('feed')).toMatchObject({ etag: '"v1"', lastSyncAt: 5_000_000, lastError: expect.stringMatching(error) });

    // The next good sync clears the error.
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })])), etag: '"v1"' });
    expect(await syncPackUrl(url('/feed.json'), env)).toMatchObject({ outcome: 'unchanged' });
    expect((await sourceOf('feed')) as { lastError?: string }).not.toHaveProperty('lastError', expect.anything());
  });

  it('stops reading a body past the size limit, even without Content-Length', async () => {
    routes.set('/huge.json', { streamBytes: 21 * 1024 * 1024 });
    const result = await syncPackUrl(url('/huge.json'), env);
    expect(result).toMatchObject({ outcome: 'failed', error: 'too-large' });
    expect(await database.cards.count()).toBe(0);
  });

  it('gives up after the time limit', async () => {
    routes.set('/slow.json', { body: formatPack(feed([card({ id: 'a' })])), delayMs: 1_500 });
    const result = await syncPackUrl(url('/slow.json'), { ...env, timeoutMs: 200 });
    expect(result).toMatchObject({ outcome: 'failed', error: 'timeout' });
  });

  it('reports an unreachable server as a network failure and keeps a placeholder that says so', async () => {
    const result = await syncPackUrl('http://127.0.0.1:9/feed.json', env);
    expect(result).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^network/) });
    expect(result).not.toHaveProperty('packId', expect.anything());
    const placeholder = await database.packs.get(pendingPackId('http://127.0.0.1:9/feed.json'));
    expect(placeholder).toMatchObject({ cardCount: 0, source: { kind: 'url', lastError: expect.stringMatching(/^network/) } });
  });

  it('replaces the placeholder with the pack once a sync succeeds', async () => {
    const placeholder: PackRecord = {
      id: pendingPackId(url('/feed.json')),
      name: url('/feed.json'),
      version: '',
      source: { kind: 'url', url: url('/feed.json'), subscribedBy: 'studio', lastError: 'http: 500' },
      cardCount: 0,
      updatedAt: 1,
    };
    await database.packs.put(placeholder);
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })])) });
    expect(await syncPackUrl(url('/feed.json'), env)).toMatchObject({ outcome: 'updated', packId: 'feed' });
    expect((await database.packs.toArray()).map((record) => record.id)).toEqual(['feed']);
  });

  it('refuses a pack whose id belongs to a local pack, changing nothing', async () => {
    await importPack(feed([card({ id: 'mine' })]), { kind: 'local' }, database);
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'theirs' })])) });
    const result = await syncPackUrl(url('/feed.json'), env);
    expect(result).toMatchObject({ outcome: 'failed', error: 'id-taken: feed' });
    expect(await cardsOf('feed')).toEqual([['mine', 'Title of mine']]);
    expect(await sourceOf('feed')).toMatchObject({ kind: 'local' });
  });

  it('follows the publisher when the pack id changes', async () => {
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })])) });
    await syncPackUrl(url('/feed.json'), env);
    routes.set('/feed.json', { body: formatPack(feed([card({ id: 'a' })], { id: 'feed-2027' })) });
    await syncPackUrl(url('/feed.json'), env);
    expect((await database.packs.toArray()).map((record) => record.id)).toEqual(['feed-2027']);
    expect(await database.cards.where('pack').equals('feed').count()).toBe(0);
  });

  describe('redirects', () => {
    // A good pack waits at every target, so that following the redirect would visibly succeed.
    const goodFeed = () => formatPack(feed([card({ id: 'a' })]));
    const requested = () => seen.map((request) => request.path);

    it('does not follow a redirect to an address the rule refuses (a user name and password), and names it', async () => {
      const target = url('/feed.json').replace('http://', 'http://teacher:secret@');
      routes.set('/old.json', { location: target });
      routes.set('/feed.json', { body: goodFeed() });
      // Named without its password, which must not end up stored.
      const error = `redirect: ${target.replace(':secret@', ':***@')}`;
      expect(await syncPackUrl(url('/old.json'), env)).toEqual({ url: url('/old.json'), outcome: 'failed', error });
      expect(requested()).toEqual(['/old.json']);
      expect(await database.cards.count()).toBe(0);
      expect(await database.packs.get(pendingPackId(url('/old.json')))).toMatchObject({ source: { lastError: error } });
    });

    it('does not follow a redirect to plain http on another machine, and names it', async () => {
      routes.set('/old.json', { location: 'http://packs.invalid/feed.json' });
      const result = await syncPackUrl(url('/old.json'), env);
      expect(result).toMatchObject({ outcome: 'failed', error: 'redirect: http://packs.invalid/feed.json' });
      expect(requested()).toEqual(['/old.json']);
    });

    it('stops at a redirect to an allowed address too, saying where it leads, and keeps the last good copy', async () => {
      routes.set('/feed.json', { body: goodFeed(), etag: '"v1"' });
      routes.set('/moved.json', { body: goodFeed() });
      await syncPackUrl(url('/feed.json'), env);
      routes.set('/feed.json', { location: '/moved.json' });
      const result = await syncPackUrl(url('/feed.json'), env);
      expect(result).toEqual({ url: url('/feed.json'), outcome: 'failed', error: `redirect: ${url('/moved.json')}`, packId: 'feed' });
      expect(requested()).toEqual(['/feed.json', '/feed.json']);
      expect(await cardsOf('feed')).toEqual([['a', 'Title of a']]);
    });
  });

  it('refuses a URL that is not https before any request', async () => {
    const result = await syncPackUrl('http://example.org/feed.json', env);
    expect(result).toMatchObject({ outcome: 'failed', error: 'bad-url: http://example.org/feed.json' });
    expect(seen).toHaveLength(0);
  });
});

describe('syncAllPacks', () => {
  it('syncs settings and studio subscriptions, each once, and drops packs the settings no longer list', async () => {
    routes.set('/a.json', { body: formatPack(feed([card({ id: 'a' })], { id: 'pack-a' })) });
    routes.set('/b.json', { body: formatPack(feed([card({ id: 'b' })], { id: 'pack-b' })) });
    routes.set('/c.json', { body: formatPack(feed([card({ id: 'c' })], { id: 'pack-c' })) });
    await syncPackUrl(url('/c.json'), env); // subscribed in the studio

    const results = await syncAllPacks([url('/a.json'), url('/b.json'), url('/a.json')], env);
    expect(results.map((r) => [r.url, r.outcome])).toEqual([
      [url('/a.json'), 'updated'],
      [url('/b.json'), 'updated'],
      [url('/c.json'), 'updated'],
    ]);
    expect(await sourceOf('pack-a')).toMatchObject({ subscribedBy: 'settings' });
    expect(await sourceOf('pack-c')).toMatchObject({ subscribedBy: 'studio' });

    // The school removes b from policy: its pack goes; the coach's own subscription stays.
    const after = await syncAllPacks([url('/a.json')], env);
    expect(after.map((r) => r.url)).toEqual([url('/a.json'), url('/c.json')]);
    expect((await database.packs.toArray()).map((record) => record.id).sort()).toEqual(['pack-a', 'pack-c']);
    expect(await database.cards.where('pack').equals('pack-b').count()).toBe(0);
  });

  it('with 10,000 pack URLs from policy fetches only the first ones, reports the rest, and the starter pack never waits', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const paths = Array.from({ length: 10_000 }, (_, index) => `/policy/${index}.json`);
    // Each answer takes a moment, so the sync is still under way while the starter pack loads.
    paths.forEach((path, index) =>
      routes.set(path, { body: formatPack(feed([card({ id: 'a' })], { id: `policy-${index}` })), delayMs: 20 }),
    );
    const urls = paths.map(url);

    let finished = false;
    const syncing = syncAllPacks(urls, env).finally(() => (finished = true));
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    const starter = readFileSync(resolve(import.meta.dirname, '../../../public/packs/starter.json'), 'utf8');
    expect(await ensureStarterPack(async () => starter, database)).toBe('installed');
    const firstScreen = await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage: 'en-US' });
    expect(firstScreen.map((c) => c.key)).toContain(`${STARTER_PACK_ID}/canvas-speedgrader-rubric`);
    expect(finished).toBe(false);

    const results = await syncing;
    expect(results).toHaveLength(MAX_PACK_SUBSCRIPTIONS);
    expect(results.every((result) => result.outcome === 'updated')).toBe(true);
    expect(seen.map((request) => request.path)).toEqual(paths.slice(0, MAX_PACK_SUBSCRIPTIONS));
    expect(await database.packs.count()).toBe(MAX_PACK_SUBSCRIPTIONS + 1);
    // What the studio lists as not synced, and what the background's log says.
    const plan = planSubscriptions(urls, await database.packs.toArray());
    expect(plan.overflow).toEqual(urls.slice(MAX_PACK_SUBSCRIPTIONS));
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`${10_000 - MAX_PACK_SUBSCRIPTIONS} pack addresses past the first ${MAX_PACK_SUBSCRIPTIONS}`),
    );
    warn.mockRestore();
  }, 20_000);
});
