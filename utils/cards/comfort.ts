import type { CardFeedback, CardRecord } from '../platform/db';
import { COMFORT, comfortItem, watchValue } from '../platform/storage';
import { asFeedbackLookup, type FeedbackLookup } from './feedback';
import type { Level } from './schema';
import { COMFORT_LEVELS, type ComfortLevel } from '../endpoints/types';
import type { MessageKey } from '../platform/i18n';

/**
 * The teacher's comfort level with each tool, and the order of cards it gives. Kept in
 * storage.local on this device, never sent.
 */

// The levels are part of the growth-plan payload, so they are declared with the payloads.
export { COMFORT_LEVELS };
export type Comfort = ComfortLevel;
/** Until the teacher says otherwise the library's order stands (see LEVEL_RANK). */
export const DEFAULT_COMFORT: Comfort = 'comfortable';

/** Each level's name in the UI (the panel's control, the plan, the studio's Plans tab). */
export const COMFORT_LABEL_KEYS: Record<Comfort, MessageKey> = {
  new: 'comfortNew',
  comfortable: 'comfortComfortable',
  expert: 'comfortExpert',
};

/**
 * Lower ranks come first. New: the basics first. Comfortable: the library's order, advanced
 * cards after the rest. Expert: advanced first, beginner last.
 */
const LEVEL_RANK: Record<Comfort, Record<Level, number>> = {
  new: { beginner: 0, intermediate: 1, advanced: 2 },
  comfortable: { beginner: 0, intermediate: 0, advanced: 1 },
  expert: { advanced: 0, intermediate: 1, beginner: 2 },
};

type Orderable = Pick<CardRecord, 'key' | 'level'>;

/**
 * The cards in the order this teacher should see them: cards they have not marked known first,
 * by level for their comfort with the tool; within a level, cards they found unhelpful after the
 * others; known cards last. Otherwise the given order is kept (the sort is stable), so the
 * library's own order (page cards, tool-wide cards first) still decides ties. Pure.
 */
export function orderForComfort<T extends Orderable>(
  cards: readonly T[],
  comfort: Comfort,
  feedback: FeedbackLookup | Iterable<CardFeedback> = [],
): T[] {
  const lookup = asFeedbackLookup(feedback);
  const ranks = LEVEL_RANK[comfort] ?? LEVEL_RANK[DEFAULT_COMFORT];
  const keyed = cards.map((card, index) => {
    const mark = lookup.get(card.key);
    return {
      card,
      known: mark?.known ? 1 : 0,
      level: ranks[card.level] ?? 0,
      unhelpful: mark?.helpful === 'no' ? 1 : 0,
      index,
    };
  });
  keyed.sort((a, b) => a.known - b.known || a.level - b.level || a.unhelpful - b.unhelpful || a.index - b.index);
  return keyed.map((entry) => entry.card);
}

export function isComfort(value: unknown): value is Comfort {
  return typeof value === 'string' && (COMFORT_LEVELS as readonly string[]).includes(value);
}

/** storage.local key: `{ [toolId]: Comfort }`. Local only, like everything personal. */
export const COMFORT_STORAGE_KEY = COMFORT.key;

function cleanComfortMap(value: unknown): Record<string, Comfort> {
  const clean: Record<string, Comfort> = {};
  if (!value || typeof value !== 'object') return clean;
  for (const [tool, comfort] of Object.entries(value)) if (isComfort(comfort)) clean[tool] = comfort;
  return clean;
}

async function readComfortMap(): Promise<Record<string, Comfort>> {
  return cleanComfortMap(await comfortItem.getValue());
}

/** Every tool the teacher set a level for. */
export async function getComfortMap(): Promise<Record<string, Comfort>> {
  return readComfortMap();
}

export async function getComfort(tool: string): Promise<Comfort> {
  return (await readComfortMap())[tool] ?? DEFAULT_COMFORT;
}

export async function setComfort(tool: string, comfort: Comfort): Promise<void> {
  const current = await readComfortMap();
  await comfortItem.setValue({ ...current, [tool]: comfort });
}

/** Calls back with the tool's comfort level now and whenever it changes; returns the unsubscribe. */
export function watchComfort(tool: string, callback: (comfort: Comfort) => void): () => void {
  return watchValue(comfortItem, (value) => cleanComfortMap(value)[tool] ?? DEFAULT_COMFORT, callback);
}
