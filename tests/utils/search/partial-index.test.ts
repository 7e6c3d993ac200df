import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import { createSearchCache, PARTIAL_INDEX_MIN_CARDS } from '../../../utils/search/cache';
import { createLocalSearchClient } from '../../../utils/search/client';
import type { Card } from '../../../utils/cards/schema';
import { card as validCard } from '../../support/factories';

const card = (id: string, title: string, tool: string): Card =>
  validCard({ id, title, summary: 's', steps: ['x'], tools: [tool], contexts: [] });

/** A library just big enough for a partial index: a few rubric cards among many fillers. */
function library(): Card[] {
  const cards = [card('canvas-rubric', 'Grade with a rubric', 'canvas'), card('moodle-rubric', 'Rubric in Moodle', 'moodle')];
  for (let i = cards.length; i < PARTIAL_INDEX_MIN_CARDS; i++) cards.push(card(`filler-${i}`, `Filler ${i}`, i % 2 ? 'canvas' : 'seesaw'));
  return cards;
}

let database: CoachmarkDB;

beforeEach(async () => {
  database = new CoachmarkDB(`partial-index-${Math.random()}`);
  await database.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

async function store(cards: Card[]): Promise<void> {
  await replacePack({ schemaVersion: 1, id: 'p', name: 'p', version: '1', cards }, { kind: 'local' }, database);
}

describe('the partial index of one tool', () => {
  it('holds only that tool’s cards, once per tool', async () => {
    await store(library());
    const cache = createSearchCache(database);
    const canvas = await cache.loadTool('canvas');
    expect(canvas?.partial).toBe(true);
    expect(canvas?.size).toBe(PARTIAL_INDEX_MIN_CARDS / 2);
    expect(canvas?.search('rubric').map((found) => found.key)).toEqual(['p/canvas-rubric']);
    expect(await cache.loadTool('canvas')).toBe(canvas);
    expect((await cache.load()).partial).toBe(false);
    cache.dispose();
  });

  it('is not built for a small library, where the whole index is as quick', async () => {
    await store(library().slice(0, 10));
    const cache = createSearchCache(database);
    expect(await cache.loadTool('canvas')).toBeNull();
    cache.dispose();
  });
});

describe('searching before the whole library is read', () => {
  it('answers from the tool’s cards at once, then from every card once the index is ready', async () => {
    await store(library());
    // Hold the read of every card (its first step, started by warm()) until the test lets it go.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const count = database.cards.count.bind(database.cards);
    vi.spyOn(database.cards, 'count').mockImplementationOnce((async () => {
      await gate;
      return count();
    }) as unknown as typeof database.cards.count);

    const client = createLocalSearchClient(database);
    const ready = new Promise<void>((resolve) => client.onReady(() => resolve()));
    client.warm();
    const early = await client.search('rubric', { tool: 'canvas' });
    expect(early.partial).toBe(true);
    expect(early.results.map((found) => found.key)).toEqual(['p/canvas-rubric']);

    release();
    await ready;
    const full = await client.search('rubric', { tool: 'canvas' });
    expect(full.partial).toBe(false);
    // Read in pages (the library is large), every card is in.
    expect(full.results.map((found) => found.key)).toEqual(['p/canvas-rubric', 'p/moodle-rubric']);
    const whole = createSearchCache(database);
    expect((await whole.load()).size).toBe(PARTIAL_INDEX_MIN_CARDS);
    whole.dispose();
    client.dispose();
  });
});
