import { liveQuery } from 'dexie';
import { db as defaultDb, type CardRecord, type CoachmarkDB } from '../platform/db';
import { baselineCards, findAddressed, type Addressing, type VersionedCard } from './addressing';
import { isCardKind } from './kinds';
import { gapPlace } from './records';
import { baselineFor, currentCardsFor } from './store';

/**
 * Keeping flags' statuses true to the cards and the outbox. One mechanism closes flags whatever
 * wrote the cards (a pack import, a subscribed pack's sync, a starter update, the card editor):
 * it compares each flag's baseline with the cards stored now. It is idempotent, so any page may
 * run it whenever the cards change (watchGapUpdates does, in the panel, the studio and the
 * background).
 */

export interface GapUpdates {
  addressed: Addressing[];
  /** The teacher's open flags whose outbox item has been delivered. */
  delivered: string[];
  /** Flags stored without a baseline (older records): they get today's cards as theirs. */
  needBaseline: string[];
}

/** What applyGapUpdates would change now. Read-only (safe in liveQuery). */
export async function planGapUpdates(database: CoachmarkDB = defaultDb): Promise<GapUpdates> {
  const waiting = await database.gaps.where('status').anyOf('open', 'sent').toArray();
  const plan: GapUpdates = { addressed: [], delivered: [], needBaseline: [] };
  // One read per page or card, however many flags share it.
  const cache = new Map<string, Promise<CardRecord[]>>();
  for (const gap of waiting) {
    if (!gap.baseline) {
      plan.needBaseline.push(gap.id);
      continue;
    }
    const cacheKey = isCardKind(gap.kind) ? `card:${gap.cardKey ?? ''}` : `place:${gapPlace(gap)}`;
    let cards = cache.get(cacheKey);
    if (!cards) {
      cards = currentCardsFor(gap, database);
      cache.set(cacheKey, cards);
    }
    const after: VersionedCard[] = await cards;
    plan.addressed.push(...findAddressed([gap], baselineCards(gap), after));
  }
  const queued = waiting.filter((gap) => gap.origin === 'mine' && gap.status === 'open' && gap.queuedAt !== undefined);
  if (queued.length > 0) {
    const items = await database.outbox.bulkGet(queued.map((gap) => gap.id));
    items.forEach((item, index) => {
      if (item?.status === 'sent') plan.delivered.push(queued[index]!.id);
    });
  }
  return plan;
}

const hasUpdates = (plan: GapUpdates) => plan.addressed.length + plan.delivered.length + plan.needBaseline.length > 0;

/**
 * Marks the flags that a card now answers as addressed (and records which card), marks the
 * teacher's delivered flags as sent, and gives baseline-less flags one. Idempotent.
 */
export async function applyGapUpdates(database: CoachmarkDB = defaultDb, now = Date.now()): Promise<GapUpdates> {
  return database.transaction('rw', database.gaps, database.cards, database.outbox, async () => {
    const plan = await planGapUpdates(database);
    for (const { gapId, cardKey } of plan.addressed) {
      await database.gaps.update(gapId, { status: 'addressed', addressedAt: now, addressedByCardKey: cardKey });
    }
    for (const id of plan.delivered) {
      await database.gaps
        .where('id')
        .equals(id)
        .modify((gap) => {
          if (gap.status === 'open') gap.status = 'sent';
        });
    }
    for (const id of plan.needBaseline) {
      const gap = await database.gaps.get(id);
      if (gap) await database.gaps.update(id, { baseline: await baselineFor(gap, database) });
    }
    return plan;
  });
}

/**
 * Keeps flags' statuses current while a page is open: whenever the cards for an open flag, the
 * flags or their outbox items change (here or in another extension page or the background),
 * the updates are applied. Returns the unsubscribe.
 */
export function watchGapUpdates(database: CoachmarkDB = defaultDb, onApplied?: (updates: GapUpdates) => void): () => void {
  let applying = Promise.resolve();
  const subscription = liveQuery(() => planGapUpdates(database)).subscribe({
    next: (plan) => {
      if (!hasUpdates(plan)) return;
      applying = applying
        .then(() => applyGapUpdates(database))
        .then((applied) => {
          if (hasUpdates(applied)) onApplied?.(applied);
        })
        .catch((error: unknown) => console.error('Coachmark: could not update flags', error));
    },
    error: (error: unknown) => console.error('Coachmark: could not watch flags', error),
  });
  return () => subscription.unsubscribe();
}
