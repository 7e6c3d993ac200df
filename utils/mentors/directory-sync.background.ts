import { browser } from 'wxt/browser';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { onMessage } from '../platform/messages';
import { getSettings, watchSettings } from '../settings/settings';
import { encodeSyncError, validatePackUrl } from '../cards/subscriptions';
import { fetchRemoteFile } from '../platform/remote-file.background';
import { rerunningFlight } from '../platform/single-flight';
import {
  DIRECTORY_LIMITS,
  normalizeDirectoryUrl,
  parseMentorDirectory,
  toDirectoryMentors,
  type MentorDirectorySyncResult,
} from './directory';
import {
  MAX_STORED_WARNINGS,
  clearDirectoryMentors,
  countDirectoryMentors,
  readDirectoryStatus,
  replaceDirectoryMentors,
  writeDirectoryStatus,
  type MentorDirectoryStatus,
} from './store';
import { PACK_SYNC_PERIOD_MINUTES } from '../cards/pack-sync.background';

/**
 * The school's mentor directory (settings key mentorDirectoryUrl, normally set by policy),
 * kept in sync the way pack subscriptions are: a conditional GET on startup, when the address
 * changes, every few hours and on "Sync now". A good copy replaces every directory mentor; a
 * failed or invalid one keeps the last good copy and records why.
 */

export const MENTOR_DIRECTORY_ALARM = 'mentor-directory-sync';
export const MENTOR_DIRECTORY_PERIOD_MINUTES = PACK_SYNC_PERIOD_MINUTES;

export interface DirectorySyncEnvironment {
  fetch: typeof fetch;
  now: () => number;
  database: CoachmarkDB;
  timeoutMs?: number;
}

/** Syncs the directory at `rawUrl` (empty: none is set, so any copy goes). Never throws. */
export async function syncMentorDirectory(rawUrl: string, env: DirectorySyncEnvironment): Promise<MentorDirectorySyncResult> {
  const { database } = env;
  if (rawUrl.trim() === '') {
    await clearDirectoryMentors(database);
    await writeDirectoryStatus(null);
    return { outcome: 'none' };
  }
  const url = normalizeDirectoryUrl(rawUrl);
  const status = await readDirectoryStatus();
  // The stored copy belongs to the address it came from: a new address starts afresh.
  const kept = status?.url === url ? status : null;

  const fail = async (error: string): Promise<MentorDirectorySyncResult> => {
    if (!kept) await clearDirectoryMentors(database).catch(() => 0);
    await writeDirectoryStatus({
      url,
      etag: kept?.etag,
      lastSyncAt: env.now(),
      lastSuccessAt: kept?.lastSuccessAt,
      lastError: error,
      mentorCount: kept?.mentorCount ?? 0,
      warnings: kept?.warnings ?? [],
    });
    return { outcome: 'failed', url, error };
  };

  if (!validatePackUrl(url).ok) return fail(encodeSyncError('bad-url', url));
  // Revalidate only a copy that is really there: a 304 to a copy lost since would keep nothing.
  const intact = kept !== null && (await countDirectoryMentors(database)) === kept.mentorCount;
  const get = (etag: string | undefined) =>
    fetchRemoteFile(url, {
      fetch: env.fetch,
      etag,
      timeoutMs: env.timeoutMs,
      maxBytes: DIRECTORY_LIMITS.maxFileBytes,
    });
  const fetched = await get(intact ? kept.etag : undefined);
  if (fetched.kind === 'failed') return fail(encodeSyncError(fetched.code, fetched.detail));
  if (fetched.kind === 'not-modified') {
    if (!intact || !kept.etag) return fail(encodeSyncError('http', 304));
    await writeDirectoryStatus({ ...kept, lastSyncAt: env.now(), lastSuccessAt: env.now(), lastError: undefined });
    return { outcome: 'unchanged', url, mentors: kept.mentorCount };
  }

  const parsed = parseMentorDirectory(fetched.text);
  if (!parsed.ok) {
    const more = parsed.errors.length > 1 ? ` (+${parsed.errors.length - 1} more)` : '';
    return fail(encodeSyncError('invalid', `${parsed.errors[0]}${more}`));
  }
  let counts;
  let mentorCount;
  try {
    counts = await replaceDirectoryMentors(database, toDirectoryMentors(parsed.directory));
    mentorCount = await countDirectoryMentors(database);
  } catch (error) {
    return fail(encodeSyncError('storage', String(error)));
  }
  const next: MentorDirectoryStatus = {
    url,
    etag: fetched.etag ?? undefined,
    lastSyncAt: env.now(),
    lastSuccessAt: env.now(),
    mentorCount,
    warnings: parsed.warnings.slice(0, MAX_STORED_WARNINGS),
  };
  await writeDirectoryStatus(next);
  return { outcome: 'updated', url, mentors: mentorCount, ...counts, warnings: parsed.warnings.length };
}

