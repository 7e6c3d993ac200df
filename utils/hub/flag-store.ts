import { db as defaultDb, type CoachmarkDB, type GapRecord } from '../platform/db';
import { parseGapFlags } from '../gaps/import';
import { gapRecordFromPayload } from '../gaps/records';
import { baselineFor } from '../gaps/store';
import type { HubFlag, HubFlagState } from './types';

/**
 * The Hub's flags in the same gaps table as the teacher's own and the imported ones, each marked
 * with the Hub it came from (`hub`), so the Gaps tab groups, counts and closes them with the one
 * mechanism it already has: a card written for a flag's page addresses it (utils/gaps/updates.ts),
 * and what the coach resolved or addressed here is then resolved on the Hub (pendingResolutions).
 */

export interface HubFlagMerge {
  added: number;
  updated: number;
  removed: number;
  /** Flags the Hub listed that are not valid gap flags (left out). */
  invalid: number;
}

/**
 * Brings the gaps table in line with the Hub's full list. A new flag arrives with today's cards
 * as its baseline, so a card written afterwards addresses it. The Hub's "resolved" wins; a flag
 * reopened there opens here again; a flag resolved here and not yet on the Hub stays resolved
 * until it is (that is pendingResolutions). A flag the Hub no longer lists goes, unless it was
 * here before the Hub.
 */
export async function mergeHubFlags(
  hubUrl: string,
  flags: readonly HubFlag[],
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<HubFlagMerge> {
  const parsed = parseGapFlags(flags.map((flag) => flag.raw));
  const remote = new Map(flags.map((flag) => [flag.id, flag]));
  const result: HubFlagMerge = { added: 0, updated: 0, removed: 0, invalid: parsed.errors.length };
  return database.transaction('rw', database.gaps, database.cards, async () => {
    const existing = await database.gaps.bulkGet(parsed.gaps.map((payload) => payload.id));
    for (const [index, payload] of parsed.gaps.entries()) {
      const flag = remote.get(payload.id)!;
      const stored = existing[index];
      if (!stored) {
        const record = gapRecordFromPayload(payload, { origin: 'imported', status: flag.status === 'resolved' ? 'resolved' : 'open' });
        record.baseline = await baselineFor(record, database);
        record.hub = stateOf(hubUrl, flag);
        if (flag.status === 'resolved') record.resolvedAt = now;
        await database.gaps.put(record);
        result.added += 1;
        continue;
      }
      const next = nextRecord(stored, hubUrl, flag, now);
      if (next) {
        await database.gaps.put(next);
        result.updated += 1;
      }
    }
    const listed = new Set(parsed.gaps.map((payload) => payload.id));
    result.removed = await dropHubFlags(database, (gap) => gap.hub?.url === hubUrl && !listed.has(gap.id));
    return result;
  });
}

function stateOf(hubUrl: string, flag: HubFlag, adopted?: true): HubFlagState {
  const state: HubFlagState = { url: hubUrl, status: flag.status };
  if (flag.resolvedBy) state.resolvedBy = flag.resolvedBy;
  if (adopted) state.adopted = adopted;
  return state;
}

/** The stored flag after the Hub's word on it, or null when nothing changes. */
function nextRecord(stored: GapRecord, hubUrl: string, flag: HubFlag, now: number): GapRecord | null {
  const known = stored.hub?.url === hubUrl ? stored.hub : undefined;
  const adopted = known ? known.adopted : stored.hub ? stored.hub.adopted : true;
  const state = stateOf(hubUrl, flag, adopted);
  const next: GapRecord = { ...stored, hub: state };
  if (flag.status === 'resolved') {
    if (stored.status !== 'resolved') {
      next.status = 'resolved';
      next.resolvedAt = now;
    }
  } else if (known?.status === 'resolved') {
    // Reopened on the Hub (by another coach): open here too.
    next.status = 'open';
    delete next.resolvedAt;
  } else if (known?.lastError) {
    // Still waiting to be resolved there: keep why the last try failed.
    state.lastError = known.lastError;
  }
  return JSON.stringify(next) === JSON.stringify(stored) ? null : next;
}

/** Deletes the Hub's flags that match, and only unmarks those that were here before it. Returns how many went. */
async function dropHubFlags(database: CoachmarkDB, matches: (gap: GapRecord) => boolean): Promise<number> {
  const gone = await database.gaps.filter((gap) => gap.hub !== undefined && matches(gap)).toArray();
  const removed = gone.filter((gap) => !gap.hub!.adopted).map((gap) => gap.id);
  await database.gaps.bulkDelete(removed);
  for (const gap of gone) {
    if (!gap.hub!.adopted) continue;
    const { hub: _hub, ...rest } = gap;
    await database.gaps.put(rest);
  }
  return removed.length;
}

/** Forgets every Hub's flags but `keepUrl`'s (all of them when it is null: no Hub is used). */
export async function forgetHubFlags(keepUrl: string | null, database: CoachmarkDB = defaultDb): Promise<number> {
  return database.transaction('rw', database.gaps, () => dropHubFlags(database, (gap) => gap.hub?.url !== keepUrl));
}

export interface PendingResolution {
  id: string;
  /** The card that answered it here, for the Hub's record. */
  card?: { id: string; pack: string };
}

/** Flags resolved or addressed here that the Hub still has open. Read-only (safe in liveQuery). */
export async function pendingResolutions(hubUrl: string, database: CoachmarkDB = defaultDb): Promise<PendingResolution[]> {
  const waiting = await database.gaps
    .where('status')
    .anyOf('resolved', 'addressed')
    .filter((gap) => gap.hub?.url === hubUrl && gap.hub.status === 'open')
    .toArray();
  const cards = await database.cards.bulkGet(waiting.map((gap) => gap.addressedByCardKey ?? ''));
  return waiting.map((gap, index) => {
    const card = cards[index];
    return card ? { id: gap.id, card: { id: card.id, pack: card.pack } } : { id: gap.id };
  });
}

/**
 * How many flags, of any Hub, wait to be resolved there and have not failed yet: what the
 * background watches to resolve them at once. A failed one waits for the next sync instead, so
 * a Hub that is down is not asked again at every change. Read-only (safe in liveQuery).
 */
export async function countFreshResolutions(database: CoachmarkDB = defaultDb): Promise<number> {
  return database.gaps
    .where('status')
    .anyOf('resolved', 'addressed')
    .filter((gap) => gap.hub?.status === 'open' && gap.hub.lastError === undefined)
    .count();
}

/** The Hub took the resolution (or said why not, kept for the coach to see). */
export async function recordResolution(
  id: string,
  error: string | null,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<void> {
  await database.gaps
    .where('id')
    .equals(id)
    .modify((gap) => {
      if (!gap.hub) return;
      if (error !== null) {
        gap.hub.lastError = error;
        return;
      }
      gap.hub.status = 'resolved';
      delete gap.hub.lastError;
      if (gap.status !== 'resolved') {
        gap.status = 'resolved';
        gap.resolvedAt = now;
      }
    });
}
