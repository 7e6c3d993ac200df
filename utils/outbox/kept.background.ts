import type { CoachmarkDB } from '../platform/db';
import { validateEndpointUrl } from '../endpoints';
import { sendWaitingFlags } from '../gaps/store';
import type { Settings } from '../settings/settings';
import { releaseHeld } from './queue';

/**
 * Pings and flags a teacher wrote before the school set an endpoint are kept on the device;
 * once one is set (by the teacher, the coach or a policy), they are queued for it. Returns how
 * many were queued, so the caller knows whether to deliver.
 */
export async function queueKeptRequests(
  settings: Pick<Settings, 'endpointUrl' | 'endpointFormat'>,
  database: CoachmarkDB,
): Promise<number> {
  const url = settings.endpointUrl.trim();
  if (!url || !validateEndpointUrl(url).ok) return 0;
  const endpoint = { url, format: settings.endpointFormat };
  const pings = await releaseHeld(endpoint, database);
  const flags = await sendWaitingFlags(endpoint, database);
  return pings + flags;
}
