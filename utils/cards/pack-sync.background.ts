import { browser } from 'wxt/browser';
import { db as defaultDb, type CoachmarkDB, type PackSource } from '../platform/db';
import { packRecordOf, putPackCards } from './store';
import { onMessage } from '../platform/messages';
import { getSettings, watchSettingsChanges } from '../settings/settings';
import { parsePack } from './pack';
import { canonicalCard } from './import';
import { LIMITS, type Card } from './schema';
import { fetchRemoteFile } from '../platform/remote-file.background';
import { keyedSingleFlight } from '../platform/single-flight';
import {
  encodeSyncError,
  isPendingSubscription,
  isUrlRecord,
  MAX_PACK_SUBSCRIPTIONS,
  pendingRecord,
  planSubscriptions,
  validatePackUrl,
  type PackSyncResult,
  type UrlPackRecord,
} from './subscriptions';

/**
 * Subscribed packs: fetched on an alarm and on demand, with If-None-Match so that an unchanged
 * pack costs one small 304. A failed or invalid sync keeps the last good copy and records why
 * on the pack's record; a good one replaces the pack (the URL is the pack's only author).
 */

export const PACK_SYNC_ALARM = 'pack-sync';
export const PACK_SYNC_PERIOD_MINUTES = 6 * 60;

export interface SyncEnvironment {
  fetch: typeof fetch;
  now: () => number;
  database: CoachmarkDB;
  timeoutMs?: number;
  /** Where the URL came from, for a record this sync creates. */
  subscribedBy?: 'settings' | 'studio';
}

type Fetched = { kind: 'not-modified' } | { kind: 'body'; text: string; etag: string | null } | { kind: 'failed'; error: string };

/** One conditional GET within the pack limits, its failure as the stored `code: detail`. */
async function fetchPack(url: string, etag: string | undefined, env: SyncEnvironment): Promise<Fetched> {
  const fetched = await fetchRemoteFile(url, {
    fetch: env.fetch,
    etag,
    timeoutMs: env.timeoutMs,
    maxBytes: LIMITS.maxFileBytes,
  });
  return fetched.kind === 'failed' ? { kind: 'failed', error: encodeSyncError(fetched.code, fetched.detail) } : fetched;
}

async function findRecord(database: CoachmarkDB, url: string): Promise<UrlPackRecord | undefined> {
  const records = await database.packs.toArray();
  // A good copy wins over a placeholder left from before the first sync.
  const matching = records.filter((record): record is UrlPackRecord => isUrlRecord(record) && record.source.url === url);
  return matching.find((record) => !isPendingSubscription(record)) ?? matching[0];
}

/** Records a failure on the subscription's record (a placeholder if it has none yet); cards untouched. */
async function recordFailure(url: string, error: string, env: SyncEnvironment): Promise<string | undefined> {
  const { database } = env;
  return database.transaction('rw', database.packs, async () => {
    const current = await findRecord(database, url);
    const record = current ?? pendingRecord(url, env.subscribedBy ?? 'studio', env.now());
    await database.packs.put({ ...record, source: { ...record.source, lastSyncAt: env.now(), lastError: error } });
    return current && !isPendingSubscription(current) ? current.id : undefined;
  });
}

