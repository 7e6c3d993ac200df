import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { compareVersions } from '../cards/schema';

/**
 * A pack's version for the Hub, which keeps a published pack only when its version rises (so
 * that every subscribed school knows a copy is newer): the version that comes next, and raising
 * a local pack's own version to it.
 */

/** The version the Hub names as published in its 409 ("…must be higher than the published 1.2.0"), if it does. */
export function publishedVersionIn(errors: readonly string[]): string | null {
  for (const error of errors) {
    const match = /published\s+v?(\d+(?:\.\d+)*)/i.exec(error);
    if (match) return match[1]!;
  }
  return null;
}

/** The next version after both the pack's own and the published one: the last number raised by one ("1.2.0" → "1.2.1"). */
export function nextVersion(current: string, published: string | null): string {
  const base = published && compareVersions(published, current) > 0 ? published : current;
  const parts = base.split('.').map(Number);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
  return parts.join('.');
}

/** Sets a local pack's version (the coach's own packs only: other packs belong to their source). */
export async function setLocalPackVersion(
  packId: string,
  version: string,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<boolean> {
  return database.transaction('rw', database.packs, async () => {
    const pack = await database.packs.get(packId);
    if (!pack || pack.source.kind !== 'local') return false;
    await database.packs.update(packId, { version, updatedAt: now });
    return true;
  });
}
