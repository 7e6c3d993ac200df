import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { assertDataConsent } from '../platform/data-consent';
import type { GapFlagPayload } from '../endpoints/types';
import { wakeOutbox } from '../outbox/wake';
import { saveMyFlag, type Endpoint } from './store';

/**
 * Keeps a flag under "My flags" and, when there is an endpoint, queues it and wakes the
 * background. Resolves once it is stored (a failure to store rejects); the wake is not waited for.
 * Without Firefox's data consent (asked at Send) it keeps nothing and rejects with DataConsentRefused.
 */
export async function sendGapFlag(payload: GapFlagPayload, endpoint: Endpoint | null, database: CoachmarkDB = defaultDb): Promise<void> {
  await assertDataConsent();
  await saveMyFlag(payload, endpoint, database);
  if (endpoint) void wakeOutbox('gap');
}
