import { afterEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { checkDatabase, resetKeepingRequests } from '../../../utils/platform/db-health';
import { gapRecord, outboxItem } from '../../support/factories';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteRaw(name);
});

function freshName(): string {
  const name = `health-${Math.random()}`;
  names.push(name);
  return name;
}

/** A database made with plain IndexedDB, as another build (or a broken upgrade) left it. */
function createRaw(name: string, version: number, setup: (database: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => setup(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function rawVersionAndStores(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const { version, objectStoreNames } = request.result;
      request.result.close();
      resolve({ version, stores: [...objectStoreNames].sort() });
    };
    request.onerror = () => reject(request.error);
  });
}

function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
  });
}

const queued = outboxItem({ id: 'ping-1', status: 'queued' });
const held = outboxItem({ id: 'ping-2', status: 'held', endpoint: null });
const myFlag = gapRecord({ id: 'flag-1', origin: 'mine' });
const imported = gapRecord({ id: 'flag-2', origin: 'imported' });

describe('a database this build cannot open', () => {
  it('reports one made by a newer build, and leaves it as it was (no tables added, version kept)', async () => {
    const name = freshName();
    await createRaw(name, 1000, (database) => database.createObjectStore('outbox', { keyPath: 'id' }).add(queued));
    const database = new CoachmarkDB(name);
    const problem = await checkDatabase(database);
    expect(problem?.name).toBe('VersionError');
    database.close();
    expect(await rawVersionAndStores(name)).toEqual({ version: 1000, stores: ['outbox'] });
  });

  it('reports one whose upgrade cannot run (a store with another primary key)', async () => {
    const name = freshName();
    await createRaw(name, 10, (database) => database.createObjectStore('outbox', { keyPath: 'key' }));
    const database = new CoachmarkDB(name);
    expect((await checkDatabase(database))?.name).toBe('UpgradeError');
    database.close();
  });

  it('reports nothing for a healthy one', async () => {
    const database = new CoachmarkDB(freshName());
    expect(await checkDatabase(database)).toBeNull();
    database.close();
  });

  it('resets to the current schema, keeping every request and the teacher’s own flags', async () => {
    const name = freshName();
    await createRaw(name, 1000, (database) => {
      const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
      outbox.add(queued);
      outbox.add(held);
      // A row of some other shape is left behind, not carried into the new database.
      outbox.add({ id: 'odd' });
      const gaps = database.createObjectStore('gaps', { keyPath: 'id' });
      gaps.add(myFlag);
      gaps.add(imported);
      database.createObjectStore('futureTable', { keyPath: 'id' });
    });
    const database = new CoachmarkDB(name);
    expect(await checkDatabase(database)).not.toBeNull();

    expect(await resetKeepingRequests(database)).toEqual({ requests: 2, flags: 1 });
    expect(await checkDatabase(database)).toBeNull();
    expect(await database.outbox.orderBy('id').toArray()).toEqual([queued, held]);
    expect(await database.outbox.where('status').equals('held').primaryKeys()).toEqual(['ping-2']);
    expect(await database.gaps.toArray()).toEqual([myFlag]);
    expect(database.tables.map((table) => table.name)).not.toContain('futureTable');
    database.close();
    expect((await rawVersionAndStores(name)).version).toBe(database.verno * 10);
  });

  it('resets a database whose upgrade failed, and one that was never there', async () => {
    const broken = freshName();
    await createRaw(broken, 10, (database) => database.createObjectStore('outbox', { keyPath: 'key' }).add({ key: 1 }));
    const database = new CoachmarkDB(broken);
    expect(await checkDatabase(database)).not.toBeNull();
    expect(await resetKeepingRequests(database)).toEqual({ requests: 0, flags: 0 });
    expect(await database.outbox.count()).toBe(0);
    database.close();

    const missing = new CoachmarkDB(freshName());
    expect(await resetKeepingRequests(missing)).toEqual({ requests: 0, flags: 0 });
    expect(await checkDatabase(missing)).toBeNull();
    missing.close();
  });
});
