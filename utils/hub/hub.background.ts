import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { onMessage } from '../platform/messages';
import { exportPack } from '../cards/import';
import { getSettings } from '../settings/settings';
import { hubConnection, hubPackUrl } from './address';
import { createHubClient, type HubClient } from './client';
import { startHubFlagSync } from './flag-sync.background';
import type { HubResult } from './types';

/**
 * The studio's calls to the district's Hub, made here because only the background talks to the
 * network: checking a URL and token, the flags (flag-sync.background.ts), volunteers, and
 * publishing a pack. The studio sends a message; the Hub in settings answers (the check uses
 * the form's values, so a coach can try them before saving).
 */

export interface HubSetupOptions {
  database?: CoachmarkDB;
  fetch?: typeof fetch;
  now?: () => number;
}

export function setupHub(options: HubSetupOptions = {}): () => void {
  const database = options.database ?? defaultDb;
  const fetchHub = options.fetch ?? ((input, init) => fetch(input, init));
  const flags = startHubFlagSync({ database, fetch: fetchHub, now: options.now });

  /** The client for the Hub in settings, or null when no Hub (URL and token) is set. */
  const settingsClient = async (): Promise<{ client: HubClient; url: string } | null> => {
    const hub = hubConnection((await getSettings()).values);
    return hub ? { client: createHubClient({ ...hub, fetch: fetchHub }), url: hub.url } : null;
  };
  const notSet = { ok: false, failure: { kind: 'not-set' } } as const;

  const removers = [
    onMessage('studioChecksHub', ({ data }) => createHubClient({ url: data.url, token: data.token, fetch: fetchHub }).coach()),
    onMessage('studioSyncsHubFlags', () => flags.sync()),
    onMessage('studioListsVolunteers', async () => (await settingsClient())?.client.volunteers() ?? notSet),
    onMessage(
      'studioDecidesVolunteer',
      async ({ data }) => (await settingsClient())?.client.decideVolunteer(data.id, data.decision) ?? notSet,
    ),
    onMessage('studioPublishesPack', async ({ data }) => publishPack(data.packId, await settingsClient(), database)),
  ];
  return () => {
    flags.stop();
    for (const remove of removers) remove();
  };
}

/** PUT of the pack exactly as the studio exports it; the answer names the version and where teachers subscribe. */
async function publishPack(
  packId: string,
  hub: { client: HubClient; url: string } | null,
  database: CoachmarkDB,
): Promise<HubResult<{ version: string; url: string }>> {
  if (!hub) return { ok: false, failure: { kind: 'not-set' } };
  const text = await exportPack(packId, database);
  if (text === null) return { ok: false, failure: { kind: 'not-found' } };
  const answer = await hub.client.publishPack(packId, text);
  return answer.ok ? { ok: true, value: { version: answer.value.version, url: hubPackUrl(hub.url, packId) } } : answer;
}
