import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { CoachmarkDB } from '../../utils/platform/db';
import { exportPack, formatPack, importPack } from '../../utils/cards/import';
import { parsePack } from '../../utils/cards/pack';
import { generateCards } from './corpus/generate';
import type { BenchSection } from './types';

const CARD_COUNT = 10_000;

async function freshDatabase(): Promise<CoachmarkDB> {
  const database = new CoachmarkDB(`bench-import-${Date.now()}-${Math.random()}`);
  await database.open();
  return database;
}

/** Wall-clock time, and this process's CPU time, which other work on a busy machine inflates less. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * A 10,000-card pack file through importPack (validation, merge plan, one transaction) into
 * fake-indexeddb under Node, then the same file again (every card skipped), then export.
 */
export async function benchImport(): Promise<BenchSection> {
  const text = formatPack({ id: 'bench-pack', name: 'Bench pack', version: '1.0.0', cards: generateCards(CARD_COUNT) });
  const megabytes = Buffer.byteLength(text) / (1024 * 1024);

  // Warm-up on a small pack so that module loading and JIT do not count against the first run.
  const warm = await freshDatabase();
  await importPack(formatPack({ id: 'warm', name: 'Warm', version: '1', cards: generateCards(200, 7) }), undefined, warm);
  await warm.delete();

  const database = await freshDatabase();
  // The import is timed first, so the parse-only figure below cannot have warmed it up.
  const first = await timed(() => importPack(text, { kind: 'local' }, database));
  const parseOnly = await timed(async () => parsePack(text));
  if (!first.value.ok) throw new Error(`the generated pack did not import: ${first.value.errors.slice(0, 3).join('; ')}`);
  const again = await timed(() => importPack(text, { kind: 'local' }, database));
  const exported = await timed(() => exportPack('bench-pack', database));
  if (exported.value !== text) throw new Error('export after import is not the imported file');
  await database.delete();

  return {
    title: `Pack import (${CARD_COUNT.toLocaleString('en')} cards, ${megabytes.toFixed(1)} MB file, fake-indexeddb in Node)`,
    rows: [
      {
        name: `importPack: ${CARD_COUNT.toLocaleString('en')} new cards into fake-indexeddb (parse, validate, one transaction)`,
        value: first.ms,
        unit: 'ms',
        goal: '≤ 2000 ms',
      },
      {
        name: '  the same import, CPU time of this process (less sensitive to a busy machine)',
        value: first.cpuMs,
        unit: 'ms',
        goal: '≤ 2000 ms',
      },
      { name: '  of which parsePack alone (syntax, size, schema; no database)', value: parseOnly.ms, unit: 'ms' },
      { name: 'importPack: the same file again (every card skipped)', value: again.ms, unit: 'ms' },
      { name: 'exportPack: the 10,000-card pack back to its file', value: exported.ms, unit: 'ms' },
    ],
  };
}
