import type { GapRecord, SearchMiss } from '../platform/db';
import type { GapKind } from '../endpoints/types';
import { contextName, toolById } from '../tools/catalog';
import { isCardKind } from './kinds';
import { gapPlace } from './records';

/** The coach's view of the flags: one group per tool and page. */

export interface GapGroup {
  /** `tool/context`, or `tool/*`. */
  key: string;
  tool: string;
  context: string | null;
  toolName: string;
  pageName: string | null;
  /** Flags in the group. */
  count: number;
  /** Flags not yet resolved. */
  unresolved: number;
  kinds: Partial<Record<GapKind, number>>;
  /** The most recent note anyone wrote (flags without a note are skipped). */
  newestNote: { text: string; at: number } | null;
  /** Time of the newest flag or search in the group. */
  latestAt: number;
  /** Searches that found nothing, from the flags and from this device, most frequent first. */
  searches: Array<{ query: string; count: number }>;
  /** Cards flagged as unhelpful or out of date in this group. */
  cards: Array<{ key: string; title: string; count: number }>;
  gapIds: string[];
}

/**
 * Flags (and searches that found nothing on this device) grouped by tool and page: the pages
 * with the most unresolved flags first.
 */
export function groupGaps(gaps: readonly GapRecord[], misses: readonly SearchMiss[] = []): GapGroup[] {
  const groups = new Map<string, GapGroup & { searchCounts: Map<string, { query: string; count: number }> }>();
  const groupFor = (tool: string, context: string | null, names?: { tool?: string; page?: string | null }) => {
    const key = gapPlace({ tool, context });
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        tool,
        context,
        toolName: toolById(tool)?.name ?? names?.tool ?? tool,
        pageName: contextName(tool, context) ?? names?.page ?? context,
        count: 0,
        unresolved: 0,
        kinds: {},
        newestNote: null,
        latestAt: 0,
        searches: [],
        cards: [],
        gapIds: [],
        searchCounts: new Map(),
      };
      groups.set(key, group);
    }
    return group;
  };
  const addSearch = (group: ReturnType<typeof groupFor>, query: string, at: number) => {
    const line = query.replace(/\s+/g, ' ').trim();
    if (!line) return;
    const key = line.toLowerCase();
    const entry = group.searchCounts.get(key);
    if (entry) entry.count += 1;
    else group.searchCounts.set(key, { query: line, count: 1 });
    group.latestAt = Math.max(group.latestAt, at);
  };

  for (const gap of gaps) {
    const group = groupFor(gap.tool, gap.context, { tool: gap.payload?.tool.name, page: gap.payload?.page.name });
    group.count += 1;
    if (gap.status !== 'resolved') group.unresolved += 1;
    group.kinds[gap.kind] = (group.kinds[gap.kind] ?? 0) + 1;
    group.gapIds.push(gap.id);
    group.latestAt = Math.max(group.latestAt, gap.createdAt);
    const note = gap.note.trim();
    if (note && (!group.newestNote || gap.createdAt > group.newestNote.at)) group.newestNote = { text: note, at: gap.createdAt };
    for (const search of gap.searches) addSearch(group, search, gap.createdAt);
    if (gap.cardKey && isCardKind(gap.kind)) {
      const existing = group.cards.find((card) => card.key === gap.cardKey);
      if (existing) existing.count += 1;
      else group.cards.push({ key: gap.cardKey, title: gap.payload?.card?.title ?? gap.cardId ?? gap.cardKey, count: 1 });
    }
  }
  for (const miss of misses) {
    if (!miss.tool) continue;
    addSearch(groupFor(miss.tool, miss.context), miss.query, miss.at);
  }

  return [...groups.values()]
    .map(({ searchCounts, ...group }) => ({
      ...group,
      searches: [...searchCounts.values()].sort((a, b) => b.count - a.count || a.query.localeCompare(b.query)),
      cards: group.cards.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    }))
    .sort((a, b) => b.unresolved - a.unresolved || b.count - a.count || b.latestAt - a.latestAt || a.key.localeCompare(b.key));
}
