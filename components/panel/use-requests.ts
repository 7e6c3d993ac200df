import { useLiveQuery } from '../hooks/use-live-query';
import { db, type GapRecord, type OutboxItem } from '@/utils/platform/db';
import { needsAttention } from '@/utils/outbox/attention';
import { isPing, type PingItem } from '@/utils/outbox/pings';

/** How many of each list the requests view shows; older ones stay in the database. */
export const REQUESTS_SHOWN = 20;

export interface FlagEntryData {
  flag: GapRecord;
  item?: OutboxItem;
  /** The card that answered it, when one has. */
  cardTitle?: string;
}

export interface Requests {
  /** The teacher's pings (flags are listed with their own state, not twice), newest first. */
  pings: PingItem[];
  flags: FlagEntryData[];
  /** Requests about other tools that are not shown (0 when every tool is shown). */
  elsewhere: number;
  /** Shown requests that need the teacher (see needsAttention). */
  attention: number;
}

/**
 * The teacher's pings and flags about `tool` (every tool when null), plus any request anywhere
 * that needs them, so a failed ping is never out of sight.
 */
export function useRequests(tool: string | null): Requests | undefined {
  return useLiveQuery(async (): Promise<Requests> => {
    const [outbox, mine] = await Promise.all([
      db.outbox.orderBy('createdAt').reverse().toArray(),
      db.gaps.where('origin').equals('mine').toArray(),
    ]);
    const shownHere = (about: string, item?: OutboxItem) => tool === null || about === tool || (item !== undefined && needsAttention(item));
    const byId = new Map(outbox.map((item) => [item.id, item]));
    const allPings = outbox.filter(isPing);
    const pings = allPings.filter((item) => shownHere(item.payload.tool.id, item));
    const allFlags = mine.sort((a, b) => b.createdAt - a.createdAt);
    const flagsHere = allFlags.filter((flag) => shownHere(flag.tool, byId.get(flag.id)));
    const shownFlags = flagsHere.slice(0, REQUESTS_SHOWN);
    const cardKeys = shownFlags.map((flag) => flag.addressedByCardKey).filter((key): key is string => key !== undefined);
    const cards = await db.cards.bulkGet(cardKeys);
    const titles = new Map(cards.filter((card) => card !== undefined).map((card) => [card.key, card.title]));
    const flags = shownFlags.map((flag) => ({
      flag,
      item: byId.get(flag.id),
      cardTitle: flag.addressedByCardKey ? titles.get(flag.addressedByCardKey) : undefined,
    }));
    const attention = [...pings, ...flags.map((entry) => entry.item)].filter((item) => item !== undefined && needsAttention(item)).length;
    return {
      pings: pings.slice(0, REQUESTS_SHOWN),
      flags,
      elsewhere: allPings.length - pings.length + (allFlags.length - flagsHere.length),
      attention,
    };
  }, [tool]);
}
