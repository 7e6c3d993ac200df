import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, type CardFeedback, type SearchMiss } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import type { Card, Level } from '../../../utils/cards/schema';
import {
  DEFAULT_COMFORT,
  createMissRecorder,
  getComfort,
  markViewed,
  orderForComfort,
  recentSearchMisses,
  recentlyViewed,
  recordSearchMiss,
  setComfort,
  setHelpful,
  setKnown,
  splitKnown,
  watchComfort,
} from '../../../utils/cards/personal';

const c = (key: string, level: Level) => ({ key, level });

describe('orderForComfort', () => {
  const cards = [
    c('i1', 'intermediate'),
    c('b1', 'beginner'),
    c('a1', 'advanced'),
    c('b2', 'beginner'),
    c('i2', 'intermediate'),
    c('a2', 'advanced'),
  ];
  const keys = (list: Array<{ key: string }>) => list.map((card) => card.key);

  it('puts beginner cards first for a teacher new to the tool', () => {
    expect(keys(orderForComfort(cards, 'new'))).toEqual(['b1', 'b2', 'i1', 'i2', 'a1', 'a2']);
  });

  it('puts advanced cards first and beginner last for an expert', () => {
    expect(keys(orderForComfort(cards, 'expert'))).toEqual(['a1', 'a2', 'i1', 'i2', 'b1', 'b2']);
  });

  it('keeps the given order for a comfortable teacher, advanced after the rest', () => {
    expect(keys(orderForComfort(cards, 'comfortable'))).toEqual(['i1', 'b1', 'b2', 'i2', 'a1', 'a2']);
    expect(DEFAULT_COMFORT).toBe('comfortable');
  });

  it('moves known cards to the end and unhelpful ones after their level’s others', () => {
    const feedback: CardFeedback[] = [
      { cardKey: 'b1', known: true },
      { cardKey: 'i1', helpful: 'no' },
      { cardKey: 'i2', helpful: 'yes' },
      { cardKey: 'a2', known: false },
    ];
    expect(keys(orderForComfort(cards, 'new', feedback))).toEqual(['b2', 'i2', 'i1', 'a1', 'a2', 'b1']);
    // A Map works the same as a list.
    expect(orderForComfort(cards, 'new', new Map(feedback.map((entry) => [entry.cardKey, entry])))).toEqual(
      orderForComfort(cards, 'new', feedback),
    );
  });

  it('does not change its input', () => {
    const copy = [...cards];
    orderForComfort(cards, 'expert');
    expect(cards).toEqual(copy);
  });

  it('splits known cards from the rest, order kept', () => {
    const { active, known } = splitKnown(cards, [
      { cardKey: 'a1', known: true },
      { cardKey: 'b1', known: true },
      { cardKey: 'i1', known: false },
    ]);
    expect(keys(active)).toEqual(['i1', 'b2', 'i2', 'a2']);
    expect(keys(known)).toEqual(['b1', 'a1']);
  });
});

describe('comfort level storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is kept per tool in storage.local, defaulting to comfortable', async () => {
    expect(await getComfort('canvas')).toBe('comfortable');
    await setComfort('canvas', 'expert');
    await setComfort('seesaw', 'new');
    expect(await getComfort('canvas')).toBe('expert');
    expect(await getComfort('seesaw')).toBe('new');
    expect(await getComfort('kahoot')).toBe('comfortable');
  });

  it('ignores values that are not a comfort level', async () => {
    await fakeBrowser.storage.local.set({ comfort: { canvas: 'wizard', seesaw: 'new' } });
    expect(await getComfort('canvas')).toBe('comfortable');
    expect(await getComfort('seesaw')).toBe('new');
  });

  it('tells a watcher the level now and on change, until unsubscribed', async () => {
    const seen: string[] = [];
    const stop = watchComfort('canvas', (comfort) => seen.push(comfort));
    await vi.waitFor(() => expect(seen).toEqual(['comfortable']));
    await setComfort('canvas', 'new');
    await vi.waitFor(() => expect(seen).toEqual(['comfortable', 'new']));
    stop();
    await setComfort('canvas', 'expert');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['comfortable', 'new']);
  });
});

describe('feedback and recently viewed', () => {
  const card = (id: string, tools: string[]): Card => ({
    id,
    title: id,
    summary: 's',
    steps: ['x'],
    tools,
    contexts: [],
    tags: [],
    level: 'beginner',
    links: [],
  });

  beforeEach(async () => {
    await db.delete();
    await db.open();
    await replacePack(
      {
        schemaVersion: 1,
        id: 'p',
        name: 'p',
        version: '1',
        cards: [card('a', ['canvas']), card('b', ['canvas']), card('c', ['seesaw']), card('d', ['canvas'])],
      },
      { kind: 'local' },
    );
  });

  it('merges marks into one record per card', async () => {
    await setHelpful('p/a', 'no', db, 100);
    await setKnown('p/a', true, db);
    await markViewed('p/a', db, 200);
    await setHelpful('p/a', 'yes', db, 300);
    expect(await db.feedback.toArray()).toEqual([{ cardKey: 'p/a', helpful: 'yes', helpfulAt: 300, known: true, viewedAt: 200 }]);
  });

  it('lists the cards opened last, newest first, leaving out known, missing and excluded ones', async () => {
    await markViewed('p/a', db, 10);
    await markViewed('p/b', db, 30);
    await markViewed('p/c', db, 40);
    await markViewed('p/d', db, 20);
    await markViewed('gone/x', db, 50);
    await setKnown('p/b', true, db);
    await setHelpful('p/c', 'yes', db); // other marks leave the time it was viewed alone
    expect((await recentlyViewed(db)).map((record) => record.id)).toEqual(['c', 'd', 'a']);
    expect((await recentlyViewed(db, { tool: 'canvas' })).map((record) => record.id)).toEqual(['d', 'a']);
    expect((await recentlyViewed(db, { tool: 'canvas', exclude: new Set(['p/d']) })).map((record) => record.id)).toEqual(['a']);
    expect((await recentlyViewed(db, { limit: 1 })).map((record) => record.id)).toEqual(['c']);
  });
});

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
