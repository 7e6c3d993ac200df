import { db as defaultDb, toCardRecord, type CardRecord, type CoachmarkDB, type PackRecord, type PackSource } from '../platform/db';
import { placeKey } from '../platform/keys';
import { parsePack } from './pack';
import type { Pack } from './schema';
import { preferLanguage } from './language';

export const STARTER_PACK_ID = 'coachmark-starter';
export const STARTER_PACK_PATH = '/packs/starter.json';

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

export interface PageCards {
  /** Cards for exactly this page (tool and context). */
  page: CardRecord[];
  /** Other cards for the tool, tool-wide ones first. */
  tool: CardRecord[];
}

/** Reads only the tool's cards through the index; never loads the whole library. */
export async function cardsForPage(
  tool: string,
  context: string | null,
  database: CoachmarkDB = defaultDb,
  options: { uiLanguage?: string } = {},
): Promise<PageCards> {
  let cards = await database.cards.where('tools').equals(tool).toArray();
  if (options.uiLanguage) {
    // Where a card exists in several languages, keep the one that fits the browser's best.
    const packs = await database.packs.toArray();
    cards = preferLanguage(cards, options.uiLanguage, new Map(packs.map((pack) => [pack.id, pack.lang])));
  }
  const place = context ? placeKey(tool, context) : null;
  const page: CardRecord[] = [];
  const rest: CardRecord[] = [];
  for (const card of cards) (place && card.places.includes(place) ? page : rest).push(card);
  const general = (card: CardRecord) => (card.places.includes(placeKey(tool, null)) ? 0 : 1);
  rest.sort((a, b) => general(a) - general(b) || a.title.localeCompare(b.title));
  page.sort((a, b) => a.title.localeCompare(b.title));
  return { page, tool: rest };
}

/** How many cards the badge shows: the page's own, or the tool's when the page has none. */
export async function countForPage(tool: string, context: string | null, database: CoachmarkDB = defaultDb): Promise<number> {
  if (context) {
    const onPage = await database.cards.where('places').equals(placeKey(tool, context)).count();
    if (onPage > 0) return onPage;
  }
  return database.cards.where('tools').equals(tool).count();
}
