import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, type SearchMiss } from '../../../utils/platform/db';
import { createMissRecorder, recentSearchMisses, recordSearchMiss } from '../../../utils/search/misses';

describe('searches that found nothing', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });
  afterEach(() => vi.useRealTimers());

  it('lists a page’s misses newest first, each query once, within a time window', async () => {
    const misses: Array<Omit<SearchMiss, 'id'>> = [
      { query: 'zoom breakout', tool: 'canvas', context: 'speedgrader', at: 100 },
      { query: 'peer grading', tool: 'canvas', context: 'speedgrader', at: 300 },
      { query: 'Zoom breakout', tool: 'canvas', context: 'speedgrader', at: 400 },
      { query: 'elsewhere', tool: 'canvas', context: 'modules', at: 500 },
      { query: 'no page', tool: 'canvas', context: null, at: 600 },
      { query: 'no tool', tool: null, context: null, at: 700 },
    ];
    for (const miss of misses) await recordSearchMiss(miss, db);
    expect((await recentSearchMisses('canvas', 'speedgrader', db)).map((miss) => [miss.query, miss.at])).toEqual([
      ['Zoom breakout', 400],
      ['peer grading', 300],
    ]);
    expect((await recentSearchMisses('canvas', 'speedgrader', db, { since: 350 })).map((miss) => miss.query)).toEqual(['Zoom breakout']);
    expect((await recentSearchMisses('canvas', 'speedgrader', db, { limit: 1 })).map((miss) => miss.query)).toEqual(['Zoom breakout']);
    expect((await recentSearchMisses('canvas', null, db)).map((miss) => miss.query)).toEqual(['no page']);
    expect((await recentSearchMisses(null, null, db)).map((miss) => miss.query)).toEqual(['no tool']);
    expect(await recentSearchMisses('seesaw', 'journal', db)).toEqual([]);
  });

  it('records a query once it has been stable for 1.5 s, not each prefix typed', async () => {
    vi.useFakeTimers();
    const recorded: Array<Omit<SearchMiss, 'id'>> = [];
    const recorder = createMissRecorder({ record: async (miss) => void recorded.push(miss), now: () => 1234 });
    const place = { tool: 'canvas', context: 'speedgrader' };
    for (const query of ['zo', 'zoo', 'zoom', 'zoom b', 'zoom br', 'zoom breakout ']) {
      recorder.update(query, false, place);
      vi.advanceTimersByTime(400);
    }
    expect(recorded).toEqual([]);
    vi.advanceTimersByTime(1100);
    expect(recorded).toEqual([{ query: 'zoom breakout', tool: 'canvas', context: 'speedgrader', at: 1234 }]);
    // Blur after that, or the same results again, do not record it twice.
    await recorder.flush();
    recorder.update('zoom breakout', false, place);
    vi.advanceTimersByTime(2000);
    expect(recorded).toHaveLength(1);
  });

  it('never records 1–2 letter queries, and forgets a miss that turns into a find', async () => {
    vi.useFakeTimers();
    const recorded: string[] = [];
    const recorder = createMissRecorder({ record: async (miss) => void recorded.push(miss.query) });
    const place = { tool: 'canvas', context: null };
    recorder.update(' qz ', false, place);
    await recorder.flush();
    recorder.update('rubr', false, place);
    recorder.update('rubric', true, place);
    vi.advanceTimersByTime(5000);
    await recorder.flush();
    expect(recorded).toEqual([]);
    // After a find, the same miss typed again is a new search.
    recorder.update('qzx', false, place);
    await recorder.flush();
    recorder.update('rubric', true, place);
    recorder.update('qzx', false, place);
    await recorder.flush();
    expect(recorded).toEqual(['qzx', 'qzx']);
  });

  it('records on flush (the box lost focus) without waiting', async () => {
    vi.useFakeTimers();
    const recorded: string[] = [];
    const recorder = createMissRecorder({ record: async (miss) => void recorded.push(miss.query) });
    recorder.update('zoom breakout', false, { tool: 'canvas', context: 'speedgrader' });
    await recorder.flush();
    expect(recorded).toEqual(['zoom breakout']);
    vi.advanceTimersByTime(5000);
    expect(recorded).toEqual(['zoom breakout']);
    recorder.update('peer review', false, { tool: 'canvas', context: 'speedgrader' });
    recorder.cancel();
    vi.advanceTimersByTime(5000);
    await recorder.flush();
    expect(recorded).toEqual(['zoom breakout']);
  });
});
