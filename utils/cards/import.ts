import { db as defaultDb, toCardRecord, type CardRecord, type CoachmarkDB, type PackRecord, type PackSource } from '../platform/db';
import { parsePack } from './pack';
import { storageFailureText } from '../platform/storage-errors';
import {
  LIMITS,
  PACK_SCHEMA_VERSION,
  cardSchema,
  compareVersions,
  linkSchema,
  packSchema,
  stepTargetSchema,
  type Card,
  type Pack,
} from './schema';

/**
 * Importing a pack file into the database, all or nothing, and exporting a pack back to the
 * same file. A pack with any error changes nothing; a valid one is merged card by card: a card
 * whose id is new is added, a card whose id exists is replaced only when the incoming copy is
 * newer (higher `version`, or the same version with a later `updatedAt`).
 */

export interface ImportPlan {
  added: Card[];
  updated: Card[];
  /** Same or older than the stored copy: left as it is. */
  skipped: Card[];
  counts: { added: number; updated: number; skipped: number };
}

type Versioned = Pick<Card, 'version' | 'updatedAt'>;

/** Whether `incoming` should replace `stored`. A card without a version counts as version 1. */
export function isNewerCard(incoming: Versioned, stored: Versioned): boolean {
  const incomingVersion = incoming.version ?? 1;
  const storedVersion = stored.version ?? 1;
  if (incomingVersion !== storedVersion) return incomingVersion > storedVersion;
  // ISO dates (YYYY-MM-DD) compare correctly as text; a missing date is older than any date.
  return (incoming.updatedAt ?? '') > (stored.updatedAt ?? '');
}

/** What importing `pack` over the pack's `existing` cards would do. Pure. */
export function planImport(pack: Pick<Pack, 'cards'>, existing: readonly Pick<Card, 'id' | 'version' | 'updatedAt'>[]): ImportPlan {
  const stored = new Map(existing.map((card) => [card.id, card]));
  const plan: ImportPlan = { added: [], updated: [], skipped: [], counts: { added: 0, updated: 0, skipped: 0 } };
  for (const card of pack.cards) {
    const current = stored.get(card.id);
    if (!current) plan.added.push(card);
    else if (isNewerCard(card, current)) plan.updated.push(card);
    else plan.skipped.push(card);
  }
  plan.counts = { added: plan.added.length, updated: plan.updated.length, skipped: plan.skipped.length };
  return plan;
}

export type ImportResult =
  | {
      ok: true;
      packId: string;
      packName: string;
      added: number;
      updated: number;
      skipped: number;
      /** Things that load but may not be what the author meant (unknown tools, fields). */
      warnings: string[];
    }
  | { ok: false; errors: string[] };

/** A pack file as the studio gets it: a File from a picker, pasted text, or a parsed value. */
export type ImportInput = Blob | string | object;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads a picked file, refusing one over the size limit before reading a byte of it (a 2 GB
 * file read as text would take the page down before parsePack could refuse it).
 */
export async function readPackFile(file: Blob): Promise<{ ok: true; text: string } | { ok: false; errors: string[] }> {
  if (file.size > LIMITS.maxFileBytes) {
    return { ok: false, errors: [`file: is ${megabytes(file.size)}, over the ${megabytes(LIMITS.maxFileBytes)} limit for a pack`] };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    return { ok: false, errors: [`file: could not be read (${String(error)})`] };
  }
}

/** Refusals that are about this database rather than the file. */
function ownershipError(pack: Pack, existing: PackRecord | undefined): string | null {
  if (!existing || existing.source.kind === 'local') return null;
  const owner = existing.source.kind === 'builtin' ? 'the built-in pack' : `the pack subscribed from ${existing.source.url}`;
  return `id: "${pack.id}" is already used by ${owner}; give your pack its own id`;
}

/**
 * Validates and imports a pack. Nothing is written unless the whole pack is valid, and then
 * everything is written in one transaction, so a reader never sees half an import.
 */
