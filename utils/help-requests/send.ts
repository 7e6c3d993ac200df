import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import type { HelpRequestPayload } from '../endpoints/types';
import { enqueue, type Endpoint } from '../outbox/queue';
import { wakeOutbox } from '../outbox/wake';

/**
 * Stores a help request in the outbox for `endpoint` and wakes the background to deliver it;
 * with no endpoint it is held on this device until the school sets one. Resolves once it is
 * stored (a failure to store rejects); the wake is not waited for, so the teacher sees
 * "queued" at once and the outbox's own state says the rest.
 */
export async function sendHelpRequest(
  payload: HelpRequestPayload,
  endpoint: Endpoint | null,
  database: CoachmarkDB = defaultDb,
): Promise<void> {
  await enqueue(payload, endpoint, database);
  if (endpoint) void wakeOutbox('ping');
}
