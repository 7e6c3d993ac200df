/**
 * `npm run test:hub`: the Hub's suite (vitest.hub.config.ts) twice, on the embedded database
 * and on PostgreSQL. PostgreSQL is HUB_TEST_DATABASE_URL when set (its user must be allowed to
 * create databases: each test file makes its own), otherwise a throwaway cluster started here
 * and removed afterwards. Without PostgreSQL installed, that half is skipped with a warning on
 * a developer's machine and fails on CI (CI=true), where it must run.
 *
 * HUB_TEST_DATABASE=pglite or =postgres runs one half only; arguments go to vitest
 * (`npm run test:hub -- tests/hub/packs.test.ts`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPostgresBin, startPgCluster, type PgCluster } from './pg-cluster';

type Half = 'pglite' | 'postgres';

const VITEST = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const args = process.argv.slice(2);
const onCi = Boolean(process.env.CI);

/** Runs the suite on one database; resolves with vitest's exit code. */
function runSuite(database: Half, databaseUrl?: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_TEST_DATABASE: database };
  if (databaseUrl) env.HUB_TEST_DATABASE_URL = databaseUrl;
  else delete env.HUB_TEST_DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--config', 'vitest.hub.config.ts', ...args], { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function timed(database: Half, run: () => Promise<number>): Promise<{ database: Half; code: number; seconds: number }> {
  console.log(`\n== Hub tests on ${database === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL'}`);
  const started = performance.now();
  const code = await run();
  return { database, code, seconds: (performance.now() - started) / 1000 };
}

async function onPostgres(): Promise<number> {
  const given = process.env.HUB_TEST_DATABASE_URL;
  if (given) return runSuite('postgres', given);
  let cluster: PgCluster | null = null;
  // Ctrl-C while the suite runs: the cluster's folder and server go too.
  const stopOnSignal = () => {
    cluster?.stop();
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    cluster = await startPgCluster();
    return await runSuite('postgres', cluster.url);
  } finally {
    cluster?.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
}

async function main(): Promise<number> {
  const only = process.env.HUB_TEST_DATABASE;
  if (only && only !== 'pglite' && only !== 'postgres') {
    console.error(`HUB_TEST_DATABASE: must be pglite or postgres, not "${only}"`);
    return 2;
  }
  const results = [];
  if (only !== 'postgres') results.push(await timed('pglite', () => runSuite('pglite')));

  let skipped = false;
  if (only !== 'pglite') {
    if (process.env.HUB_TEST_DATABASE_URL || findPostgresBin()) {
      results.push(await timed('postgres', onPostgres));
    } else if (onCi) {
      console.error(
        '\nHub tests: PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin, /usr/local/bin or /usr/bin), ' +
          'and on CI the suite must also run on it. Install the postgresql package, or set HUB_TEST_DATABASE_URL.',
      );
      return 1;
    } else {
      skipped = true;
    }
  }

  console.log('\n== Hub tests');
  for (const { database, code, seconds } of results) {
    console.log(`   ${database.padEnd(8)} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  }
  if (skipped) {
    console.warn(
      '   postgres skipped: PostgreSQL is not installed (install the postgresql package, or set HUB_TEST_DATABASE_URL); ' +
        'CI runs this half.',
    );
  }
  return results.every((result) => result.code === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
