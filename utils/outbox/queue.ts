import { db as defaultDb, type CoachmarkDB, type OutboxItem } from '../platform/db';
import type { EndpointFormat, OutgoingPayload } from '../endpoints/types';

/**
 * The outbox as extension pages see it: pings and gap flags are stored here before anything
 * is sent, each keeping one id (the Idempotency-Key) for all attempts. Nothing is sent from
 * here: the background delivers (delivery.background.ts).
 */

export interface Endpoint {
  url: string;
  format: EndpointFormat;
}

/**
 * Stores a payload for delivery to `endpoint`; with no endpoint (the school has not set one
 * yet) it is held on this device, and `releaseHeld` queues it once one is set.
 */
export async function enqueue(
  payload: OutgoingPayload,
  endpoint: Endpoint | null,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: payload.id,
    kind: payload.type,
    payload,
    endpoint,
    status: endpoint ? 'queued' : 'held',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: now,
  };
  await database.outbox.add(item);
  return item;
}

/**
 * Queues every item held for want of an endpoint for `endpoint`, oldest first. Returns how many.
 * One held for Firefox's data consent keeps its own endpoint (consent-hold.ts).
 */
export async function releaseHeld(endpoint: Endpoint, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<number> {
  return database.transaction('rw', database.outbox, async () => {
    const held = await database.outbox
      .where('status')
      .equals('held')
      .filter((item) => item.heldFor !== 'consent')
      .toArray();
    for (const item of held) await database.outbox.update(item.id, { status: 'queued', endpoint, nextAttemptAt: now });
    return held.length;
  });
}

/** Retry now: a failed or waiting item goes back to the front of the queue (a held one waits for an endpoint). */
export async function retryNow(id: string, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  await database.outbox.update(id, (item) => {
    if (item.status === 'sent' || item.status === 'sending' || item.status === 'held' || !item.endpoint) return;
    item.status = 'queued';
    item.nextAttemptAt = now;
  });
}

export async function remove(id: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.outbox.delete(id);
}