/** Syncs one subscription URL. Never throws: every outcome is a result. */
export async function syncPackUrl(url: string, env: SyncEnvironment): Promise<PackSyncResult> {
  const { database } = env;
  const checked = validatePackUrl(url);
  if (!checked.ok) {
    const error = encodeSyncError('bad-url', url);
    return { url, outcome: 'failed', error, packId: await recordFailure(url, error, env).catch(() => undefined) };
  }
  const current = await findRecord(database, url);
  const etag = current && !isPendingSubscription(current) ? current.source.etag : undefined;
  const fetched = await fetchPack(url, etag, env);

  const fail = async (error: string): Promise<PackSyncResult> => ({
    url,
    outcome: 'failed',
    error,
    packId: await recordFailure(url, error, env).catch(() => undefined),
  });

  if (fetched.kind === 'failed') return fail(fetched.error);
  if (fetched.kind === 'not-modified') {
    // A 304 to a request that carried no ETag would be a server fault: nothing to keep.
    if (!current || isPendingSubscription(current)) return fail(encodeSyncError('http', 304));
    await database.packs.update(current.id, { source: { ...current.source, lastSyncAt: env.now(), lastError: undefined } });
    return { url, outcome: 'unchanged', packId: current.id };
  }

  const parsed = parsePack(fetched.text);
  if (!parsed.ok) {
    const more = parsed.errors.length > 1 ? ` (+${parsed.errors.length - 1} more)` : '';
    return fail(encodeSyncError('invalid', `${parsed.errors[0]}${more}`));
  }
  const { pack, warnings } = parsed;

  try {
    const outcome = await database.transaction('rw', database.packs, database.cards, async () => {
      const owner = await database.packs.get(pack.id);
      if (owner && !(isUrlRecord(owner) && owner.source.url === url)) return null;
      const previous = await findRecord(database, url);
      // The publisher changed the pack's id, or this is the first copy: drop what was there.
      if (previous && previous.id !== pack.id) {
        await database.cards.where('pack').equals(previous.id).delete();
        await database.packs.delete(previous.id);
      }
      const existing = await database.cards.where('pack').equals(pack.id).toArray();
      const counts = countChanges(existing, pack.cards);
      await putPackCards(pack, database);
      const source: PackSource = {
        kind: 'url',
        url,
        etag: fetched.etag ?? undefined,
        lastSyncAt: env.now(),
        subscribedBy: previous?.source.subscribedBy ?? env.subscribedBy ?? 'studio',
      };
      const record = packRecordOf(pack, source, env.now());
      await database.packs.put(record);
      return counts;
    });
    if (!outcome) return fail(encodeSyncError('id-taken', pack.id));
    return { url, outcome: 'updated', packId: pack.id, ...outcome, warnings: warnings.length };
  } catch (error) {
    return fail(encodeSyncError('storage', String(error)));
  }
}

/**
 * What a sync changed. The URL is the pack's only author, so a card counts as updated when its
 * content changed at all, whether or not the publisher raised its version.
 */
export function countChanges(existing: readonly Card[], incoming: readonly Card[]): { added: number; updated: number; removed: number } {
  const before = new Map(existing.map((card) => [card.id, JSON.stringify(canonicalCard(card))]));
  let added = 0;
  let updated = 0;
  for (const card of incoming) {
    const previous = before.get(card.id);
    if (previous === undefined) added++;
    else if (previous !== JSON.stringify(canonicalCard(card))) updated++;
    before.delete(card.id);
  }
  return { added, updated, removed: before.size };
}

/**
 * Syncs every subscription one after another (at most MAX_PACK_SUBSCRIPTIONS; the studio lists
 * the rest as not synced), and removes packs the settings no longer keep.
 */
export async function syncAllPacks(settingsUrls: readonly string[], env: SyncEnvironment): Promise<PackSyncResult[]> {
  const { database } = env;
  const plan = planSubscriptions(settingsUrls, await database.packs.toArray());
  if (plan.stale.length > 0) {
    const ids = plan.stale.map((record) => record.id);
    await database.transaction('rw', database.packs, database.cards, async () => {
      await database.cards.where('pack').anyOf(ids).delete();
      await database.packs.bulkDelete(ids);
    });
  }
  if (plan.overflow.length > 0) {
    console.warn(
      `Coachmark: ${plan.overflow.length} pack addresses past the first ${MAX_PACK_SUBSCRIPTIONS} are not synced (first left out: ${plan.overflow[0]})`,
    );
  }
  const fromSettings = new Set(planSubscriptions(settingsUrls, []).urls);
  const results: PackSyncResult[] = [];
  for (const url of plan.urls) {
    results.push(await syncPackUrl(url, { ...env, subscribedBy: fromSettings.has(url) ? 'settings' : 'studio' }));
  }
  return results;
}

