import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { parsePack } from '../../utils/cards/pack';
import { alternativeGroup } from '../../utils/cards/language';
import { visibleCards } from '../../utils/cards/replacements';
import type { Card } from '../../utils/cards/schema';
import { createSearchIndex } from '../../utils/search/engine';
import type { BenchSection } from './types';

/**
 * Search in each teacher's language: the starter pack as an English and a Spanish teacher see
 * it (of each card and its translation, the one in their language), each read with its
 * language's analyser, asked the labelled queries of tests/fixtures/search-queries.json in that
 * language. Speed and top-3 hit rate, beside naive fuse.js over the same cards.
 */

interface LabelledQuery {
  query: string;
  expect: string[];
  tool?: string;
  context?: string;
}

const ROOT = join(import.meta.dirname, '../..');
const TOP = 3;
const BUILD_ROUNDS = 5;
const WARM_UP_ROUNDS = 3;
const TIMED_ROUNDS = 10;

const LANGUAGES = [
  { language: 'en', name: 'English', labels: 'starter' },
  { language: 'es', name: 'Spanish', labels: 'starterEs' },
] as const;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Median time of a few runs of `run`, and its last result. */
function timed<T>(run: () => T, rounds: number): { value: T; ms: number } {
  const samples: number[] = [];
  let value = run();
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    value = run();
    samples.push(performance.now() - start);
  }
  return { value, ms: percentile(samples, 0.5) };
}

/** Per-query times over several rounds, and the share of queries with an expected card in the top three. */
function measure(queries: readonly LabelledQuery[], rank: (query: LabelledQuery) => Array<Card & { pack: string }>) {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const query of queries) rank(query);
  const samples: number[] = [];
  let hits = 0;
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    for (const query of queries) {
      const start = performance.now();
      const found = rank(query);
      samples.push(performance.now() - start);
      // A translation counts as its original: the labels name the English cards.
      if (round === 0 && found.slice(0, TOP).some((card) => query.expect.includes(alternativeGroup(card)))) hits++;
    }
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), hitRate: (100 * hits) / queries.length };
}

export function benchSearchLanguages(): BenchSection['rows'] {
  const parsed = parsePack(readFileSync(join(ROOT, 'public/packs/starter.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`public/packs/starter.json:\n${parsed.errors.join('\n')}`);
  const { pack } = parsed;
  const records = pack.cards.map((card) => ({ ...card, pack: pack.id }));
  const packs = [{ id: pack.id, lang: pack.lang }];
  const labels = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/search-queries.json'), 'utf8')) as Record<string, LabelledQuery[]>;

  const rows: BenchSection['rows'] = [];
  for (const { language, name, labels: key } of LANGUAGES) {
    const queries = labels[key] ?? [];
    if (queries.length === 0) continue;
    const cards = visibleCards(records, packs, language);
    const build = timed(() => createSearchIndex(cards, { language, wordCacheSize: 0 }), BUILD_ROUNDS);
    const ours = measure(queries, ({ query, tool, context }) => build.value.search(query, { tool, context, limit: TOP }) as typeof cards);
    const naiveBuild = timed(() => new Fuse(cards, { keys: ['title', 'tags', 'summary', 'steps', 'links.title'] }), BUILD_ROUNDS);
    const naive = measure(queries, ({ query, tool }) => {
      const found = naiveBuild.value.search(query).map((result) => result.item);
      return tool ? [...found.filter((card) => card.tools.includes(tool)), ...found.filter((card) => !card.tools.includes(tool))] : found;
    });
    rows.push(
      {
        name: `${name} teacher: starter pack as seen (${cards.length} cards, ${language} analyser), ${queries.length} ${name} queries — build`,
        value: round2(build.ms),
        unit: 'ms',
        baseline: round2(naiveBuild.ms),
      },
      { name: `  ${name}: query p50`, value: round3(ours.p50), unit: 'ms', baseline: round3(naive.p50) },
      { name: `  ${name}: query p95`, value: round3(ours.p95), unit: 'ms', goal: '≤ 10 ms', baseline: round3(naive.p95) },
      {
        name: `  ${name}: top-3 hit rate (naive fuse.js: ${round2(naive.hitRate)} %)`,
        value: round2(ours.hitRate),
        unit: '%',
        goal: language === 'en' ? '≥ 90 %' : '≥ English − 5 points',
      },
    );
  }
  return rows;
}
