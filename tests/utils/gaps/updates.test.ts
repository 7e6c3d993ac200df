import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { importPack } from '../../../utils/cards/import';
import { replacePack } from '../../../utils/cards/store';
import { importGapFlags, saveMyFlag } from '../../../utils/gaps/store';
import { applyGapUpdates, planGapUpdates, watchGapUpdates } from '../../../utils/gaps/updates';
import { card, cardRecord, gapRecord, pack } from '../../support/factories';
import { gapFlag } from '../../support/payloads';

const ENDPOINT = { url: 'https://hooks.example.org/coachmark', format: 'json' as const };
const T0 = Date.UTC(2026, 10, 24, 10);

let database: CoachmarkDB;
let counter = 0;
beforeEach(async () => {
  database = new CoachmarkDB(`gaps-updates-${++counter}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

/** The flags a card now answers, applied as every page's watcher applies them. */
const addressedNow = async (now?: number) => (await applyGapUpdates(database, now)).addressed;

describe('closing flags when cards change, whatever wrote them', () => {
  const base = [card({ id: 'sg-comment', version: 1 }), card({ id: 'modules', contexts: ['modules'] })];

  it('a pack import that adds a card for the page addresses the flag; a version bump alone does not', async () => {
    expect(await importPack(pack({ version: '1.0.0', cards: base }), { kind: 'local' }, database)).toMatchObject({ ok: true });
    await saveMyFlag(gapFlag({ id: 'a' }), ENDPOINT, database, T0);

    const bumped = pack({ version: '1.1.0', cards: [card({ id: 'sg-comment', version: 2 }), base[1]!] });
    expect(await importPack(bumped, { kind: 'local' }, database)).toMatchObject({ ok: true, updated: 1 });
    expect(await addressedNow(T0 + 1)).toEqual([]);
    expect((await database.gaps.get('a'))?.status).toBe('open');

    await importPack(pack({ version: '1.2.0', cards: [...base, card({ id: 'sg-hide-grades' })] }), { kind: 'local' }, database);
    expect(await addressedNow(T0 + 2)).toEqual([{ gapId: 'a', cardKey: 'district/sg-hide-grades' }]);
    expect(await database.gaps.get('a')).toMatchObject({
      status: 'addressed',
      addressedAt: T0 + 2,
      addressedByCardKey: 'district/sg-hide-grades',
    });
    // Idempotent: nothing more to do.
    expect(await addressedNow(T0 + 3)).toEqual([]);
    expect((await database.gaps.get('a'))?.addressedAt).toBe(T0 + 2);
  });

  it('a starter-style replace of the same cards (delete, then write again) addresses nothing', async () => {
    const starter = (version: string, cards = base) => pack({ id: 'coachmark-starter', version, cards });
    await replacePack(starter('1'), { kind: 'builtin' }, database);
    await saveMyFlag(gapFlag({ id: 'a' }), null, database);
    await saveMyFlag(
      gapFlag({
        id: 'u',
        kind: 'outdated',
        card: { id: 'sg-comment', title: 'Title of sg-comment', pack: 'coachmark-starter', version: 1 },
      }),
      null,
      database,
    );
    await replacePack(starter('2'), { kind: 'builtin' }, database);
    expect(await addressedNow()).toEqual([]);

    await replacePack(starter('3', [card({ id: 'sg-comment', version: 2 }), base[1]!]), { kind: 'builtin' }, database);
    expect(await addressedNow()).toEqual([{ gapId: 'u', cardKey: 'coachmark-starter/sg-comment' }]);
    expect((await database.gaps.get('a'))?.status).toBe('open');
  });

  it('a card written by any other path (a sync, the editor) counts too', async () => {
    await saveMyFlag(gapFlag({ id: 'a', page: { context: null, name: null, url: '' } }), null, database);
    // As pack sync and the editor do: straight into the cards table.
    await database.cards.put(cardRecord({ id: 'canvas-nav', contexts: [] }, 'synced'));
    expect(await addressedNow()).toEqual([{ gapId: 'a', cardKey: 'synced/canvas-nav' }]);
  });

  it('a flag turns "sent" once its outbox item is delivered', async () => {
    await saveMyFlag(gapFlag({ id: 'a' }), ENDPOINT, database, T0);
    expect((await applyGapUpdates(database)).delivered).toEqual([]);
    await database.outbox.update('a', { status: 'sent', sentAt: T0 + 1 });
    expect((await applyGapUpdates(database)).delivered).toEqual(['a']);
    expect((await database.gaps.get('a'))?.status).toBe('sent');
  });

  it("gives a flag stored without a baseline today's cards as its baseline instead of closing it", async () => {
    await importPack(pack({ version: '1', cards: base }), { kind: 'local' }, database);
    await database.gaps.add(gapRecord({ id: 'old', createdAt: T0 }));
    expect(await applyGapUpdates(database)).toEqual({ addressed: [], delivered: [], needBaseline: ['old'] });
    expect((await database.gaps.get('old'))?.baseline).toEqual([{ key: 'district/sg-comment', version: 1 }]);
    expect(await planGapUpdates(database)).toEqual({ addressed: [], delivered: [], needBaseline: [] });
  });

  it('planGapUpdates says what applying would change, and changes nothing itself', async () => {
    await saveMyFlag(gapFlag({ id: 'a' }), ENDPOINT, database, T0);
    await database.outbox.update('a', { status: 'sent', sentAt: T0 + 1 });
    await replacePack(pack({ cards: [card({ id: 'sg-new' })] }), { kind: 'local' }, database);
    const expected = { addressed: [{ gapId: 'a', cardKey: 'district/sg-new' }], delivered: ['a'], needBaseline: [] };
    const before = await database.gaps.get('a');
    expect(await planGapUpdates(database)).toEqual(expected);
    expect(await database.gaps.get('a')).toEqual(before);
    expect(await applyGapUpdates(database, T0 + 2)).toEqual(expected);
    expect(await database.gaps.get('a')).toMatchObject({ status: 'addressed', addressedByCardKey: 'district/sg-new' });
    expect(await planGapUpdates(database)).toEqual({ addressed: [], delivered: [], needBaseline: [] });
  });

  it('watchGapUpdates closes a flag as soon as a pack brings its card', async () => {
    await saveMyFlag(gapFlag({ id: 'a' }), null, database);
    const applied: string[] = [];
    const stop = watchGapUpdates(database, (updates) => applied.push(...updates.addressed.map((found) => found.gapId)));
    try {
      await importPack(pack({ version: '1', cards: [card({ id: 'sg-new' })] }), { kind: 'local' }, database);
      await expect.poll(async () => (await database.gaps.get('a'))?.status, { timeout: 3_000 }).toBe('addressed');
      expect(applied).toEqual(['a']);
    } finally {
      stop();
    }
  });
});

describe("the coach's imported flags", () => {
  it('are answered by a card newer than the one flagged, and by a new card for their page', async () => {
    await importPack(pack({ version: '1', cards: [card({ id: 'sg-comment', version: 3 })] }), { kind: 'local' }, database);
    const flags = [
      gapFlag({ id: 'x' }),
      gapFlag({ id: 'y', kind: 'unhelpful', card: { id: 'sg-comment', title: 'Title of sg-comment', pack: 'district', version: 2 } }),
      gapFlag({ id: 'z' }),
    ];
    await importGapFlags(flags, database);
    // The teacher flagged version 2; the studio already has version 3: that flag is answered.
    expect(await addressedNow()).toEqual([{ gapId: 'y', cardKey: 'district/sg-comment' }]);
    // A card the coach writes for the page answers the others.
    const withMute = pack({ version: '2', cards: [card({ id: 'sg-comment', version: 3 }), card({ id: 'sg-mute' })] });
    await importPack(withMute, { kind: 'local' }, database);
    expect((await addressedNow()).map((found) => found.gapId).sort()).toEqual(['x', 'z']);
  });
});
