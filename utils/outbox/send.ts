import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { assertDataConsent } from '../platform/data-consent';
import type { OutgoingPayload } from '../endpoints/types';
import { enqueue, type Endpoint } from './queue';
import { wakeOutbox } from './wake';

/**
 * Stores a payload the teacher previewed in the outbox for `endpoint` and wakes the background
 * to deliver it; with no endpoint it is held on this device until the school sets one. Resolves
 * once it is stored (a failure to store rejects); the wake is not waited for, so the teacher
 * sees "queued" at once and the outbox's own state says the rest. Without Firefox's data consent
 * (asked at Send) it stores nothing and rejects with DataConsentRefused.
 */
export async function sendToOutbox(
  payload: OutgoingPayload,
  endpoint: Endpoint | null,
  wakeReason: string,
  database: CoachmarkDB = defaultDb,
): Promise<void> {
  await assertDataConsent();
  await enqueue(payload, endpoint, database);
  if (endpoint) void wakeOutbox(wakeReason);
}
