import { db as defaultDb, toCardRecord, type CardRecord, type CoachmarkDB, type PackRecord } from '../platform/db';
import { cardKey } from '../platform/keys';
import { nextPosition } from './import';
import { slugify, uniqueId } from './draft';
import type { Card } from './schema';
import { alternativeGroup } from './language';

/**
 * The coach's own packs in the studio: save, duplicate and delete cards, delete packs, and undo.
 * Only local packs are edited here; built-in and subscribed packs belong to their source and
 * would be overwritten by its next copy.
 */

export type AuthoringError = 'id-taken' | 'not-local' | 'not-subscribed' | 'missing';
export type AuthoringResult<T> = { ok: true; value: T } | { ok: false; error: AuthoringError };

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

async function localPack(database: CoachmarkDB, packId: string): Promise<PackRecord | AuthoringError> {
  const pack = await database.packs.get(packId);
  if (!pack) return 'missing';
  return pack.source.kind === 'local' ? pack : 'not-local';
}

async function recount(database: CoachmarkDB, packId: string, now: number): Promise<void> {
  const cardCount = await database.cards.where('pack').equals(packId).count();
  await database.packs.update(packId, { cardCount, updatedAt: now });
}

/** Creates an empty local pack with a fresh id from its name. */
export async function createLocalPack(name: string, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<PackRecord> {
  return database.transaction('rw', database.packs, async () => {
    const taken = new Set((await database.packs.toCollection().primaryKeys()).map(String));
    const record: PackRecord = {
      id: uniqueId(slugify(name) || 'my-cards', taken),
      name,
      version: '1.0.0',
      source: { kind: 'local' },
      cardCount: 0,
      updatedAt: now,
    };
    await database.packs.add(record);
    return record;
  });
}

/**
 * Saves a card into a local pack. Editing (`previousKey` set) raises the card's version when
 * anything changed, so that schools that imported the old copy take the new one on import.
 * A card moved to another pack, or given a new id, leaves its old place.
 */
export async function saveCard(
  packId: string,
  card: Card,
  options: { previousKey?: string } = {},
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<AuthoringResult<CardRecord>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<CardRecord>> => {
    const pack = await localPack(database, packId);
    if (typeof pack === 'string') return { ok: false, error: pack };
    const key = cardKey(packId, card.id);
    const previous = options.previousKey ? await database.cards.get(options.previousKey) : undefined;
    if (key !== options.previousKey && (await database.cards.get(key))) return { ok: false, error: 'id-taken' };

    const stamped: Card = { ...card };
    if (!previous) {
      stamped.version = card.version ?? 1;
      stamped.updatedAt = today(now);
    } else if (changed(previous, card)) {
      stamped.version = Math.max(previous.version ?? 1, card.version ?? 1) + 1;
      stamped.updatedAt = today(now);
    }
    const samePlace = previous && previous.pack === packId;
    const position = samePlace ? previous.position : nextPosition(await database.cards.where('pack').equals(packId).toArray());
    const record = toCardRecord(packId, stamped, position);
    if (previous && previous.key !== key) await database.cards.delete(previous.key);
    await database.cards.put(record);
    await recount(database, packId, now);
    if (previous && previous.pack !== packId) await recount(database, previous.pack, now);
    return { ok: true, value: record };
  });
}

function changed(previous: CardRecord, card: Card): boolean {
  const { key: _key, pack: _pack, places: _places, position: _position, version: _v, updatedAt: _u, ...before } = previous;
  const { version: _v2, updatedAt: _u2, ...after } = card;
  return JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(after));
}

function sortKeys(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = field;
  }
  return out;
}

/** A copy of the card in the same pack, with a free id and the given title; returns the copy. */
export async function duplicateCard(
  key: string,
  title: string,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<AuthoringResult<CardRecord>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<CardRecord>> => {
    const original = await database.cards.get(key);
    if (!original) return { ok: false, error: 'missing' };
    const pack = await localPack(database, original.pack);
    if (typeof pack === 'string') return { ok: false, error: pack };
    const siblings = await database.cards.where('pack').equals(original.pack).toArray();
    return { ok: true, value: await addCopy(original, original.pack, siblings, { id: `${original.id}-copy`, title }, database, now) };
  });
}

/**
 * Adds a copy of `original` to `packId` (whose cards are `siblings`) as a new card: version 1,
 * dated today, with `changes` applied and an id free in that pack (the wanted one, or it with a
 * number). Call inside a transaction.
 */
