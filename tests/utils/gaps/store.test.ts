import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { importPack } from '../../../utils/cards/import';
import { replacePack } from '../../../utils/cards/store';
import type { Card, Pack } from '../../../utils/cards/schema';
import type { GapFlagPayload } from '../../../utils/endpoints/types';
import {
  applyGapUpdates,
  importGapFlags,
  markAddressedGaps,
  markAddressedSeen,
  resolveGaps,
  saveMyFlag,
  searchMissesFor,
  sendWaitingFlags,
  watchGapUpdates,
} from '../../../utils/gaps/store';

const ENDPOINT = { url: 'https://hooks.example.org/coachmark', format: 'json' as const };
const T0 = Date.UTC(2026, 10, 24, 10);

function card(id: string, contexts: string[], extra: Partial<Card> = {}): Card {
  return {
    id,
    title: `Card ${id}`,
    summary: `What ${id} is for.`,
    steps: ['Open **SpeedGrader**.'],
    tools: ['canvas'],
    contexts,
    tags: [],
    level: 'beginner',
    links: [],
    ...extra,
  };
}

function pack(version: string, cards: Card[], id = 'district'): Pack {
  return { schemaVersion: 1, id, name: 'District pack', version, cards };
}

function flag(id: string, extra: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return {
    type: 'gap-flag',
    id,
    createdAt: new Date(T0).toISOString(),
    teacher: { name: 'Ms. Rivera' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
    mentors: [],
    kind: 'missing',
    note: '',
    searches: [],
    ...extra,
  };
}

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
    const payload = flag('a', { note: 'Nothing on hiding grades' });
    const record = await saveMyFlag(payload, ENDPOINT, database, T0 + 5);
    expect(await database.gaps.get('a')).toEqual(record);
    expect(record).toMatchObject({ origin: 'mine', status: 'open', queuedAt: T0 + 5, payload, baseline: [] });
    const item = await database.outbox.get('a');
    expect(item).toMatchObject({ id: 'a', kind: 'gap-flag', payload, endpoint: ENDPOINT, status: 'queued' });
  });

  it('without an endpoint keeps it on the device, and queues it once one is set', async () => {
    await saveMyFlag(flag('a'), null, database, T0);
    expect(await database.outbox.count()).toBe(0);
    expect((await database.gaps.get('a'))?.queuedAt).toBeUndefined();

    expect(await sendWaitingFlags(ENDPOINT, database, T0 + 60_000)).toBe(1);
    expect(await database.outbox.get('a')).toMatchObject({ payload: flag('a'), endpoint: ENDPOINT });
    expect((await database.gaps.get('a'))?.queuedAt).toBe(T0 + 60_000);
    // Once queued it is not queued again (even if the teacher then deletes the outbox item).
    await database.outbox.delete('a');
    expect(await sendWaitingFlags(ENDPOINT, database)).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it("records the page's cards, or the flagged card's version, as the flag's baseline", async () => {
    await replacePack(
      pack('1', [card('sg-comment', ['speedgrader'], { version: 2, updatedAt: '2026-09-01' }), card('modules', ['modules'])]),
      { kind: 'local' },
      database,
    );
    const missing = await saveMyFlag(flag('m'), null, database);
    expect(missing.baseline).toEqual([{ key: 'district/sg-comment', version: 2, updatedAt: '2026-09-01' }]);
    const unhelpful = await saveMyFlag(
      flag('u', { kind: 'unhelpful', card: { id: 'sg-comment', title: 'Card sg-comment', pack: 'district', version: 2 } }),
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

describe('closing flags when cards change, whatever wrote them', () => {
  const base = [card('sg-comment', ['speedgrader'], { version: 1 }), card('modules', ['modules'])];

  it('a pack import that adds a card for the page addresses the flag; a version bump alone does not', async () => {
    expect(await importPack(pack('1.0.0', base), { kind: 'local' }, database)).toMatchObject({ ok: true });
    await saveMyFlag(flag('a'), ENDPOINT, database, T0);

    expect(
      await importPack(pack('1.1.0', [card('sg-comment', ['speedgrader'], { version: 2 }), base[1]!]), { kind: 'local' }, database),
    ).toMatchObject({ ok: true, updated: 1 });
    expect(await markAddressedGaps(database, T0 + 1)).toEqual([]);
    expect((await database.gaps.get('a'))?.status).toBe('open');

    await importPack(pack('1.2.0', [...base, card('sg-hide-grades', ['speedgrader'])]), { kind: 'local' }, database);
    expect(await markAddressedGaps(database, T0 + 2)).toEqual([{ gapId: 'a', cardKey: 'district/sg-hide-grades' }]);
    expect(await database.gaps.get('a')).toMatchObject({
      status: 'addressed',
      addressedAt: T0 + 2,
      addressedByCardKey: 'district/sg-hide-grades',
    });
    // Idempotent: nothing more to do.
    expect(await markAddressedGaps(database, T0 + 3)).toEqual([]);
    expect((await database.gaps.get('a'))?.addressedAt).toBe(T0 + 2);
  });

  it('a starter-style replace of the same cards (delete, then write again) addresses nothing', async () => {
    await replacePack(pack('1', base, 'coachmark-starter'), { kind: 'builtin' }, database);
    await saveMyFlag(flag('a'), null, database);
    await saveMyFlag(
      flag('u', { kind: 'outdated', card: { id: 'sg-comment', title: 'Card sg-comment', pack: 'coachmark-starter', version: 1 } }),
      null,
      database,
    );
    await replacePack(pack('2', base, 'coachmark-starter'), { kind: 'builtin' }, database);
    expect(await markAddressedGaps(database)).toEqual([]);

    await replacePack(
      pack('3', [card('sg-comment', ['speedgrader'], { version: 2 }), base[1]!], 'coachmark-starter'),
      { kind: 'builtin' },
      database,
    );
    expect(await markAddressedGaps(database)).toEqual([{ gapId: 'u', cardKey: 'coachmark-starter/sg-comment' }]);
    expect((await database.gaps.get('a'))?.status).toBe('open');
  });

  it('a card written by any other path (a sync, the editor) counts too', async () => {
    await saveMyFlag(flag('a', { page: { context: null, name: null, url: '' } }), null, database);
    // As pack sync and the editor do: straight into the cards table.
    await database.cards.put({ ...card('canvas-nav', []), key: 'synced/canvas-nav', pack: 'synced', places: ['canvas/*'] });
    expect(await markAddressedGaps(database)).toEqual([{ gapId: 'a', cardKey: 'synced/canvas-nav' }]);
  });

  it('a flag turns "sent" once its outbox item is delivered', async () => {
    await saveMyFlag(flag('a'), ENDPOINT, database, T0);
    expect((await applyGapUpdates(database)).delivered).toEqual([]);
    await database.outbox.update('a', { status: 'sent', sentAt: T0 + 1 });
    expect((await applyGapUpdates(database)).delivered).toEqual(['a']);
    expect((await database.gaps.get('a'))?.status).toBe('sent');
  });

  it("gives a flag stored without a baseline today's cards as its baseline instead of closing it", async () => {
    await importPack(pack('1', base), { kind: 'local' }, database);
    await database.gaps.add({
      id: 'old',
      kind: 'missing',
      tool: 'canvas',
      context: 'speedgrader',
      note: '',
      searches: [],
      status: 'open',
      createdAt: T0,
      origin: 'mine',
    });
    expect(await markAddressedGaps(database)).toEqual([]);
    expect((await database.gaps.get('old'))?.baseline).toEqual([{ key: 'district/sg-comment', version: 1 }]);
  });

  it('watchGapUpdates closes a flag as soon as a pack brings its card', async () => {
    await saveMyFlag(flag('a'), null, database);
    const applied: string[] = [];
    const stop = watchGapUpdates(database, (updates) => applied.push(...updates.addressed.map((found) => found.gapId)));
    try {
      await importPack(pack('1', [card('sg-new', ['speedgrader'])]), { kind: 'local' }, database);
      await expect.poll(async () => (await database.gaps.get('a'))?.status, { timeout: 3_000 }).toBe('addressed');
      expect(applied).toEqual(['a']);
    } finally {
      stop();
    }
  });
});

describe("the coach's flags", () => {
  it("imports new flags once, with the studio's current cards as their baseline", async () => {
    await importPack(pack('1', [card('sg-comment', ['speedgrader'], { version: 3 })]), { kind: 'local' }, database);
    const flags = [
      flag('x'),
      flag('y', { kind: 'unhelpful', card: { id: 'sg-comment', title: 'Card sg-comment', pack: 'district', version: 2 } }),
      flag('x'),
    ];
    expect(await importGapFlags(flags, database)).toEqual({ added: 2, known: 1 });
    expect(await importGapFlags([flag('x'), flag('z')], database)).toEqual({ added: 1, known: 1 });
    expect(await database.gaps.get('x')).toMatchObject({
      origin: 'imported',
      status: 'open',
      baseline: [{ key: 'district/sg-comment', version: 3 }],
    });

    // The teacher flagged version 2; the studio already has version 3: that flag is answered.
    expect(await markAddressedGaps(database)).toEqual([{ gapId: 'y', cardKey: 'district/sg-comment' }]);
    // A card the coach writes for the page answers the others.
    await importPack(
      pack('2', [card('sg-comment', ['speedgrader'], { version: 3 }), card('sg-mute', ['speedgrader'])]),
      { kind: 'local' },
      database,
    );
    expect((await markAddressedGaps(database)).map((found) => found.gapId).sort()).toEqual(['x', 'z']);
  });

  it("marks flags resolved, and the panel's notice as seen once", async () => {
    await importGapFlags([flag('x'), flag('y')], database);
    await resolveGaps(['x'], database, T0);
    expect(await database.gaps.get('x')).toMatchObject({ status: 'resolved', resolvedAt: T0 });
    await markAddressedSeen(['y'], database, T0);
    await markAddressedSeen(['y'], database, T0 + 10);
    expect((await database.gaps.get('y'))?.addressedSeenAt).toBe(T0);
  });
});
