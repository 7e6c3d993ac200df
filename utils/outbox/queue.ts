import { db as defaultDb, type CoachmarkDB, type OutboxItem } from '../platform/db';
import type { EndpointFormat, OutgoingPayload } from '../endpoints/types';

/**
 * The outbox as extension pages see it: pings and gap flags are stored here before anything
 * is sent, each keeping one id (the Idempotency-Key) for all attempts. Nothing is sent from
 * here: the background delivers (delivery.background.ts).
 */

export async function enqueue(
  payload: OutgoingPayload,
  endpoint: { url: string; format: EndpointFormat },
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: payload.id,
    kind: payload.type,
    payload,
    endpoint,
    status: 'queued',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: now,
  };
  await database.outbox.add(item);
  return item;
}

/** Retry now: a failed or waiting item goes back to the front of the queue. */
export async function retryNow(id: string, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  await database.outbox.update(id, (item) => {
    if (item.status === 'sent' || item.status === 'sending') return;
    item.status = 'queued';
    item.nextAttemptAt = now;
  });
}

export async function remove(id: string, database: CoachmarkDB = defaultDb): Promise<void> {
  await database.outbox.delete(id);
}
