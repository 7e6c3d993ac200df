import type { CoachmarkDB } from '../platform/db';
import { validateEndpointUrl } from '../endpoints';
import { sendWaitingFlags } from '../gaps/store';
import { getSettings, watchSettingsChanges, type Settings } from '../settings/settings';
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

/**
 * Queues the kept requests now and whenever the settings change; `onQueued` runs when some
 * were (the runner delivers them). Returns the unsubscribe.
 */
export function watchKeptRequests(database: CoachmarkDB, onQueued: () => void): () => void {
  const queueKept = async () => {
    if ((await queueKeptRequests((await getSettings()).values, database)) > 0) onQueued();
  };
  const log = (error: unknown) => console.error('Coachmark: could not queue kept requests', error);
  const stop = watchSettingsChanges(() => void queueKept().catch(log));
  void queueKept().catch(log);
  return stop;
}
