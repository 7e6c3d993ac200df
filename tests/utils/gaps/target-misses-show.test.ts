import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB, db } from '../../../utils/platform/db';
import { recordTargetMiss, TARGET_MISS_KEEP, targetMissSummary } from '../../../utils/gaps/target-misses';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);
const SPEEDGRADER = { tool: 'canvas', context: 'speedgrader' };

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('"show me" targets not found on this device', () => {
  it('keeps each miss with its card, step, page and time', async () => {
    await recordTargetMiss({ cardKey: 'district/rubric', step: 2, ...SPEEDGRADER }, NOW);
    await recordTargetMiss({ cardKey: 'district/rubric', step: 0, tool: null, context: null }, NOW + 1);
    expect(await db.targetMisses.toArray()).toEqual([
      { id: 1, cardKey: 'district/rubric', step: 2, tool: 'canvas', context: 'speedgrader', at: NOW },
      { id: 2, cardKey: 'district/rubric', step: 0, tool: null, context: null, at: NOW + 1 },
    ]);
  });

  it('keeps nothing for a miss that names no card or no step', async () => {
    for (const miss of [
      { cardKey: '', step: 0 },
      { cardKey: 'district/rubric', step: -1 },
      { cardKey: 'district/rubric', step: 1.5 },
      { cardKey: 'district/rubric', step: Number.NaN },
    ]) {
      await recordTargetMiss({ ...miss, ...SPEEDGRADER }, NOW);
    }
    expect(await db.targetMisses.count()).toBe(0);
  });

  it('counts misses per card and step since a time: the most missed first, then the latest', async () => {
    const misses: Array<[string, number, number]> = [
      ['district/rubric', 2, NOW - 3 * DAY],
      ['district/rubric', 2, NOW - DAY],
      ['district/rubric', 2, NOW - 2 * DAY],
      ['district/hide-grades', 0, NOW - 2 * DAY],
      ['district/rubric', 1, NOW - 5 * DAY],
      ['district/hide-grades', 0, NOW - 4 * DAY],
      // Before the week: not counted.
      ['district/rubric', 1, NOW - 8 * DAY],
      ['district/old', 4, NOW - 30 * DAY],
    ];
    for (const [cardKey, step, at] of misses) await recordTargetMiss({ cardKey, step, ...SPEEDGRADER }, at);
    expect(await targetMissSummary(NOW - 7 * DAY)).toEqual([
      { cardKey: 'district/rubric', step: 2, count: 3, last: NOW - DAY },
      { cardKey: 'district/hide-grades', step: 0, count: 2, last: NOW - 2 * DAY },
      { cardKey: 'district/rubric', step: 1, count: 1, last: NOW - 5 * DAY },
    ]);
    expect(await targetMissSummary(NOW)).toEqual([]);
    expect((await targetMissSummary(0)).map((entry) => entry.count)).toEqual([3, 2, 2, 1]);
  });

  it('forgets misses older than 90 days whenever one is kept', async () => {
    await recordTargetMiss({ cardKey: 'district/rubric', step: 0, ...SPEEDGRADER }, NOW - 100 * DAY);
    await recordTargetMiss({ cardKey: 'district/rubric', step: 1, ...SPEEDGRADER }, NOW - 89 * DAY);
    expect(await db.targetMisses.count()).toBe(2);
    await recordTargetMiss({ cardKey: 'district/rubric', step: 2, ...SPEEDGRADER }, NOW);
    expect((await db.targetMisses.orderBy('at').toArray()).map((miss) => miss.step)).toEqual([1, 2]);
    expect(TARGET_MISS_KEEP.days).toBe(90);
  });

  it('keeps at most 2,000, the oldest going first', async () => {
    const start = NOW - DAY;
    await db.targetMisses.bulkAdd(
      Array.from({ length: TARGET_MISS_KEEP.rows }, (_, index) => ({
        cardKey: 'district/rubric',
        step: 0,
        ...SPEEDGRADER,
        at: start + index,
      })),
    );
    await recordTargetMiss({ cardKey: 'district/hide-grades', step: 3, ...SPEEDGRADER }, NOW);
    expect(await db.targetMisses.count()).toBe(2_000);
    expect((await db.targetMisses.orderBy('at').first())?.at).toBe(start + 1);
    expect((await db.targetMisses.orderBy('at').last())?.cardKey).toBe('district/hide-grades');
  });
});

describe('the targetMisses table in another database', () => {
  const database = new CoachmarkDB(`target-misses-${Math.random()}`);
  afterEach(async () => {
    database.close();
    await database.delete();
  });

  it('is the one given, not the default', async () => {
    await recordTargetMiss({ cardKey: 'district/rubric', step: 1, ...SPEEDGRADER }, NOW, database);
    expect(await targetMissSummary(0, database)).toEqual([{ cardKey: 'district/rubric', step: 1, count: 1, last: NOW }]);
    expect(await db.targetMisses.count()).toBe(0);
  });
});
