import Dexie from 'dexie';
import { db as defaultDb, type CoachmarkDB, type GapRecord, type OutboxItem } from './db';

/**
 * When the database cannot open (a newer build's schema, an upgrade that failed or threw, a
 * store in a shape this build cannot change), every query fails and the pages would wait
 * forever. They ask here first, say so in plain words, and offer a reset that keeps what the
 * teacher cannot get back: requests not yet delivered and their own flags. Cards, packs and
 * marks come back from the starter pack and the school's subscriptions.
 */

/** Why the database did not open, for the notice's details. */
export interface DatabaseProblem {
  name: string;
  message: string;
}

/** What a reset carried over into the new database. */
export interface ResetResult {
  requests: number;
  flags: number;
}

/** How long the reset waits for other open pages to let go of the old database. */
const DELETE_WAIT_MS = 10_000;

/** Opens the database (or joins the open under way); null when it is usable. */
export async function checkDatabase(database: CoachmarkDB = defaultDb): Promise<DatabaseProblem | null> {
  try {
    await database.open();
    return null;
  } catch (error) {
    return describeOpenFailure(error);
  }
}

/** The error that stopped the open: Dexie wraps the browser's (and an upgrade's) error in `inner`. */
export function describeOpenFailure(error: unknown): DatabaseProblem {
  const outer = asError(error);
  const inner = error instanceof Dexie.DexieError && error.inner ? asError(error.inner) : null;
  return inner && outer.name === 'DatabaseClosedError' ? inner : outer;
}

/**
 * Reads the requests and flags out of the database with plain IndexedDB (Dexie cannot open
 * it), deletes it, opens it anew and puts them back. Nothing is deleted unless what was there
 * could be read first.
 */
export async function resetKeepingRequests(
  database: CoachmarkDB = defaultDb,
  factory: IDBFactory = globalThis.indexedDB,
): Promise<ResetResult> {
  // Let go of the failed connection; the open below starts afresh.
  database.close({ disableAutoOpen: false });
  const kept = await readKeptRows(database.name, factory);
  await deleteDatabase(database.name, factory);
  await database.open();
  await database.transaction('rw', database.outbox, database.gaps, async () => {
    await database.outbox.bulkPut(kept.requests);
    await database.gaps.bulkPut(kept.flags);
  });
  return { requests: kept.requests.length, flags: kept.flags.length };
}

interface KeptRows {
  requests: OutboxItem[];
  flags: GapRecord[];
}

/** Undelivered and delivered requests alike (the teacher's history), and the teacher's own flags. */
async function readKeptRows(name: string, factory: IDBFactory): Promise<KeptRows> {
  const connection = await openAsItIs(name, factory);
  if (!connection) return { requests: [], flags: [] };
  try {
    const [outbox, gaps] = await Promise.all([readStore(connection, 'outbox'), readStore(connection, 'gaps')]);
    return { requests: outbox.filter(isOutboxRow), flags: gaps.filter(isOwnFlag) };
  } finally {
    connection.close();
  }
}

/** The database at its own version, without upgrading it; null when there is none. */
function openAsItIs(name: string, factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      // No database by that name: do not leave an empty one behind.
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(null);
      } else reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
    };
  });
}

function readStore(connection: IDBDatabase, store: string): Promise<unknown[]> {
  if (!connection.objectStoreNames.contains(store)) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const request = connection.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not read ${store}`));
  });
}

function deleteDatabase(name: string, factory: IDBFactory): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    // Another page still holds the old database open (Dexie pages close theirs by themselves).
    const timer = setTimeout(
      () => reject(new Error(`The old data is still open in another Coachmark page: close it and try again.`)),
      DELETE_WAIT_MS,
    );
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`IndexedDB could not delete ${name}`));
    };
  });
}

/** Enough of an outbox item to be delivered or shown: rows of another shape are left behind. */
function isOutboxRow(row: unknown): row is OutboxItem {
  if (typeof row !== 'object' || row === null) return false;
  const item = row as Partial<OutboxItem>;
  return typeof item.id === 'string' && typeof item.status === 'string' && typeof item.payload === 'object' && item.payload !== null;
}

function isOwnFlag(row: unknown): row is GapRecord {
  if (typeof row !== 'object' || row === null) return false;
  const gap = row as Partial<GapRecord>;
  return typeof gap.id === 'string' && gap.origin === 'mine';
}

function asError(error: unknown): DatabaseProblem {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: String(name ?? 'Error'), message: String(message ?? '') };
  }
  return { name: 'Error', message: String(error) };
}