/** Whether the directory needs a sync: a new or removed address, never synced, or synced a period ago. */
export function isDirectoryDue(
  settingsUrl: string,
  status: MentorDirectoryStatus | null,
  hasDirectoryMentors: boolean,
  now: number,
): boolean {
  if (settingsUrl.trim() === '') return status !== null || hasDirectoryMentors;
  if (!status || status.url !== normalizeDirectoryUrl(settingsUrl) || status.lastSyncAt === undefined) return true;
  return now - status.lastSyncAt >= MENTOR_DIRECTORY_PERIOD_MINUTES * 60_000;
}

export interface MentorDirectorySyncHandle {
  /** Syncs now (after the sync under way, if any, so the latest address is the one fetched). */
  sync(): Promise<MentorDirectorySyncResult>;
  /** Syncs only if isDirectoryDue. */
  syncIfDue(): Promise<MentorDirectorySyncResult | null>;
  /** Removes every listener this setup added. */
  stop(): void;
}

/**
 * Wires the directory into the background: a sync of what is due when the service worker
 * starts (browser start, install, wake-up) and when settings or policy change, a periodic
 * alarm, and the studio's "Sync now" message.
 */
export function setupMentorDirectorySync(
  options: { database?: CoachmarkDB; fetch?: typeof fetch; now?: () => number } = {},
): MentorDirectorySyncHandle {
  const database = options.database ?? defaultDb;
  const env = (): DirectorySyncEnvironment => ({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? (() => Date.now()),
    database,
  });
  const run = async () => syncMentorDirectory((await getSettings()).values.mentorDirectoryUrl, env());

  // One sync at a time. A request during a sync gets one fresh sync after it (shared by every
  // request made meanwhile), so an address changed mid-sync is not missed.
  const flight = rerunningFlight(run);
  const sync = (): Promise<MentorDirectorySyncResult> => flight.run();
  const syncIfDue = async () => {
    await flight.current?.catch(() => undefined);
    const [settings, status, count] = await Promise.all([getSettings(), readDirectoryStatus(), countDirectoryMentors(database)]);
    if (!isDirectoryDue(settings.values.mentorDirectoryUrl, status, count > 0, env().now())) return null;
    // Two triggers at once (startup and a settings event) share one sync: it reads the settings as it starts.
    return flight.current ?? sync();
  };
  const log = (error: unknown) => console.error('Coachmark: mentor directory sync failed', error);

  void browser.alarms.get(MENTOR_DIRECTORY_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(MENTOR_DIRECTORY_ALARM, { periodInMinutes: MENTOR_DIRECTORY_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === MENTOR_DIRECTORY_ALARM) sync().catch(log);
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  // Called at once (the service worker's start: browser start, install, wake-up) and on every
  // change, so a new address from the coach or from policy is fetched right away.
  const stopWatching = watchSettings(() => void syncIfDue().catch(log));
  const removeMessage = onMessage('studioSyncsMentors', () => sync());

  return {
    sync,
    syncIfDue,
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      stopWatching();
      removeMessage();
    },
  };
}
