import { db as defaultDb, type CardRecord, type CardStamp, type CoachmarkDB, type GapRecord } from '../platform/db';
import type { GapFlagPayload } from '../endpoints/types';
import { enqueue, type Endpoint } from '../outbox/queue';
import { recentSearchMisses } from '../search/misses';
import { isCardKind } from './kinds';
import { cleanSearches, GAP_LIMITS } from './payload';
import { gapPlace, gapRecordFromPayload } from './records';

/**
 * Flags in the database: saving the teacher's own, importing the coach's, resolving them. Each
 * flag keeps the cards that already answered it when it was made (its baseline), which
 * updates.ts compares with the cards stored now to close it. Nothing here needs the pack
 * schema, so the panel's first render can mark a notice seen without loading zod.
 */

export type { Endpoint };

/** Searches that found nothing on this page, newest first, cleaned as a flag carries them. */
export async function searchMissesFor(tool: string | null, context: string | null, database: CoachmarkDB = defaultDb): Promise<string[]> {
  const misses = await recentSearchMisses(tool, context, database, { limit: GAP_LIMITS.searches });
  return cleanSearches(misses.map((miss) => miss.query));
}

function stampOf(card: Pick<CardRecord, 'key' | 'version' | 'updatedAt'>): CardStamp {
  const stamp: CardStamp = { key: card.key };
  if (card.version !== undefined) stamp.version = card.version;
  if (card.updatedAt !== undefined) stamp.updatedAt = card.updatedAt;
  return stamp;
}

/** The cards a flag is compared with: the flagged card, or the cards for the flag's page. */
export async function currentCardsFor(
  gap: Pick<GapRecord, 'kind' | 'tool' | 'context' | 'cardKey'>,
  database: CoachmarkDB,
): Promise<CardRecord[]> {
  if (isCardKind(gap.kind)) {
    if (!gap.cardKey) return [];
    const card = await database.cards.get(gap.cardKey);
    return card ? [card] : [];
  }
  return database.cards.where('places').equals(gapPlace(gap)).toArray();
}

/**
 * What already answers a flag now. A card flag's baseline is the copy the teacher flagged (its
 * version from the payload when the card is not stored here, as for imported flags).
 */
export async function baselineFor(
  gap: Pick<GapRecord, 'kind' | 'tool' | 'context' | 'cardKey' | 'cardVersion'>,
  database: CoachmarkDB = defaultDb,
): Promise<CardStamp[]> {
  if (isCardKind(gap.kind)) {
    if (!gap.cardKey) return [];
    return gap.cardVersion === undefined ? [{ key: gap.cardKey }] : [{ key: gap.cardKey, version: gap.cardVersion }];
  }
  return (await currentCardsFor(gap, database)).map(stampOf);
}

/**
 * Keeps the teacher's flag and, with an endpoint, hands it to the outbox in the same
 * transaction (so a flag is never kept without its delivery, or sent without being kept).
 * Without an endpoint it waits: sendWaitingFlags queues it once one is set.
 */
export async function saveMyFlag(
  payload: GapFlagPayload,
  endpoint: Endpoint | null,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<GapRecord> {
  return database.transaction('rw', database.gaps, database.cards, database.outbox, async () => {
    const draft = gapRecordFromPayload(payload, { origin: 'mine' });
    // The flagged card as stored now: the teacher saw this copy.
    const flagged = isCardKind(draft.kind) && draft.cardKey ? await database.cards.get(draft.cardKey) : undefined;
    const baseline = flagged ? [stampOf(flagged)] : await baselineFor(draft, database);
    const record = gapRecordFromPayload(payload, {
      origin: 'mine',
      baseline,
      queuedAt: endpoint ? now : undefined,
    });
    await database.gaps.add(record);
    if (endpoint) await enqueue(payload, endpoint, database, now);
    return record;
  });
}

/** Queues the teacher's flags that were kept while no endpoint was set. Returns how many. */
export async function sendWaitingFlags(endpoint: Endpoint, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<number> {
  return database.transaction('rw', database.gaps, database.outbox, async () => {
    const waiting = await database.gaps
      .where('origin')
      .equals('mine')
      .filter((gap) => gap.queuedAt === undefined && gap.status === 'open' && gap.payload !== undefined)
      .toArray();
    for (const gap of waiting) {
      if (!(await database.outbox.get(gap.id))) await enqueue(gap.payload!, endpoint, database, now);
      await database.gaps.update(gap.id, { queuedAt: now });
    }
    return waiting.length;
  });
}

/**
 * Adds flags a coach collected at the endpoint. A flag already here (the same id) is left as
 * it is. Each new one gets the studio's current cards as its baseline, so a card written
 * afterwards addresses it; a card flag's baseline is the version the teacher flagged.
 */
export async function importGapFlags(
  payloads: readonly GapFlagPayload[],
  database: CoachmarkDB = defaultDb,
): Promise<{ added: number; known: number }> {
  return database.transaction('rw', database.gaps, database.cards, async () => {
    const existing = await database.gaps.bulkGet(payloads.map((payload) => payload.id));
    const seen = new Set<string>();
    let added = 0;
    for (const [index, payload] of payloads.entries()) {
      if (existing[index] || seen.has(payload.id)) continue;
      seen.add(payload.id);
      const draft = gapRecordFromPayload(payload, { origin: 'imported' });
      await database.gaps.put(gapRecordFromPayload(payload, { origin: 'imported', baseline: await baselineFor(draft, database) }));
      added += 1;
    }
    return { added, known: payloads.length - added };
  });
}

/** A coach has dealt with these flags (those already resolved keep their date). */
export async function resolveGaps(ids: readonly string[], database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  await database.gaps
    .where('id')
    .anyOf([...ids])
    .modify((gap) => {
      if (gap.status === 'resolved') return;
      gap.status = 'resolved';
      gap.resolvedAt = now;
    });
}

/** The panel showed "your flag has a new card" for these: it does not say it again. */
export async function markAddressedSeen(ids: readonly string[], database: CoachmarkDB = defaultDb, now = Date.now()): Promise<void> {
  await database.gaps
    .where('id')
    .anyOf([...ids])
    .modify((gap) => {
      gap.addressedSeenAt ??= now;
    });
}
