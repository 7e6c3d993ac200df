import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CoachmarkDB,
  type CardFeedback,
  type PlanMetaRecord,
  type SearchMiss,
  type SharedPlanRecord,
  type TargetMiss,
} from '../../../utils/platform/db';
import { cardRecord, gapRecord, mentor, outboxItem, packRecord, planGoal, planReflection, planSavedCard } from '../../support/factories';
import { growthPlan } from '../../support/payloads';

/**
 * Teachers' databases were created by shipped versions of the schema. Each declaration below is
 * a frozen copy of what a shipped version passed to stores(): never edit one. A database made
 * with it and filled with that version's rows must open with CoachmarkDB, rows intact and
 * upgraded as the upgrade functions intend (version 1 has none: rows come back as they went in).
 */
const SHIPPED_STORES: Record<number, Record<string, string>> = {
  1: {
    packs: 'id',
    cards: 'key, pack, *tools, *places',
    outbox: 'id, status, nextAttemptAt, createdAt',
    gaps: 'id, status, origin, tool, [tool+context], createdAt',
    mentors: 'id, *tools',
    feedback: 'cardKey, viewedAt',
    searchMisses: '++id, at, [tool+context]',
  },
  2: {
    packs: 'id',
    cards: 'key, pack, *tools, *places',
    outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt], [status+sentAt]',
    gaps: 'id, status, origin, tool, [tool+context], createdAt',
    mentors: 'id, *tools',
    feedback: 'cardKey, viewedAt',
    searchMisses: '++id, at, [tool+context]',
  },
  3: {
    packs: 'id',
    cards: 'key, pack, *tools, *places',
    outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt], [status+sentAt]',
    gaps: 'id, status, origin, tool, [tool+context], createdAt',
    mentors: 'id, *tools',
    feedback: 'cardKey, viewedAt',
    searchMisses: '++id, at, [tool+context]',
    goals: 'id, createdAt',
    planSaved: 'id, savedAt, goalId, card.key, ping.id',
    reflections: 'id, at, goalId',
    planMeta: 'id',
    sharedPlans: 'id, teacherKey, receivedAt',
  },
  4: {
    packs: 'id',
    cards: 'key, pack, *tools, *places',
    outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt], [status+sentAt]',
    gaps: 'id, status, origin, tool, [tool+context], createdAt',
    mentors: 'id, *tools',
    feedback: 'cardKey, viewedAt',
    searchMisses: '++id, at, [tool+context]',
    goals: 'id, createdAt',
    planSaved: 'id, savedAt, goalId, card.key, ping.id',
    reflections: 'id, at, goalId',
    planMeta: 'id',
    sharedPlans: 'id, teacherKey, receivedAt',
    targetMisses: '++id, at',
  },
  5: {
    packs: 'id',
    cards: 'key, pack, *tools, *places, replaces',
    outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt], [status+sentAt]',
    gaps: 'id, status, origin, tool, [tool+context], createdAt',
    mentors: 'id, *tools',
    feedback: 'cardKey, viewedAt',
    searchMisses: '++id, at, [tool+context]',
    goals: 'id, createdAt',
    planSaved: 'id, savedAt, goalId, card.key, ping.id',
    reflections: 'id, at, goalId',
    planMeta: 'id',
    sharedPlans: 'id, teacherKey, receivedAt',
    targetMisses: '++id, at',
  },
};

/** The tables version 3 added: the growth plan, and the plans teachers shared with a coach. */
const PLAN_TABLES = ['goals', 'planSaved', 'reflections', 'planMeta', 'sharedPlans'];

