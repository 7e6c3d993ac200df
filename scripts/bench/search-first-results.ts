import 'fake-indexeddb/auto';
import type { Card } from '../../utils/cards/schema';
import { CoachmarkDB, toCardRecord } from '../../utils/platform/db';
import { createLocalSearchClient } from '../../utils/search/client';
import type { BenchSection } from './types';

/**
 * The search box's first focus with a district-sized library, in one process: the cards stored
 * in an in-memory IndexedDB (fake-indexeddb, slower to read than the browser's), then, as in the
 * panel, warm() on focus and a search at once. Measured twice: searching from a tool's page
 * (answered from that tool's cards while the rest is read) and from a page that is no tool
 * (which waits for the whole index, as every search did before the partial index).
 */

const QUERY = 'rubric';
const TOOL = 'canvas';

async function storeLibrary(cards: Card[]): Promise<CoachmarkDB> {
  const database = new CoachmarkDB(`bench-search-${Math.random()}`);
  await database.open();
  await database.transaction('rw', database.cards, database.packs, async () => {
    await database.packs.put({
      id: 'bench',
      name: 'Bench',
      version: '1',
      source: { kind: 'local' },
      cardCount: cards.length,
      updatedAt: 1,
    });
    await database.cards.bulkPut(cards.map((card, position) => toCardRecord('bench', card, position)));
  });
  return database;
}

/** From focus (warm) to the first answer, and to the whole index being ready. */
async function timeFirstFocus(
  database: CoachmarkDB,
  tool: string | undefined,
): Promise<{ firstMs: number; readyMs: number; partial: boolean }> {
  const client = createLocalSearchClient(database);
  const start = performance.now();
  const ready = new Promise<number>((resolve) => client.onReady(() => resolve(performance.now() - start)));
  client.warm();
  const answer = await client.search(QUERY, { tool, limit: 30 });
  const firstMs = performance.now() - start;
  const readyMs = await ready;
  client.dispose();
  return { firstMs, readyMs, partial: answer.partial };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export async function benchFirstResults(cards: Card[]): Promise<BenchSection['rows']> {
  const database = await storeLibrary(cards);
  try {
    const fromTool = await timeFirstFocus(database, TOOL);
    const fromNoTool = await timeFirstFocus(database, undefined);
    const n = cards.length.toLocaleString('en');
    return [
      {
        name: `first results after first focus, ${n} cards stored, on a ${TOOL} page${fromTool.partial ? ' (its cards first)' : ''}`,
        value: round2(fromTool.firstMs),
        unit: 'ms',
        goal: '≤ 100 ms',
        baseline: round2(fromTool.readyMs),
      },
      { name: '  on a page that is no tool (waits for every card)', value: round2(fromNoTool.firstMs), unit: 'ms' },
      { name: '  whole index ready after first focus (read + build)', value: round2(fromTool.readyMs), unit: 'ms' },
    ];
  } finally {
    await database.delete();
  }
}
