/**
 * `npm run bench`: speed and memory figures, each beside its goal and, where there is one, the
 * baseline approach measured in the same run. Figures, not assertions: nothing here fails, except
 * the Hub section when the Hub stored an event twice or lost one (`npm run bench hub` runs it alone).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchSection } from './bench/types';
import { benchDetect } from './bench/detect';
import { benchSearch } from './bench/search';
import { benchImport } from './bench/import';
import { benchPanel } from './bench/panel';
import { benchOutbox } from './bench/outbox';
import { benchHubLoad } from './bench/hub-load';
import { benchShow } from './bench/show';

const root = join(import.meta.dirname, '..');
const sections: Array<[name: string, run: () => Promise<BenchSection>]> = [
  ['detect', benchDetect],
  ['search', benchSearch],
  ['import', benchImport],
  ['panel', benchPanel],
  ['outbox', benchOutbox],
  ['show', benchShow],
  ['hub', benchHubLoad],
];
/** Sections that measure the Hub server alone, without the built extension. */
const WITHOUT_BUILD = new Set(['hub']);

function format(value: number, unit: string): string {
  if (Number.isNaN(value)) return 'n/a';
  // Counts (events stored, answers) read as counts.
  if (Number.isInteger(value)) return `${value} ${unit}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return `${value.toFixed(digits)} ${unit}`;
}

function printSection(section: BenchSection): void {
  console.log(`\n## ${section.title}`);
  const table = section.rows.map((row) => ({
    measure: row.name,
    value: format(row.value, row.unit),
    goal: row.goal ?? '',
    baseline: row.baseline === undefined ? '' : format(row.baseline, row.unit),
    'baseline ÷ value': row.baseline === undefined || row.value === 0 ? '' : `${(row.baseline / row.value).toFixed(1)}×`,
  }));
  console.table(table);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const needsBuild = only.length === 0 || only.some((name) => !WITHOUT_BUILD.has(name));
  if (needsBuild && !existsSync(join(root, '.output/chrome-mv3/manifest.json'))) {
    console.log('Building the extension first (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  }
  console.log(`Coachmark benchmark — node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, run] of sections) {
    if (only.length > 0 && !only.includes(name)) continue;
    try {
      printSection(await run());
    } catch (error) {
      console.log(`\n## ${name}: failed — ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}

await main();
