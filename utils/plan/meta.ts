import { db as defaultDb, type CoachmarkDB, type PlanMetaRecord } from '../platform/db';
import { EMPTY_META, PLAN_META_ID, isPlanDate, rolledMeta } from './period';

/**
 * The plan's meeting rhythm in the database (one planMeta row). Its own module, small, because
 * the panel's first screen reads it for the reminder.
 */

export async function readMeta(database: CoachmarkDB = defaultDb): Promise<PlanMetaRecord> {
  return (await database.planMeta.get(PLAN_META_ID)) ?? EMPTY_META;
}

/** Sets (or, with null, clears) the date of the next coaching meeting. */
export async function setNextMeeting(date: string | null, database: CoachmarkDB = defaultDb): Promise<void> {
  if (date !== null && !isPlanDate(date)) throw new Error(`The meeting date must be a day such as 2026-12-10, not "${date}".`);
  await database.transaction('rw', database.planMeta, async () => {
    const meta = await readMeta(database);
    await database.planMeta.put({ ...meta, nextMeeting: date });
  });
}

/** "Not now" on the reminder: it stays away until the next meeting date. */
export async function dismissReminder(meeting: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.transaction('rw', database.planMeta, async () => {
    const meta = await readMeta(database);
    await database.planMeta.put({ ...meta, reminderDismissed: meeting });
  });
}

/** Starts a new period once the next meeting's day is over (see rolledMeta). Returns whether it did. */
export async function rollPeriod(database: CoachmarkDB = defaultDb, now = Date.now()): Promise<boolean> {
  return database.transaction('rw', database.planMeta, async () => {
    const next = rolledMeta(await readMeta(database), now);
    if (!next) return false;
    await database.planMeta.put(next);
    return true;
  });
}
