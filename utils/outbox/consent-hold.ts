import type { CoachmarkDB } from '../platform/db';

/**
 * Firefox lets the teacher withdraw the data consent they gave at Send (in the add-on's settings).
 * What is still waiting then must not go out: before each delivery pass, the background holds
 * every queued item on this device, keeping its endpoint, attempts and due time, and queues them
 * again, in their order, once the consent is back. Items already in flight finish.
 */

/** Holds or releases the waiting items for the consent as it is now; returns whether delivery may go on. */
export async function followDataConsent(database: CoachmarkDB, granted: boolean): Promise<boolean> {
  await database.transaction('rw', database.outbox, async () => {
    if (!granted) {
      await database.outbox
        .where('status')
        .equals('queued')
        .modify((item) => {
          item.status = 'held';
          item.heldFor = 'consent';
        });
      return;
    }
    await database.outbox
      .where('status')
      .equals('held')
      .filter((item) => item.heldFor === 'consent')
      .modify((item) => {
        item.status = 'queued';
        delete item.heldFor;
      });
  });
  return granted;
}
