import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import {
  baselineFor,
  importGapFlags,
  markAddressedSeen,
  resolveGaps,
  saveMyFlag,
  searchMissesFor,
  sendWaitingFlags,
} from '../../../utils/gaps/store';
import { card, pack } from '../../support/factories';
import { gapFlag } from '../../support/payloads';

const ENDPOINT = { url: 'https://hooks.example.org/coachmark', format: 'json' as const };
const T0 = Date.UTC(2026, 10, 24, 10);

let database: CoachmarkDB;
let counter = 0;
beforeEach(async () => {
  database = new CoachmarkDB(`gaps-store-${++counter}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

describe("saving the teacher's flags", () => {
  it('keeps the flag and queues exactly its payload when an endpoint is set', async () => {
    const payload = gapFlag({ id: 'a', note: 'Nothing on hiding grades' });
    const record = await saveMyFlag(payload, ENDPOINT, database, T0 + 5);
    expect(await database.gaps.get('a')).toEqual(record);
    expect(record).toMatchObject({ origin: 'mine', status: 'open', queuedAt: T0 + 5, payload, baseline: [] });
    const item = await database.outbox.get('a');
    expect(item).toMatchObject({ id: 'a', kind: 'gap-flag', payload, endpoint: ENDPOINT, status: 'queued' });
  });

  it('without an endpoint keeps it on the device, and queues it once one is set', async () => {
    await saveMyFlag(gapFlag({ id: 'a' }), null, database, T0);
    expect(await database.outbox.count()).toBe(0);
    expect((await database.gaps.get('a'))?.queuedAt).toBeUndefined();

    expect(await sendWaitingFlags(ENDPOINT, database, T0 + 60_000)).toBe(1);
    expect(await database.outbox.get('a')).toMatchObject({ payload: gapFlag({ id: 'a' }), endpoint: ENDPOINT });
    expect((await database.gaps.get('a'))?.queuedAt).toBe(T0 + 60_000);
    // Once queued it is not queued again (even if the teacher then deletes the outbox item).
    await database.outbox.delete('a');
    expect(await sendWaitingFlags(ENDPOINT, database)).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it("records the page's cards, or the flagged card's version, as the flag's baseline", async () => {
    await replacePack(
      pack({
        version: '1',
        cards: [card({ id: 'sg-comment', version: 2, updatedAt: '2026-09-01' }), card({ id: 'modules', contexts: ['modules'] })],
      }),
      { kind: 'local' },
      database,
    );
    const missing = await saveMyFlag(gapFlag({ id: 'm' }), null, database);
    expect(missing.baseline).toEqual([{ key: 'district/sg-comment', version: 2, updatedAt: '2026-09-01' }]);
    const unhelpful = await saveMyFlag(
      gapFlag({ id: 'u', kind: 'unhelpful', card: { id: 'sg-comment', title: 'Title of sg-comment', pack: 'district', version: 2 } }),
      null,
      database,
    );
    expect(unhelpful).toMatchObject({ cardKey: 'district/sg-comment', cardId: 'sg-comment', cardVersion: 2 });
    expect(unhelpful.baseline).toEqual([{ key: 'district/sg-comment', version: 2, updatedAt: '2026-09-01' }]);
  });

  it("finds this page's searches that found nothing, newest first, without repeats", async () => {
    await database.searchMisses.bulkAdd([
      { query: 'hide grades', tool: 'canvas', context: 'speedgrader', at: 1 },
      { query: 'mute assignment', tool: 'canvas', context: 'speedgrader', at: 3 },
      { query: 'Hide grades', tool: 'canvas', context: 'speedgrader', at: 2 },
      { query: 'late policy', tool: 'canvas', context: 'gradebook', at: 4 },
      { query: 'anywhere', tool: 'canvas', context: null, at: 5 },
    ]);
    expect(await searchMissesFor('canvas', 'speedgrader', database)).toEqual(['mute assignment', 'Hide grades']);
    expect(await searchMissesFor('canvas', null, database)).toEqual(['anywhere']);
    expect(await searchMissesFor('seesaw', null, database)).toEqual([]);
  });
});

describe('baselineFor', () => {
  it("is a card flag's flagged version, whatever is stored, and a page flag's cards for that page", async () => {
    await replacePack(
      pack({ cards: [card({ id: 'sg-comment', version: 5 }), card({ id: 'nav', contexts: [] })] }),
      { kind: 'local' },
      database,
    );
    const cardFlag = { kind: 'outdated' as const, tool: 'canvas', context: 'speedgrader', cardKey: 'district/sg-comment' };
    expect(await baselineFor({ ...cardFlag, cardVersion: 2 }, database)).toEqual([{ key: 'district/sg-comment', version: 2 }]);
    expect(await baselineFor(cardFlag, database)).toEqual([{ key: 'district/sg-comment' }]);
    expect(await baselineFor({ kind: 'missing', tool: 'canvas', context: null }, database)).toEqual([{ key: 'district/nav' }]);
  });
});

describe("the coach's flags", () => {
  it('imports new flags once, whether repeated in one file or already here', async () => {
    await replacePack(pack({ cards: [card({ id: 'sg-comment', version: 3 })] }), { kind: 'local' }, database);
    const flags = [gapFlag({ id: 'x' }), gapFlag({ id: 'y' }), gapFlag({ id: 'x' })];
    expect(await importGapFlags(flags, database)).toEqual({ added: 2, known: 1 });
    expect(await importGapFlags([gapFlag({ id: 'x' }), gapFlag({ id: 'z' })], database)).toEqual({ added: 1, known: 1 });
    expect(await database.gaps.get('x')).toMatchObject({
      origin: 'imported',
      status: 'open',
      baseline: [{ key: 'district/sg-comment', version: 3 }],
    });
  });

  it("marks flags resolved, and the panel's notice as seen once", async () => {
    await importGapFlags([gapFlag({ id: 'x' }), gapFlag({ id: 'y' })], database);
    await resolveGaps(['x'], database, T0);
    expect(await database.gaps.get('x')).toMatchObject({ status: 'resolved', resolvedAt: T0 });
    await resolveGaps(['x'], database, T0 + 10);
    expect((await database.gaps.get('x'))?.resolvedAt).toBe(T0);
    await markAddressedSeen(['y'], database, T0);
    await markAddressedSeen(['y'], database, T0 + 10);
    expect((await database.gaps.get('y'))?.addressedSeenAt).toBe(T0);
  });
});
