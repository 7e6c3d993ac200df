import Dexie, { type EntityTable } from 'dexie';
import type { Card } from './cards/schema';

/** Where a pack came from: shipped with the extension, imported by a coach, or a synced URL. */
export type PackSource =
  | { kind: 'builtin' }
  | { kind: 'local'; fileName?: string }
  | { kind: 'url'; url: string; etag?: string; lastSyncAt?: number; lastError?: string };

export interface PackRecord {
  id: string;
  name: string;
  version: string;
  description?: string;
  source: PackSource;
  cardCount: number;
  updatedAt: number;
}

/** A card as stored: the pack's card plus derived index fields. */
export interface CardRecord extends Card {
  /** `${pack}/${id}`: card ids are unique within a pack. */
  key: string;
  pack: string;
  /** `${tool}/${context}` for every tool × context pair, plus `${tool}/*` for tool-wide cards. */
  places: string[];
}

export const DB_NAME = 'coachmark';

export class CoachmarkDB extends Dexie {
  packs!: EntityTable<PackRecord, 'id'>;
  cards!: EntityTable<CardRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // Shipped versions are never edited: a schema change is a new version with an upgrade.
    this.version(1).stores({
      packs: 'id',
      cards: 'key, pack, *tools, *places',
    });
  }
}

export const db = new CoachmarkDB();

export function placesOf(card: Pick<Card, 'tools' | 'contexts'>): string[] {
  const places: string[] = [];
  for (const tool of card.tools) {
    if (card.contexts.length === 0) places.push(`${tool}/*`);
    for (const context of card.contexts) places.push(`${tool}/${context}`);
  }
  return places;
}

export function toCardRecord(pack: string, card: Card): CardRecord {
  return { ...card, key: `${pack}/${card.id}`, pack, places: placesOf(card) };
}