/** Whether a subscription is due: never synced, or synced longer than a period ago. */
export function isDue(record: UrlPackRecord | undefined, now: number): boolean {
  const last = record?.source.lastSyncAt;
  return last === undefined || now - last >= PACK_SYNC_PERIOD_MINUTES * 60_000;
}

export interface PackSyncHandle {
  syncAll(): Promise<PackSyncResult[]>;
  syncOne(url: string): Promise<PackSyncResult[]>;
  /** Removes every listener this setup added. */
  stop(): void;
}

/**
 * Wires pack sync into the background: a periodic alarm, a sync of what is due when the
 * browser starts or the settings change, and the studio's "Sync now" message.
 */
export function setupPackSync(options: { database?: CoachmarkDB; fetch?: typeof fetch; now?: () => number } = {}): PackSyncHandle {
  const database = options.database ?? defaultDb;
  const env = (): SyncEnvironment => ({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? (() => Date.now()),
    database,
  });
  // One sync per URL at a time: an alarm and a click at once share the same run.
  const running = keyedSingleFlight<string, PackSyncResult[]>();
  const once = (key: string, run: () => Promise<PackSyncResult[]>) => running.run(key, run);
  const settingsUrls = async () => (await getSettings()).values.packUrls;

  const syncAll = () => once('*', async () => syncAllPacks(await settingsUrls(), env()));
  const syncOne = (url: string) =>
    once(url, async () => {
      // A full sync under way covers this URL too: wait for it rather than fetch twice.
      const all = running.current('*');
      if (all) {
        const result = (await all).find((candidate) => candidate.url === url);
        if (result) return [result];
      }
      const fromSettingsUrls = await settingsUrls();
      // Only a URL the coach subscribed to (the studio stores it first) or settings list: a
      // message alone never makes the background fetch an address.
      const plan = planSubscriptions(fromSettingsUrls, await database.packs.toArray());
      if (!plan.urls.includes(url)) {
        const error = plan.overflow.includes(url) ? encodeSyncError('over-limit', MAX_PACK_SUBSCRIPTIONS) : encodeSyncError('bad-url', url);
        return [{ url, outcome: 'failed' as const, error }];
      }
      const fromSettings = planSubscriptions(fromSettingsUrls, []).urls.includes(url);
      return [await syncPackUrl(url, { ...env(), subscribedBy: fromSettings ? 'settings' : 'studio' })];
    });
  const syncDue = async () => {
    const now = env().now();
    const records = (await database.packs.toArray()).filter(isUrlRecord);
    const plan = planSubscriptions(await settingsUrls(), records);
    const due = plan.urls.filter((url) =>
      isDue(
        records.find((record) => record.source.url === url && !isPendingSubscription(record)),
        now,
      ),
    );
    if (due.length > 0 || plan.stale.length > 0) await syncAll();
  };
  const log = (error: unknown) => console.error('Coachmark: pack sync failed', error);

  void browser.alarms.get(PACK_SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(PACK_SYNC_ALARM, { periodInMinutes: PACK_SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === PACK_SYNC_ALARM) syncAll().catch(log);
  };
  const onBrowserStart = () => void syncDue().catch(log);
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onInstalled.addListener(onBrowserStart);
  browser.runtime.onStartup.addListener(onBrowserStart);
  // New URLs from the coach or from policy are fetched right away, not at the next alarm.
  const stopWatchingSettings = watchSettingsChanges(() => void syncDue().catch(log));
  const removeMessage = onMessage('studioSyncsPacks', ({ data }) => (data.url ? syncOne(data.url) : syncAll()));

  return {
    syncAll,
    syncOne,
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onInstalled.removeListener(onBrowserStart);
      browser.runtime.onStartup.removeListener(onBrowserStart);
      stopWatchingSettings();
      removeMessage();
    },
  };
}
