import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { errorMessage, isStorageFull, storageFailureText } from '../../../utils/platform/storage-errors';
import { importPack } from '../../../utils/cards/import';
import { sendHelpRequest } from '../../../utils/help-requests/send';
import { helpRequest } from '../../support/payloads';
import { card, pack } from '../../support/factories';

const STORAGE_FULL =
  'This device is out of storage space: nothing was saved, and nothing already saved was lost. Free up some space, then try again.';
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage-full errors', () => {
  it.each([
    ['the browser’s DOMException', quota()],
    ['Dexie’s own QuotaExceededError', new Dexie.QuotaExceededError('Quota exceeded')],
    ['an aborted transaction wrapping it (Dexie: error.inner)', new Dexie.AbortError('Transaction aborted', quota())],
    ['a closed database wrapping an abort wrapping it', new Dexie.DatabaseClosedError(new Dexie.AbortError('aborted', quota()))],
    ['an error with it as its cause', new Error('save failed', { cause: quota() })],
    ['a full storage.local area', new Error('QUOTA_BYTES quota exceeded')],
    ['Firefox’s name for it', Object.assign(new Error('quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
  ])('are recognised in %s', (_, error) => {
    expect(isStorageFull(error)).toBe(true);
    expect(storageFailureText(error, () => 'other')).toBe(STORAGE_FULL);
  });

  it.each([
    ['a constraint error', new Dexie.ConstraintError('Key already exists')],
    ['an abort for another reason', new Dexie.AbortError('aborted', new DOMException('x', 'UnknownError'))],
    ['a string', 'QuotaExceeded? no'],
    ['nothing', undefined],
  ])('are not confused with %s, which keeps the caller’s own words', (_, error) => {
    expect(isStorageFull(error)).toBe(false);
    expect(storageFailureText(error, (cause) => `Not saved: ${errorMessage(cause)}`)).toBe(`Not saved: ${errorMessage(error)}`);
  });

  it('stops following a chain of wrapped errors that loops', () => {
    const looped: { name: string; message: string; inner?: unknown } = { name: 'AbortError', message: 'aborted' };
    looped.inner = looped;
    expect(isStorageFull(looped)).toBe(false);
  });
});

/** A database whose writes the browser refuses for lack of space, as a full disk does. */
function fullDatabase(): CoachmarkDB {
  const database = new CoachmarkDB(`full-${Math.random()}`);
  database.use({
    stack: 'dbcore',
    name: 'disk-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (_request: DBCoreMutateRequest) => Promise.reject(quota()) };
      },
    }),
  });
  return database;
}

let opened: CoachmarkDB[] = [];
afterEach(async () => {
  for (const database of opened) await database.delete();
  opened = [];
});

describe('where a full disk reaches the teacher or the coach', () => {
  it('importing a pack says the device is full, and stores nothing', async () => {
    const database = fullDatabase();
    opened.push(database);
    const result = await importPack(pack({ id: 'district', version: '1', cards: [card({ id: 'a' })] }), { kind: 'local' }, database);
    expect(result).toEqual({ ok: false, errors: [`pack: ${STORAGE_FULL}`] });
    expect(await database.packs.count()).toBe(0);
  });

  it('sending a ping rejects with an error the panel words as the device being full', async () => {
    const database = fullDatabase();
    opened.push(database);
    const failure = await sendHelpRequest(helpRequest({ id: 'ping-1' }), null, database).catch((error: unknown) => error);
    expect(storageFailureText(failure, () => 'other')).toBe(STORAGE_FULL);
  });
});
