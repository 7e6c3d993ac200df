import Dexie from 'dexie';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';

/**
 * The outbox keeps delivered pings and flags for the teacher's "Your requests", but not for
 * ever: for `keepDays` (the sentHistoryDays setting) and at most the newest SENT_HISTORY_MAX.
 * Nothing undelivered is ever pruned. Keeps delivery and the panel's list as fast with a year
 * of use as on the first day.
 */

export const SENT_HISTORY_MAX = 500;
const DAY_MS = 24 * 60 * 60_000;

/** Removes delivered items older than `keepDays`, and all but the newest `maxKept`. Returns how many. */
export async function pruneSent(
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
  keepDays: number,
  maxKept = SENT_HISTORY_MAX,
): Promise<number> {
  const cutoff = now - keepDays * DAY_MS;
  return database.transaction('rw', database.outbox, database.gaps, async () => {
    const bySentAt = database.outbox.where('[status+sentAt]');
    const expired = await bySentAt.between(['sent', Dexie.minKey], ['sent', cutoff], true, false).primaryKeys();
    const surplus = await bySentAt.between(['sent', cutoff], ['sent', Dexie.maxKey], true, true).reverse().offset(maxKept).primaryKeys();
    const ids = [...expired, ...surplus];
    if (ids.length === 0) return 0;
    // A delivered flag stays under "My flags": it is marked sent before its outbox item goes,
    // since the mark is otherwise read from the item (utils/gaps/updates.ts).
    await database.gaps
      .where('id')
      .anyOf(ids)
      .modify((gap) => {
        if (gap.origin === 'mine' && gap.status === 'open') gap.status = 'sent';
      });
    await database.outbox.bulkDelete(ids);
    return ids.length;
  });
}