/** Rows for the growth-plan tables, as version 3 writes them (in key order, so that a table reads back as listed). */
function planRows(): Record<string, unknown[]> {
  const planMeta: PlanMetaRecord[] = [
    { id: 'plan', nextMeeting: '2026-12-10', lastMeeting: '2026-11-03', reminderDismissed: '2026-12-10' },
  ];
  const sharedPlans: SharedPlanRecord[] = [
    { id: 'shared-1', teacherKey: 'maya lopez\nlincoln elementary', receivedAt: 500, payload: growthPlan({ id: 'shared-1' }) },
    {
      id: 'shared-2',
      teacherKey: 'ben okafor\n',
      receivedAt: 600,
      payload: growthPlan({ id: 'shared-2', teacher: { name: 'Ben Okafor' } }),
    },
  ];
  return {
    goals: [
      planGoal({ id: 'goal-a', createdAt: 300, progress: 'trying', progressAt: 350 }),
      planGoal({ id: 'goal-b', text: 'Feedback within a week', tool: null, createdAt: 100 }),
    ],
    planSaved: [
      planSavedCard({ id: 'saved-card', goalId: 'goal-b', note: 'Try with 5th period' }),
      planSavedCard({
        id: 'saved-ping',
        card: undefined,
        ping: { id: 'outbox-1', createdAt: 50, tool: { id: 'nearpod', name: 'Nearpod' }, page: 'Reports', message: 'Export one class?' },
      }),
    ],
    reflections: [
      planReflection({ id: 'reflection-alone' }),
      planReflection({ id: 'reflection-goal', goalId: 'goal-b', source: 'helped', at: 400 }),
    ],
    planMeta,
    sharedPlans,
  };
}

/** The "show me" targets not found, as version 4 writes them. */
function targetMissRows(): TargetMiss[] {
  return [
    { id: 1, cardKey: 'district/grade-with-rubric', step: 2, tool: 'canvas', context: 'speedgrader', at: 700 },
    { id: 2, cardKey: 'district/hide-grades', step: 0, tool: null, context: null, at: 800 },
  ];
}

/** Rows as each shipped version wrote them. */
function rowsAt(version: number): Record<string, unknown[]> {
  if (version < 1 || version > 5) throw new Error(`no fixture rows for version ${version}`);
  const feedback: CardFeedback[] = [
    { cardKey: 'district/grade-with-rubric', helpful: 'no', helpfulAt: 100, known: true, viewedAt: 200 },
    { cardKey: 'district/hide-grades', viewedAt: 300 },
  ];
  const searchMisses: SearchMiss[] = [
    { id: 1, query: 'zoom breakout', tool: 'canvas', context: 'speedgrader', at: 100 },
    { id: 2, query: 'no page', tool: 'canvas', context: null, at: 200 },
  ];
  return {
    packs: [
      packRecord({ cardCount: 2 }),
      packRecord({ id: 'feed', source: { kind: 'url', url: 'https://packs.example/feed.json', etag: '"a"', lastSyncAt: 5 } }),
    ],
    cards: [
      cardRecord({}, 'district', 0),
      cardRecord({ id: 'hide-grades', contexts: [] }, 'district', 1),
      // Version 5 indexes the card a district card stands in for.
      ...(version >= 5 ? [cardRecord({ id: 'our-rubric', replaces: 'coachmark-starter/canvas-speedgrader-rubric' }, 'district', 2)] : []),
    ],
    outbox: [
      outboxItem(),
      outboxItem({ id: 'outbox-2', status: 'failed', attempts: 3, lastError: 'http', lastStatus: 500 }),
      ...(version >= 2 ? [outboxItem({ id: 'outbox-3', status: 'sent', attempts: 1, lastStatus: 200, sentAt: 400 })] : []),
      ...(version >= 3 ? [outboxItem({ id: 'outbox-4', payload: growthPlan({ id: 'outbox-4' }), status: 'held', endpoint: null })] : []),
    ],
    gaps: [gapRecord(), gapRecord({ id: 'gap-2', origin: 'imported', context: null, teacher: 'Ms. Rivera' })],
    mentors: [mentor(), mentor({ id: 'mentor-bo', name: 'Bo Chen', source: 'directory', tools: ['seesaw'] })],
    feedback,
    searchMisses,
    ...(version >= 3 ? planRows() : {}),
    ...(version >= 4 ? { targetMisses: targetMissRows() } : {}),
  };
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) {
    database.close();
    await database.delete();
  }
});

/** A table's schema as a stores() line: primary key first, then each index. */
function storesLine(table: { schema: { primKey: { src: string }; indexes: Array<{ src: string }> } }): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
}