export async function importPack(
  input: ImportInput,
  source: PackSource = { kind: 'local' },
  database: CoachmarkDB = defaultDb,
): Promise<ImportResult> {
  let value: unknown = input;
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const read = await readPackFile(input);
    if (!read.ok) return read;
    value = read.text;
  }
  const parsed = parsePack(value);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { pack, warnings } = parsed;

  try {
    return await database.transaction('rw', database.packs, database.cards, async (): Promise<ImportResult> => {
      const record = await database.packs.get(pack.id);
      const refused = ownershipError(pack, record);
      if (refused) return { ok: false, errors: [refused] };

      const existing = await database.cards.where('pack').equals(pack.id).toArray();
      const plan = planImport(pack, existing);
      const positions = new Map(existing.map((card) => [card.id, card.position]));
      let next = nextPosition(existing);
      const writes = [
        ...plan.added.map((card) => toCardRecord(pack.id, card, next++)),
        // An updated card keeps its place in this copy of the pack.
        ...plan.updated.map((card) => toCardRecord(pack.id, card, positions.get(card.id) ?? next++)),
      ];
      await database.cards.bulkPut(writes);

      // The pack's own fields follow the newer of the two copies.
      const incomingIsCurrent = !record || compareVersions(pack.version, record.version) >= 0;
      const merged: PackRecord = {
        id: pack.id,
        name: incomingIsCurrent ? pack.name : record.name,
        version: incomingIsCurrent ? pack.version : record.version,
        description: incomingIsCurrent ? pack.description : record.description,
        lang: incomingIsCurrent ? pack.lang : record.lang,
        source: record?.source ?? source,
        cardCount: existing.length + plan.counts.added,
        updatedAt: Date.now(),
      };
      await database.packs.put(merged);
      return { ok: true, packId: pack.id, packName: merged.name, ...plan.counts, warnings };
    });
  } catch (error) {
    // The transaction was rolled back: nothing of the pack was written.
    return { ok: false, errors: [`pack: ${storageFailureText(error, (cause) => `could not be saved (${String(cause)})`)}`] };
  }
}

export function nextPosition(cards: readonly Pick<CardRecord, 'position'>[]): number {
  let max = -1;
  for (const card of cards) if (card.position !== undefined && card.position > max) max = card.position;
  return max + 1;
}

/** Cards in the order of the pack's file: by position, then (cards without one) by id. */
function inPackOrder<T extends Pick<CardRecord, 'position' | 'id'>>(cards: readonly T[]): T[] {
  return [...cards].sort((a, b) => {
    const pa = a.position ?? Number.POSITIVE_INFINITY;
    const pb = b.position ?? Number.POSITIVE_INFINITY;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Export: the canonical file for a pack.

const PACK_KEYS = Object.keys(packSchema.shape).filter((key) => key !== '$schema');
const CARD_KEYS = Object.keys(cardSchema.shape);
const LINK_KEYS = Object.keys(linkSchema.shape);
const TARGET_KEYS = Object.keys(stepTargetSchema.shape);

/** Copies the keys in `order` that are set, in that order: the file reads like the schema. */
function pick(source: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** A card as it belongs in a pack file: only the format's fields, in the schema's order. */
export function canonicalCard(card: Card): Record<string, unknown> {
  const out = pick(card as unknown as Record<string, unknown>, CARD_KEYS);
  out.links = card.links.map((link) => pick(link as unknown as Record<string, unknown>, LINK_KEYS));
  if (card.targets) out.targets = card.targets.map((target) => pick(target as unknown as Record<string, unknown>, TARGET_KEYS));
  return out;
}

/** The canonical text of a pack: schema key order, 2-space indent, final newline. */
export function formatPack(pack: Omit<Pack, 'schemaVersion'> & { schemaVersion?: number }): string {
  const head = pick({ ...pack, schemaVersion: PACK_SCHEMA_VERSION } as Record<string, unknown>, PACK_KEYS);
  head.cards = pack.cards.map(canonicalCard);
  return `${JSON.stringify(head, null, 2)}\n`;
}

/** The pack's file as stored now, or null when there is no such pack. Import of it is exact. */
export async function exportPack(packId: string, database: CoachmarkDB = defaultDb): Promise<string | null> {
  return database.transaction('r', database.packs, database.cards, async () => {
    const record = await database.packs.get(packId);
    if (!record) return null;
    const cards = inPackOrder(await database.cards.where('pack').equals(packId).toArray());
    return formatPack({
      id: record.id,
      name: record.name,
      version: record.version,
      description: record.description,
      lang: record.lang,
      cards,
    });
  });
}

/** A file name for an exported pack: its id, which is already safe in a file name. */
export function exportFileName(packId: string): string {
  return `${packId}.json`;
}
