import { readdir, readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';

/**
 * The Hub's one way to the database: the same SQL on the embedded PostgreSQL (PGlite, in a data
 * folder) and on a PostgreSQL server (node-postgres pool). Queries pass parameters, never
 * strings built from input; jsonb goes in as text cast with `::jsonb`; counts are cast to int
 * so both drivers give numbers.
 */

export type DatabaseKind = 'pglite' | 'postgres';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… : a PostgreSQL server. Without it, the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openEmbedded(options.dataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(path.join(dataDir, 'pgdata'));
  // PGlite runs one statement at a time; its own transaction() keeps others out meanwhile.
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          async query<R>(sql: string, params: unknown[] = []) {
            return (await tx.query<R>(sql, params)).rows;
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const { default: postgres } = await import('pg');

  const pool = new postgres.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client's error (the server restarting) must not take the process down; the next
  // query gets a new connection.
  pool.on('error', () => {});
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];
  await run(pool, 'SELECT 1');
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any number; the same in every Hub process, so that only one migrates at a time. */
const MIGRATION_LOCK = 0x636d6862;

/**
 * Applies the numbered migrations (`NNN_name.sql`) not applied yet, in order, in one
 * transaction (all or nothing), under an advisory lock so that Hub processes starting together
 * on one server take turns.
 */
export async function migrate(database: Database): Promise<number[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const applied: number[] = [];
  await database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    for (const file of files) {
      const version = Number.parseInt(file, 10);
      if (done.has(version)) continue;
      for (const statement of splitStatements(await readFile(path.join(MIGRATIONS_DIR, file), 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
  });
  return applied;
}

/** A migration file's statements: split on semicolons that end a line (the files keep to that). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement !== '');
}