describe('CoachmarkDB', () => {
  it('declares one frozen copy per version it has shipped, the newest as it opens today', async () => {
    const database = new CoachmarkDB(`db-upgrade-current-${Math.random()}`);
    opened.push(database);
    await database.open();
    const versions = Object.keys(SHIPPED_STORES).map(Number);
    expect(versions).toEqual(Array.from({ length: database.verno }, (_, index) => index + 1));
    const today = Object.fromEntries(database.tables.map((table) => [table.name, storesLine(table)]));
    expect(today).toEqual(SHIPPED_STORES[database.verno]);
  });

  for (const version of Object.keys(SHIPPED_STORES).map(Number)) {
    it(`opens a database made by version ${version} with every row intact`, async () => {
      const name = `db-upgrade-v${version}-${Math.random()}`;
      const old = new Dexie(name);
      old.version(version).stores(SHIPPED_STORES[version]!);
      const rows = rowsAt(version);
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, tableRows] of Object.entries(rows)) await old.table(table).bulkAdd(tableRows);
      });
      old.close();

      const database = new CoachmarkDB(name);
      opened.push(database);
      await database.open();
      expect(database.verno).toBe(Object.keys(SHIPPED_STORES).length);
      for (const [table, tableRows] of Object.entries(rows)) {
        expect(await database.table(table).toArray(), table).toEqual(tableRows);
      }
      // The indexes the code queries still answer.
      expect((await database.cards.where('places').equals('canvas/*').toArray()).map((card) => card.id)).toEqual(['hide-grades']);
      expect(await database.cards.where('replaces').equals('coachmark-starter/canvas-speedgrader-rubric').count()).toBe(
        version >= 5 ? 1 : 0,
      );
      expect((await database.feedback.orderBy('viewedAt').reverse().first())?.cardKey).toBe('district/hide-grades');
      expect(await database.searchMisses.where('[tool+context]').equals(['canvas', 'speedgrader']).count()).toBe(1);
      expect(await database.outbox.where('status').equals('failed').count()).toBe(1);
      expect(await database.gaps.where('origin').equals('imported').count()).toBe(1);
      expect(await database.mentors.where('tools').equals('seesaw').count()).toBe(1);
      // And new rows get keys after the old ones.
      expect(await database.searchMisses.add({ query: 'later', tool: null, context: null, at: 300 })).toBe(3);

      // The growth-plan tables: empty in a database from before them, and their indexes answer either way.
      if (version < 3) {
        for (const table of PLAN_TABLES) expect(await database.table(table).count(), table).toBe(0);
        await database.transaction('rw', PLAN_TABLES, async () => {
          for (const [table, tableRows] of Object.entries(planRows())) await database.table(table).bulkAdd(tableRows);
        });
      }
      expect((await database.goals.orderBy('createdAt').toArray()).map((goal) => goal.id)).toEqual(['goal-b', 'goal-a']);
      expect((await database.planSaved.where('card.key').equals('district/grade-with-rubric').first())?.id).toBe('saved-card');
      expect((await database.planSaved.where('ping.id').equals('outbox-1').first())?.id).toBe('saved-ping');
      expect((await database.planSaved.where('goalId').equals('goal-b').toArray()).map((saved) => saved.id)).toEqual(['saved-card']);
      expect((await database.reflections.where('goalId').equals('goal-b').toArray()).map((entry) => entry.id)).toEqual(['reflection-goal']);
      expect((await database.reflections.orderBy('at').toArray()).map((entry) => entry.id)).toEqual([
        'reflection-goal',
        'reflection-alone',
      ]);
      expect((await database.sharedPlans.where('teacherKey').equals('ben okafor\n').toArray()).map((shared) => shared.id)).toEqual([
        'shared-2',
      ]);
      expect(await database.planMeta.get('plan')).toEqual(planRows().planMeta![0]);

      // The targets not found: empty before version 4, counted by time either way.
      if (version < 4) {
        expect(await database.targetMisses.count()).toBe(0);
        await database.targetMisses.bulkAdd(targetMissRows());
      }
      expect((await database.targetMisses.where('at').aboveOrEqual(750).toArray()).map((miss) => miss.cardKey)).toEqual([
        'district/hide-grades',
      ]);
    });
  }
});
