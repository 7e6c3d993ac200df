/**
 * A throwaway PostgreSQL cluster for the Hub's tests and benchmark: initdb in a temporary
 * folder, started on a free loopback port, removed on stop. initdb refuses to run as root, so
 * as root the folder is given to the postgres user and the commands run as that user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** postgres://coachmark@127.0.0.1:PORT/coachmark */
  url: string;
  /** A fresh, empty database on the same cluster (for a test file or a benchmark run of its own). */
  createDatabase(name: string): string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, version, 'bin'));
  }
  candidates.push('/usr/local/bin', '/usr/bin');
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb found); install the postgresql package');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'coachmark-pg-'));
  const pgUser = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  const pgGroup = asRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) : null;
  if (asRoot) {
    chownSync(dir, pgUser!, pgGroup!);
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'coachmark', '--no-sync']);
  const port = await freePort();
  // fsync stays on: the crash test relies on what PostgreSQL acknowledged surviving.
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    '-w',
    'start',
  ]);
  const base = `postgres://coachmark@127.0.0.1:${port}`;
  const createDatabase = (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
    const psql = path.join(bin, 'psql');
    const result = spawnSync(
      psql,
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'coachmark', '-d', 'postgres', '-c', `CREATE DATABASE ${name}`],
      {
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${result.stderr}`);
    return `${base}/${name}`;
  };
  createDatabase('coachmark');
  let stopped = false;
  return {
    url: `${base}/coachmark`,
    createDatabase,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
