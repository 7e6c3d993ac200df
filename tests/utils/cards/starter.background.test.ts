import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB } from '../../../utils/platform/db';
import { setupStarterPack } from '../../../utils/cards/starter.background';
import { STARTER_PACK_ID } from '../../../utils/cards/store';
import { poll } from '../../e2e/support/poll';
import { sendMessage } from '../../support/messages';

const STARTER_TEXT = readFileSync(resolve(import.meta.dirname, '../../../public/packs/starter.json'), 'utf8');
const STARTER_CARDS = (JSON.parse(STARTER_TEXT) as { cards: unknown[] }).cards.length;

let database: CoachmarkDB;
let stop: (() => void) | undefined;
beforeEach(async () => {
  fakeBrowser.reset();
  database = new CoachmarkDB(`starter-${Math.random()}`);
  await database.open();
});
afterEach(async () => {
  stop?.();
  stop = undefined;
  await database.delete();
});

const starterCardCount = () => database.cards.where('pack').equals(STARTER_PACK_ID).count();
const waitForStarterCards = () =>
  poll(async () => ((await starterCardCount()) === STARTER_CARDS ? true : undefined), 5_000, 'the starter cards to be stored');

describe('the starter pack while the browser runs', () => {
  it('comes back when its pack and cards are deleted, with no restart', async () => {
    stop = setupStarterPack({ database, readBundledText: async () => STARTER_TEXT });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await waitForStarterCards();

    await database.transaction('rw', database.packs, database.cards, async () => {
      await database.cards.clear();
      await database.packs.clear();
    });
    await waitForStarterCards();
    expect((await database.packs.get(STARTER_PACK_ID))?.source).toEqual({ kind: 'builtin' });
  });

  it('comes back when only its cards are deleted (the pack row still says they are there)', async () => {
    stop = setupStarterPack({ database, readBundledText: async () => STARTER_TEXT });
    await waitForStarterCards();
    await database.cards.where('pack').equals(STARTER_PACK_ID).delete();
    await waitForStarterCards();
  });

  it('leaves coach packs alone while repairing', async () => {
    await database.packs.put({ id: 'district', name: 'District', version: '1', source: { kind: 'local' }, cardCount: 0, updatedAt: 1 });
    stop = setupStarterPack({ database, readBundledText: async () => STARTER_TEXT });
    await waitForStarterCards();
    expect((await database.packs.toArray()).map((pack) => pack.id).sort()).toEqual([STARTER_PACK_ID, 'district']);
  });

  it('opens the database anew and reinstalls the pack when a page reset it', async () => {
    stop = setupStarterPack({ database, readBundledText: async () => STARTER_TEXT });
    await waitForStarterCards();
    // What a reset does from a page: delete the database under this connection, then make it anew.
    const page = new CoachmarkDB(database.name);
    await page.delete({ disableAutoOpen: false });
    await page.open();
    page.close();
    expect(await sendMessage('pageResetsDatabase', {})).toEqual({ starterPack: 'installed' });
    expect(await starterCardCount()).toBe(STARTER_CARDS);
  });
});
