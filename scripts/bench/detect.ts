import { performance } from 'node:perf_hooks';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { detect } from '../../utils/tools/detect';
import { signatureTool } from '../../utils/tools/signature';
import type { ToolExample } from '../../utils/tools/types';
import type { BenchSection } from './types';

const CATALOG_DIR = join(import.meta.dirname, '../../utils/tools/catalog');
const CONTENT_DIR = join(import.meta.dirname, '../../.output/chrome-mv3/content-scripts');
const SHELLS_DIR = join(import.meta.dirname, '../../tests/fixtures/shells');

async function catalogueExamples(): Promise<string[]> {
  const urls: string[] = [];
  for (const file of readdirSync(CATALOG_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    const module = (await import(join(CATALOG_DIR, file))) as { examples: ToolExample[] };
    for (const example of module.examples) if (!example.html && !example.shell) urls.push(example.url);
  }
  return urls;
}

/** detect() per URL over every catalogue example, and the content script's shipped size. */
export async function benchDetect(): Promise<BenchSection> {
  const urls = await catalogueExamples();
  const rounds = 50;
  const samples = perItemSamples(urls, (url) => detect(url), rounds);
  const rows: BenchSection['rows'] = [
    {
      name: `detect() median per URL (${urls.length} catalogue URLs × ${rounds})`,
      value: samples[Math.floor(rounds / 2)]!,
      unit: 'ms',
      goal: '≤ 0.05 ms',
    },
    { name: 'detect() p95 per URL', value: samples[Math.floor(rounds * 0.95)]!, unit: 'ms' },
  ];
  rows.push(...benchSignatures());
  if (existsSync(CONTENT_DIR)) {
    for (const file of readdirSync(CONTENT_DIR).filter((name) => name.endsWith('.js'))) {
      const source = readFileSync(join(CONTENT_DIR, file));
      rows.push({
        name: `content script ${file} (gzip -9)`,
        value: gzipSync(source, { level: 9 }).length / 1024,
        unit: 'KB',
        goal: '≤ 5 KB',
      });
      rows.push({ name: `content script ${file} (raw)`, value: source.length / 1024, unit: 'KB' });
    }
  } else {
    rows.push({ name: 'content script size: run `npx wxt build` first', value: Number.NaN, unit: 'KB' });
  }
  return { title: 'Detection and content script', rows };
}

/** The content script's structural check on a school domain, over the real page shells. */
function benchSignatures(): BenchSection['rows'] {
  const docs: Document[] = [];
  for (const tool of readdirSync(SHELLS_DIR)) {
    for (const file of readdirSync(join(SHELLS_DIR, tool))) {
      const window = new Window({ url: 'https://lms.school.example/' });
      window.document.write(readFileSync(join(SHELLS_DIR, tool, file), 'utf8'));
      docs.push(window.document as unknown as Document);
    }
  }
  const rounds = 30;
  const samples = perItemSamples(docs, (doc) => signatureTool(doc), rounds);
  return [
    {
      name: `signatureTool() median per page (${docs.length} page shells × ${rounds}, happy-dom)`,
      value: samples[Math.floor(rounds / 2)]!,
      unit: 'ms',
      goal: '≤ 1 ms',
    },
  ];
}

/** Time per item of `run` over `items`, one sample per round after a warm-up, sorted ascending. */
function perItemSamples<T>(items: readonly T[], run: (item: T) => unknown, rounds: number): number[] {
  for (let i = 0; i < 5; i++) for (const item of items) run(item);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const item of items) run(item);
    samples.push((performance.now() - start) / items.length);
  }
  return samples.sort((a, b) => a - b);
}
