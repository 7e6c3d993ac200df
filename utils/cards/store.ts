import { db as defaultDb, toCardRecord, type CoachmarkDB, type PackRecord, type PackSource } from '../platform/db';
import { parsePack } from './pack';
import type { Pack } from './schema';

export { STARTER_PACK_ID, STARTER_PACK_PATH } from './built-in';
import { STARTER_PACK_ID } from './built-in';
export { cardsForPage, type PageCards } from './page-cards';

/** The pack's row as stored: its header, where it came from, and how many cards it brought. */
export function packRecordOf(pack: Pack, source: PackSource, now: number): PackRecord {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    description: pack.description,
    lang: pack.lang,
    source,
    cardCount: pack.cards.length,
    updatedAt: now,
  };
}

/** Swaps a pack's stored cards for `pack.cards`, in pack order. Call inside a transaction. */
export async function putPackCards(pack: Pack, database: CoachmarkDB): Promise<void> {
  await database.cards.where('pack').equals(pack.id).delete();
  await database.cards.bulkPut(pack.cards.map((card, index) => toCardRecord(pack.id, card, index)));
}

/** Replaces a pack and all its cards in one transaction: readers never see half a pack. */
export async function replacePack(pack: Pack, source: PackSource, database: CoachmarkDB = defaultDb): Promise<void> {
  const record = packRecordOf(pack, source, Date.now());
  await database.transaction('rw', database.packs, database.cards, async () => {
    await putPackCards(pack, database);
    await database.packs.put(record);
  });
}

/**
 * Loads the bundled starter pack when it is missing or a different version is bundled.
 * Coach packs are never touched. Returns what happened, for the background's log.
 */
export async function ensureStarterPack(
  readBundledText: () => Promise<string>,
  database: CoachmarkDB = defaultDb,
): Promise<'installed' | 'updated' | 'current'> {
  const existing = await database.packs.get(STARTER_PACK_ID);
  const result = parsePack(await readBundledText());
  if (!result.ok) throw new Error(`The bundled starter pack is invalid: ${result.errors.slice(0, 3).join('; ')}`);
  if (existing && existing.version === result.pack.version && existing.cardCount === result.pack.cards.length) return 'current';
  await replacePack(result.pack, { kind: 'builtin' }, database);
  return existing ? 'updated' : 'installed';
}