async function addCopy(
  original: CardRecord,
  packId: string,
  siblings: readonly CardRecord[],
  changes: Partial<Card> & { id: string },
  database: CoachmarkDB,
  now: number,
): Promise<CardRecord> {
  const { key: _key, pack: _pack, places: _places, position: _position, ...card } = original;
  const id = uniqueId(changes.id, new Set(siblings.map((sibling) => sibling.id)));
  const copy = toCardRecord(packId, { ...card, ...changes, id, version: 1, updatedAt: today(now) }, nextPosition(siblings));
  await database.cards.add(copy);
  await recount(database, packId, now);
  return copy;
}

/**
 * "Duplicate to my pack": a copy of another pack's card (built-in or subscribed) in a local pack,
 * for the district's own version. The copy keeps the card's id where the pack has it free, and
 * `replaces` the original, so teachers see the copy instead of it (and the original again once
 * the copy is deleted). A card of the pack that replaces it already is handed back rather than
 * copied twice.
 */
export async function adaptCard(
  key: string,
  packId: string,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<AuthoringResult<CardRecord>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<CardRecord>> => {
    const original = await database.cards.get(key);
    if (!original) return { ok: false, error: 'missing' };
    const pack = await localPack(database, packId);
    if (typeof pack === 'string') return { ok: false, error: pack };
    if (original.pack === packId) return { ok: false, error: 'id-taken' };
    const replaces = cardKey(original.pack, alternativeGroup(original));
    const siblings = await database.cards.where('pack').equals(packId).toArray();
    const existing = siblings.find((card) => card.replaces === replaces && (card.lang ?? '') === (original.lang ?? ''));
    if (existing) return { ok: true, value: existing };
    return { ok: true, value: await addCopy(original, packId, siblings, { id: original.id, replaces }, database, now) };
  });
}

/** What a delete removed, to put back on undo. */
export interface DeletedCards {
  pack?: PackRecord;
  cards: CardRecord[];
}

export async function deleteCard(key: string, database: CoachmarkDB = defaultDb, now = Date.now()): Promise<AuthoringResult<DeletedCards>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<DeletedCards>> => {
    const card = await database.cards.get(key);
    if (!card) return { ok: false, error: 'missing' };
    const pack = await localPack(database, card.pack);
    if (typeof pack === 'string') return { ok: false, error: pack };
    await database.cards.delete(key);
    await recount(database, card.pack, now);
    return { ok: true, value: { cards: [card] } };
  });
}

/** Deletes a local pack and its cards. */
export async function deletePack(packId: string, database: CoachmarkDB = defaultDb): Promise<AuthoringResult<DeletedCards>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<DeletedCards>> => {
    const pack = await localPack(database, packId);
    if (typeof pack === 'string') return { ok: false, error: pack };
    const cards = await database.cards.where('pack').equals(packId).toArray();
    await database.cards.where('pack').equals(packId).delete();
    await database.packs.delete(packId);
    return { ok: true, value: { pack, cards } };
  });
}

/**
 * Undoes a delete. A card whose pack is gone meanwhile cannot come back; one whose id was
 * reused meanwhile is not overwritten.
 */
export async function restoreDeleted(
  deleted: DeletedCards,
  database: CoachmarkDB = defaultDb,
  now = Date.now(),
): Promise<AuthoringResult<number>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<number>> => {
    if (deleted.pack) {
      if (await database.packs.get(deleted.pack.id)) return { ok: false, error: 'id-taken' };
      await database.packs.add(deleted.pack);
    }
    let restored = 0;
    const packs = new Set<string>();
    for (const card of deleted.cards) {
      if (!(await database.packs.get(card.pack))) continue;
      if (await database.cards.get(card.key)) continue;
      await database.cards.add(card);
      packs.add(card.pack);
      restored++;
    }
    // A pack restored whole already has its count; one that lost a card needs it again.
    if (deleted.pack) packs.delete(deleted.pack.id);
    for (const packId of packs) await recount(database, packId, now);
    return restored > 0 || deleted.pack ? { ok: true, value: restored } : { ok: false, error: 'missing' };
  });
}

/** Stops a subscription made in the studio: its pack (or placeholder) and cards go. */
export async function removeSubscription(packId: string, database: CoachmarkDB = defaultDb): Promise<AuthoringResult<DeletedCards>> {
  return database.transaction('rw', database.packs, database.cards, async (): Promise<AuthoringResult<DeletedCards>> => {
    const pack = await database.packs.get(packId);
    if (!pack) return { ok: false, error: 'missing' };
    if (pack.source.kind !== 'url') return { ok: false, error: 'not-subscribed' };
    const cards = await database.cards.where('pack').equals(packId).toArray();
    await database.cards.where('pack').equals(packId).delete();
    await database.packs.delete(packId);
    return { ok: true, value: { pack, cards } };
  });
}
