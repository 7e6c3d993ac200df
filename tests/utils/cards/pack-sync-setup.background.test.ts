// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB } from '../../../utils/platform/db';
import { PACK_SYNC_ALARM, PACK_SYNC_PERIOD_MINUTES, setupPackSync, type PackSyncHandle } from '../../../utils/cards/pack-sync.background';
import { formatPack } from '../../../utils/cards/import';
import { pendingRecord } from '../../../utils/cards/subscriptions';
import { saveSettings } from '../../../utils/settings/settings';

let server: Server;
let base: string;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const id = (request.url ?? '').replace(/\W/g, '') || 'pack';
    const body = formatPack({
      id,
      name: `Pack ${id}`,
      version: '1.0.0',
      cards: [
        { id: 'c', title: 'Card', summary: 'S.', steps: ['Go.'], tools: ['canvas'], contexts: [], tags: [], level: 'beginner', links: [] },
      ],
    });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let database: CoachmarkDB;
let handle: PackSyncHandle | undefined;
beforeEach(async () => {
  fakeBrowser.reset();
  requests = [];
  database = new CoachmarkDB(`sync-setup-${Math.random()}`);
  await database.open();
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
});

/** A message as @webext-core/messaging sends it; resolves with the handler's answer. */
async function send(type: string, data: unknown): Promise<unknown> {
  const answer = new Promise<{ res?: unknown }>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, {}, resolve);
  });
  return (await answer).res;
}

describe('setupPackSync', () => {
  it('schedules the periodic alarm', async () => {
    handle = setupPackSync({ database, fetch });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(PACK_SYNC_ALARM)).toMatchObject({ periodInMinutes: PACK_SYNC_PERIOD_MINUTES }),
    );
  });

  it('syncs every subscription when the alarm fires', async () => {
    await saveSettings({ packUrls: [`${base}/from-settings`] });
    await database.packs.put(pendingRecord(`${base}/from-studio`, 'studio', 1));
    handle = setupPackSync({ database, fetch });
    await fakeBrowser.alarms.onAlarm.trigger({ name: PACK_SYNC_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () =>
      expect((await database.packs.toArray()).map((pack) => pack.id).sort()).toEqual(['fromsettings', 'fromstudio']),
    );
    expect(requests.sort()).toEqual(['/from-settings', '/from-studio']);
    expect((await database.packs.get('fromsettings'))?.source).toMatchObject({ kind: 'url', subscribedBy: 'settings' });
  });

  it('answers the studio’s "Sync now" with one result per URL', async () => {
    await database.packs.put(pendingRecord(`${base}/one`, 'studio', 1));
    handle = setupPackSync({ database, fetch });
    const all = await send('studioSyncsPacks', {});
    expect(all).toEqual([{ url: `${base}/one`, outcome: 'updated', packId: 'one', added: 1, updated: 0, removed: 0, warnings: 0 }]);
    const one = await send('studioSyncsPacks', { url: `${base}/one` });
    expect(one).toEqual([{ url: `${base}/one`, outcome: 'updated', packId: 'one', added: 0, updated: 0, removed: 0, warnings: 0 }]);
  });

  it('never fetches a URL that is not a subscription because a message names it', async () => {
    handle = setupPackSync({ database, fetch });
    const answer = await send('studioSyncsPacks', { url: `${base}/unknown` });
    expect(answer).toEqual([{ url: `${base}/unknown`, outcome: 'failed', error: `bad-url: ${base}/unknown` }]);
    expect(requests).toEqual([]);
    expect(await database.packs.count()).toBe(0);
  });

  it('fetches a URL added to settings right away', async () => {
    handle = setupPackSync({ database, fetch });
    await saveSettings({ packUrls: [`${base}/added`] });
    await vi.waitFor(async () => expect(await database.packs.get('added')).toBeTruthy(), { timeout: 3_000 });
  });
});
