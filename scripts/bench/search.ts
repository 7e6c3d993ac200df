import Fuse from 'fuse.js';
import { BENCH_QUERIES, generateCards } from './corpus/generate';
import { TOOLS } from './corpus/tools';
import { createSearchIndex } from '../../utils/search/engine';
import type { BenchSection } from './types';
import { benchFirstResults } from './search-first-results';
import { benchSearchLanguages } from './search-languages';

/**
 * Search at district scale: 10,000 generated cards across the catalogue's tools, our index
 * against naive fuse.js (every key, every card) on the same queries in the same run, the same
 * cards read with the Spanish analyser (against the English one), the time from the search
 * box's first focus to the first results, and the starter pack searched in each teacher's
 * language (search-languages.ts).
 */

const CARD_COUNT = 10_000;
const WARM_UP_ROUNDS = 3;
const TIMED_ROUNDS = 5;
const NAIVE_WARM_UP_QUERIES = 2;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[position] as number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** JavaScript heap plus array buffers: typed-array postings live outside the heap proper. */
function heldBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function heapAfter<T>(build: () => T): { value: T; heapBytes: number; ms: number } {
  collectGarbage();
  const before = heldBytes();
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  collectGarbage();
  return { value, heapBytes: heldBytes() - before, ms };
}

function timeQueries(run: (query: string, round: number) => void, rounds: number, queries: readonly string[]): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      run(query, round);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const megabytes = (bytes: number) => round2(bytes / (1024 * 1024));

export async function benchSearch(): Promise<BenchSection> {
  const cards = generateCards(CARD_COUNT);
  const toolOf = (index: number) => TOOLS[index % TOOLS.length]?.id;

  // Cold: the per-word cache is off, so every query pays for its typo and prefix look-ups, as
  // each keystroke does for the word being typed.
  const ours = heapAfter(() => createSearchIndex(cards, { wordCacheSize: 0 }));
  const runOurs = (index: ReturnType<typeof createSearchIndex>) => (query: string, round: number) =>
    index.search(query, { tool: toolOf(round), limit: 20 });
  timeQueries(runOurs(ours.value), WARM_UP_ROUNDS, BENCH_QUERIES);
  const oursCold = timeQueries(runOurs(ours.value), TIMED_ROUNDS, BENCH_QUERIES);

  // The Spanish analyser over the same cards and queries: its stems, stop words and synonyms must
  // cost no more. Its baseline is the English index built again just before it (the first build
  // in a process is measured holding less memory than any later one), and the two are asked the
  // queries in turns, round by round, so that neither gains from going second.
  const englishAgain = heapAfter(() => createSearchIndex(cards, { wordCacheSize: 0 }));
  const spanish = heapAfter(() => createSearchIndex(cards, { wordCacheSize: 0, language: 'es' }));
  const englishAgainCold: number[] = [];
  const spanishCold: number[] = [];
  for (let round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
    const englishRound = timeQueries((query) => runOurs(englishAgain.value)(query, round), 1, BENCH_QUERIES);
    const spanishRound = timeQueries((query) => runOurs(spanish.value)(query, round), 1, BENCH_QUERIES);
    if (round < WARM_UP_ROUNDS) continue;
    englishAgainCold.push(...englishRound);
    spanishCold.push(...spanishRound);
  }

  const cached = createSearchIndex(cards);
  timeQueries(runOurs(cached), WARM_UP_ROUNDS, BENCH_QUERIES);
  const oursWarm = timeQueries(runOurs(cached), TIMED_ROUNDS, BENCH_QUERIES);

  const naive = heapAfter(() => new Fuse(cards, { keys: ['title', 'tags', 'summary', 'steps', 'links.title'] }));
  timeQueries((query) => naive.value.search(query, { limit: 20 }), 1, BENCH_QUERIES.slice(0, NAIVE_WARM_UP_QUERIES));
  const naiveSamples = timeQueries((query) => naive.value.search(query, { limit: 20 }), 1, BENCH_QUERIES);

  const firstResults = await benchFirstResults(cards);
  const byLanguage = benchSearchLanguages();

  const p50 = percentile(oursCold, 0.5);
  const p95 = percentile(oursCold, 0.95);
  const naiveP50 = percentile(naiveSamples, 0.5);
  const naiveP95 = percentile(naiveSamples, 0.95);

  return {
    title: `Card search: ${CARD_COUNT.toLocaleString('en')} generated cards, ${BENCH_QUERIES.length} queries (baseline: naive fuse.js, every key, every card; for the Spanish analyser, the English one); the starter pack in each teacher's language`,
    rows: [
      { name: 'vocabulary (distinct words)', value: ours.value.vocabularySize, unit: 'words' },
      { name: 'build time', value: round2(ours.ms), unit: 'ms', baseline: round2(naive.ms) },
      { name: 'query p50', value: round2(p50), unit: 'ms', baseline: round2(naiveP50) },
      { name: 'query p95', value: round2(p95), unit: 'ms', goal: '≤ 10 ms', baseline: round2(naiveP95) },
      { name: 'speed-up at p50 (naive ÷ ours)', value: round2(naiveP50 / p50), unit: '×', goal: '≥ 50×' },
      { name: 'speed-up at p95 (naive ÷ ours)', value: round2(naiveP95 / p95), unit: '×', goal: '≥ 50×' },
      { name: 'query p50, typo look-ups cached', value: round2(percentile(oursWarm, 0.5)), unit: 'ms' },
      { name: 'query p95, typo look-ups cached', value: round2(percentile(oursWarm, 0.95)), unit: 'ms' },
      {
        name: 'memory held after build (heap + array buffers)',
        value: megabytes(ours.heapBytes),
        unit: 'MB',
        baseline: megabytes(naive.heapBytes),
      },
      {
        name: 'Spanish analyser, same cards and queries: build time (baseline: English, built again)',
        value: round2(spanish.ms),
        unit: 'ms',
        baseline: round2(englishAgain.ms),
      },
      {
        name: '  Spanish analyser: query p50',
        value: round2(percentile(spanishCold, 0.5)),
        unit: 'ms',
        baseline: round2(percentile(englishAgainCold, 0.5)),
      },
      {
        name: '  Spanish analyser: query p95',
        value: round2(percentile(spanishCold, 0.95)),
        unit: 'ms',
        goal: '≤ 10 ms',
        baseline: round2(percentile(englishAgainCold, 0.95)),
      },
      {
        name: '  Spanish analyser: memory held after build',
        value: megabytes(spanish.heapBytes),
        unit: 'MB',
        baseline: megabytes(englishAgain.heapBytes),
      },
      // Baseline: waiting for the whole index, as the first search did before.
      ...firstResults,
      ...byLanguage,
    ],
  };
}
