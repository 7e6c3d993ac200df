import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { getSettings, watchSettings } from '../settings/settings';
import { rerunningFlight } from '../platform/single-flight';
import { hubConnection } from './address';
import { createHubClient } from './client';
import { countFreshResolutions, forgetHubFlags, mergeHubFlags, pendingResolutions, recordResolution } from './flag-store';
import type { HubFailure, HubFlagSyncResult } from './types';

/**
 * The Hub's flags kept in the gaps table while the coach has a Hub set: a sync when the studio's
 * Gaps tab opens or asks ("Refresh"), when the Hub setting changes, and every few minutes by
 * alarm. Each sync first resolves on the Hub what the coach resolved here (or a card addressed),
 * then reads the Hub's list with the ETag of the last one. Background only (network rule).
 */

export const HUB_FLAG_ALARM = 'hub-flag-sync';
export const HUB_FLAG_PERIOD_MINUTES = 15;

export interface HubFlagSyncEnvironment {
  fetch: typeof fetch;
  now: () => number;
  database: CoachmarkDB;
  /** The ETag of the list last read from each Hub, kept while the background runs. */
  etags: Map<string, string>;
}

/** One sync with the Hub in settings. Never throws. */
export async function syncHubFlags(env: HubFlagSyncEnvironment): Promise<HubFlagSyncResult> {
  const hub = hubConnection((await getSettings()).values);
  if (!hub) {
    await forgetHubFlags(null, env.database);
    env.etags.clear();
    return { outcome: 'none' };
  }
  await forgetHubFlags(hub.url, env.database);
  const client = createHubClient({ ...hub, fetch: env.fetch });
  const pushed = await pushResolutions(hub.url, client, env);
  if (pushed.refused) return { outcome: 'failed', at: env.now(), failure: { kind: 'refused' } };

  // A flag resolved just now changes the list: read it whole rather than trust the old ETag.
  const etag = pushed.resolved > 0 ? undefined : env.etags.get(hub.url);
  const answer = await client.flags({ etag });
  if (!answer.ok) return { outcome: 'failed', at: env.now(), failure: answer.failure };
  let outcome: 'updated' | 'unchanged' = 'unchanged';
  if (answer.value.kind === 'flags') {
    const merged = await mergeHubFlags(hub.url, answer.value.flags, env.database, env.now());
    if (answer.value.etag) env.etags.set(hub.url, answer.value.etag);
    else env.etags.delete(hub.url);
    if (merged.added + merged.updated + merged.removed > 0) outcome = 'updated';
  }
  const kept = await env.database.gaps.filter((gap) => gap.hub?.url === hub.url).toArray();
  return {
    outcome,
    at: env.now(),
    flags: kept.length,
    open: kept.filter((gap) => gap.hub!.status === 'open').length,
    resolved: pushed.resolved,
    unresolved: pushed.unresolved,
  };
}

/** Resolves on the Hub each flag resolved or addressed here; stops at a refused token (every call would be). */
async function pushResolutions(
  hubUrl: string,
  client: ReturnType<typeof createHubClient>,
  env: HubFlagSyncEnvironment,
): Promise<{ resolved: number; unresolved: number; refused: boolean }> {
  const counts = { resolved: 0, unresolved: 0, refused: false };
  const waiting = await pendingResolutions(hubUrl, env.database);
  for (const [index, pending] of waiting.entries()) {
    const answer = await client.resolveFlag(pending.id, pending.card);
    if (answer.ok) {
      await recordResolution(pending.id, null, env.database, env.now());
      counts.resolved += 1;
      continue;
    }
    if (answer.failure.kind === 'refused') {
      // Every other call would be refused too: each waiting flag says so, and none is tried again until the next sync.
      for (const rest of waiting.slice(index)) await recordResolution(rest.id, 'refused', env.database, env.now());
      counts.unresolved += waiting.length - index;
      counts.refused = true;
      break;
    }
    await recordResolution(pending.id, failureCode(answer.failure), env.database, env.now());
    counts.unresolved += 1;
  }
  return counts;
}

/** A failure in one word, as a flag keeps it (the studio words it). */
function failureCode(failure: HubFailure): string {
  return failure.kind === 'http' ? `http ${failure.status}` : failure.kind;
}

export interface HubFlagSyncHandle {
  sync(): Promise<HubFlagSyncResult>;
  stop(): void;
}

/**
 * Wires the sync into the background: the alarm, a sync whenever settings change (a new Hub,
 * or none), and one as soon as a flag of the Hub is resolved or addressed here while the
 * background runs (the studio's own sync covers the times it does not).
 */
export function startHubFlagSync(options: { database?: CoachmarkDB; fetch?: typeof fetch; now?: () => number } = {}): HubFlagSyncHandle {
  const env: HubFlagSyncEnvironment = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? (() => Date.now()),
    database: options.database ?? defaultDb,
    etags: new Map(),
  };
  const flight = rerunningFlight(() => syncHubFlags(env));
  const sync = () => flight.run();
  const log = (error: unknown) => console.error('Coachmark: Hub flag sync failed', error);

  void browser.alarms.get(HUB_FLAG_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(HUB_FLAG_ALARM, { periodInMinutes: HUB_FLAG_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === HUB_FLAG_ALARM) sync().catch(log);
  };
  browser.alarms.onAlarm.addListener(onAlarm);

  let hubKey: string | null | undefined;
  const stopSettings = watchSettings(({ values }) => {
    const hub = hubConnection(values);
    const key = hub ? `${hub.url} ${hub.token}` : null;
    if (key === hubKey) return;
    // The first reading only notes the Hub: the alarm and the studio sync when they need to.
    const first = hubKey === undefined;
    hubKey = key;
    if (!first || key === null) sync().catch(log);
  });

  // Only pages' and this worker's own writes wake the query; while the worker sleeps, the studio's sync covers it.
  // A flag whose resolution failed no longer counts, so a Hub that is down is not asked again at every change.
  const pending = liveQuery(() => countFreshResolutions(env.database)).subscribe({
    next: (count) => {
      if (count > 0 && hubKey !== null) sync().catch(log);
    },
    error: log,
  });

  return {
    sync,
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      stopSettings();
      pending.unsubscribe();
    },
  };
}
