import { db as defaultDb, type CardRecord, type CoachmarkDB } from '../platform/db';
import { placeKey } from '../platform/keys';
import { preferLanguage } from './language';
import { dropReplacedStored } from './replacements';

/*
 * The panel's read of the library, kept apart from the pack store so the first screen loads
 * without the pack schema (zod) that importing a pack needs.
 */

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
  let cards = await dropReplacedStored(await database.cards.where('tools').equals(tool).toArray(), database);
  // Where a pack has a card in several languages, keep the one that fits the browser's best.
  if (options.uiLanguage) cards = await inTeachersLanguage(cards, options.uiLanguage, database);
  const place = context ? placeKey(tool, context) : null;
  const page: CardRecord[] = [];
  const rest: CardRecord[] = [];
  for (const card of cards) (place && card.places.includes(place) ? page : rest).push(card);
  const general = (card: CardRecord) => (card.places.includes(placeKey(tool, null)) ? 0 : 1);
  rest.sort((a, b) => general(a) - general(b) || a.title.localeCompare(b.title));
  page.sort((a, b) => a.title.localeCompare(b.title));
  return { page, tool: rest };
}

/**
 * Only the cards for exactly this page, through the places index: what the panel's first
 * screen shows, read without the rest of the tool's (often hundreds of) cards, which follow.
 */
export async function cardsOnPage(
  tool: string,
  context: string | null,
  database: CoachmarkDB = defaultDb,
  options: { uiLanguage?: string } = {},
): Promise<CardRecord[]> {
  if (!context) return [];
  let cards = await dropReplacedStored(await database.cards.where('places').equals(placeKey(tool, context)).toArray(), database);
  if (options.uiLanguage) cards = await inTeachersLanguage(cards, options.uiLanguage, database);
  return cards.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * preferLanguage with the languages of just these cards' packs: the panel's read (and its
 * live query) never depends on how many other packs or subscriptions the library holds.
 * It hands back Dexie's own promise rather than an async function's: inside a live query,
 * the reads awaited after a native async function can fall out of the query's watch.
 */
function inTeachersLanguage(cards: CardRecord[], uiLanguage: string, database: CoachmarkDB): Promise<CardRecord[]> {
  const packIds = [...new Set(cards.map((card) => card.pack))];
  return database.packs
    .bulkGet(packIds)
    .then((packs) => preferLanguage(cards, uiLanguage, new Map(packIds.map((id, index) => [id, packs[index]?.lang]))));
}
