import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import type { EndpointFormat, HelpRequestPayload } from '../endpoints/types';
import { enqueue } from '../outbox/queue';
import { wakeOutbox } from '../outbox/wake';

/**
 * Stores a help request in the outbox for `endpoint` and wakes the background to deliver it.
 * Resolves once it is stored (a failure to store rejects); the wake is not waited for, so the
 * teacher sees "queued" at once and the outbox's own state says the rest.
 */
export async function sendHelpRequest(
  payload: HelpRequestPayload,
  endpoint: { url: string; format: EndpointFormat },
  database: CoachmarkDB = defaultDb,
): Promise<void> {
  await enqueue(payload, endpoint, database);
  void wakeOutbox('ping');
}
