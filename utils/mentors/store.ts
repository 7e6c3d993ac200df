import { z } from 'zod';
import type { CoachmarkDB, Mentor } from '../platform/db';
import { ENDPOINT_FORMATS } from '../endpoints/types';
import { isDirectoryMentor } from './directory';
import { DIRECTORY_STATUS, directoryStatusItem, watchValue } from '../platform/storage';

/**
 * Where the school's mentor directory is kept: its mentors in db.mentors, marked
 * `source: 'directory'` beside the coach's own (which a sync never touches), and the state of
 * the last sync in storage.local (utils/platform/storage.ts), so the studio can say when it
 * last synced and why it failed.
 */

/** Its storage.local key. */
export const DIRECTORY_STATUS_KEY = DIRECTORY_STATUS.key;

const statusSchema = z.object({
  /** The directory the stored mentors came from (or that the first sync tried). */
  url: z.string(),
  /** The stored copy's ETag, sent as If-None-Match. */
  etag: z.string().optional(),
  /** When the last attempt ended, good or not. */
  lastSyncAt: z.number().optional(),
  /** When the stored copy was last confirmed (fetched or answered 304). */
  lastSuccessAt: z.number().optional(),
  /** Why the last attempt failed (`code` or `code: detail`); absent after a good one. */
  lastError: z.string().optional(),
  mentorCount: z.number().int().nonnegative(),
  /** The stored copy's warnings (unknown tools, handles that cannot mention), capped. */
  warnings: z.array(z.string()),
});

export type MentorDirectoryStatus = z.infer<typeof statusSchema>;

export const MAX_STORED_WARNINGS = 20;

function parseStatus(value: unknown): MentorDirectoryStatus | null {
  const parsed = statusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function readDirectoryStatus(): Promise<MentorDirectoryStatus | null> {
  return parseStatus(await directoryStatusItem.getValue());
}

export async function writeDirectoryStatus(status: MentorDirectoryStatus | null): Promise<void> {
  if (!status) return directoryStatusItem.removeValue();
  // Absent, not undefined: storage keeps only what JSON can say.
  const clean = Object.fromEntries(Object.entries(status).filter(([, value]) => value !== undefined));
  await directoryStatusItem.setValue(clean);
}

/** Calls back with the status now and whenever a sync changes it; returns the unsubscribe. */
export function watchDirectoryStatus(callback: (status: MentorDirectoryStatus | null) => void): () => void {
  return watchValue(directoryStatusItem, parseStatus, callback);
}

export interface ReplaceCounts {
  added: number;
  updated: number;
  removed: number;
}

/** Same mentor, same content: handle order and the marker do not count. */
function fingerprint(mentor: Mentor): string {
  const handles = ENDPOINT_FORMATS.map((format) => mentor.handles[format] ?? '');
  return JSON.stringify([mentor.name, handles, mentor.tools]);
}

/**
 * Replaces every directory mentor with `incoming`, in one transaction, so a ping never sees
 * half a directory. Local mentors stay as they are; an incoming mentor whose key a local one
 * already holds is left out rather than overwrite it.
 */
export async function replaceDirectoryMentors(database: CoachmarkDB, incoming: readonly Mentor[]): Promise<ReplaceCounts> {
  return database.transaction('rw', database.mentors, async () => {
    const all = await database.mentors.toArray();
    const before = new Map(all.filter(isDirectoryMentor).map((mentor) => [mentor.id, fingerprint(mentor)]));
    const localIds = new Set(all.filter((mentor) => !isDirectoryMentor(mentor)).map((mentor) => mentor.id));
    const accepted = incoming.filter((mentor) => !localIds.has(mentor.id)).map((mentor): Mentor => ({ ...mentor, source: 'directory' }));
    let added = 0;
    let updated = 0;
    for (const mentor of accepted) {
      const previous = before.get(mentor.id);
      if (previous === undefined) added++;
      else if (previous !== fingerprint(mentor)) updated++;
    }
    const kept = new Set(accepted.map((mentor) => mentor.id));
    const removed = [...before.keys()].filter((id) => !kept.has(id)).length;
    await database.mentors.bulkDelete([...before.keys()]);
    await database.mentors.bulkPut(accepted);
    return { added, updated, removed };
  });
}

/** Removes every directory mentor (the school no longer sets a directory); returns how many. */
export async function clearDirectoryMentors(database: CoachmarkDB): Promise<number> {
  return database.transaction('rw', database.mentors, async () => {
    const ids = (await database.mentors.toArray()).filter(isDirectoryMentor).map((mentor) => mentor.id);
    await database.mentors.bulkDelete(ids);
    return ids.length;
  });
}

export async function countDirectoryMentors(database: CoachmarkDB): Promise<number> {
  return (await database.mentors.toArray()).filter(isDirectoryMentor).length;
}
