// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB } from '../../../utils/platform/db';
import { PACK_SYNC_ALARM, PACK_SYNC_PERIOD_MINUTES, setupPackSync, type PackSyncHandle } from '../../../utils/cards/pack-sync.background';
import { formatPack } from '../../../utils/cards/import';
import { MAX_PACK_SUBSCRIPTIONS, pendingRecord } from '../../../utils/cards/subscriptions';
import { saveSettings } from '../../../utils/settings/settings';
import { useFileServer } from '../../support/file-server';
import { card, pack } from '../../support/factories';
import { sendMessage } from '../../support/messages';

/** Each path the tests subscribe to serves a one-card pack whose id is the path's letters. */
const PACK_PATHS = ['/from-settings', '/from-studio', '/one', '/added'];

const files = useFileServer();
let base: string;
beforeAll(() => {
  base = files.url('');
});
const requests = () => files.seen.map((request) => request.path);

let database: CoachmarkDB;
let handle: PackSyncHandle | undefined;
beforeEach(async () => {
  fakeBrowser.reset();
  for (const path of PACK_PATHS) {
    const id = path.replace(/\W/g, '');
    files.routes.set(path, { body: formatPack(pack({ id, cards: [card({ id: 'c', contexts: [] })] })) });
  }
  database = new CoachmarkDB(`sync-setup-${Math.random()}`);
  await database.open();
});
afterEach(() => {
  handle?.stop();
  handle = undefined;
});

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
    expect(requests().sort()).toEqual(['/from-settings', '/from-studio']);
    expect((await database.packs.get('fromsettings'))?.source).toMatchObject({ kind: 'url', subscribedBy: 'settings' });
  });

  it('answers the studio’s "Sync now" with one result per URL', async () => {
    await database.packs.put(pendingRecord(`${base}/one`, 'studio', 1));
    handle = setupPackSync({ database, fetch });
    const all = await sendMessage('studioSyncsPacks', {});
    expect(all).toEqual([{ url: `${base}/one`, outcome: 'updated', packId: 'one', added: 1, updated: 0, removed: 0, warnings: 0 }]);
    const one = await sendMessage('studioSyncsPacks', { url: `${base}/one` });
    expect(one).toEqual([{ url: `${base}/one`, outcome: 'updated', packId: 'one', added: 0, updated: 0, removed: 0, warnings: 0 }]);
  });

  it('never fetches a URL that is not a subscription because a message names it', async () => {
    handle = setupPackSync({ database, fetch });
    const answer = await sendMessage('studioSyncsPacks', { url: `${base}/unknown` });
    expect(answer).toEqual([{ url: `${base}/unknown`, outcome: 'failed', error: `bad-url: ${base}/unknown` }]);
    expect(requests()).toEqual([]);
    expect(await database.packs.count()).toBe(0);
  });

  it('does not fetch the coach’s subscription past the limit on "Sync now", and says why', async () => {
    await saveSettings({ packUrls: Array.from({ length: MAX_PACK_SUBSCRIPTIONS }, (_, index) => `${base}/policy-${index}`) });
    await database.packs.put(pendingRecord(`${base}/one`, 'studio', 1));
    handle = setupPackSync({ database, fetch });
    const answer = await sendMessage('studioSyncsPacks', { url: `${base}/one` });
    expect(answer).toEqual([{ url: `${base}/one`, outcome: 'failed', error: `over-limit: ${MAX_PACK_SUBSCRIPTIONS}` }]);
    expect(requests()).not.toContain('/one');
  });

  it('fetches a URL added to settings right away', async () => {
    handle = setupPackSync({ database, fetch });
    await saveSettings({ packUrls: [`${base}/added`] });
    await vi.waitFor(
      async () =>
        expect(await database.packs.get('added')).toMatchObject({
          id: 'added',
          cardCount: 1,
          source: { kind: 'url', url: `${base}/added` },
        }),
      { timeout: 3_000 },
    );
  });
});
