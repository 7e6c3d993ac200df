import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import type { HelpRequestPayload } from '../endpoints/types';
import type { Endpoint } from '../outbox/queue';
import { sendToOutbox } from '../outbox/send';

/** "Send" on a ping: into the outbox for `endpoint`, or held on this device without one (see sendToOutbox). */
export function sendHelpRequest(payload: HelpRequestPayload, endpoint: Endpoint | null, database: CoachmarkDB = defaultDb): Promise<void> {
  return sendToOutbox(payload, endpoint, 'ping', database);
}
