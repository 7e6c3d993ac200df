import { liveQuery } from 'dexie';
import { db as defaultDb, type CardRecord, type CoachmarkDB } from '../platform/db';
import { createSearchIndex, type SearchIndex, type SearchOptions } from './engine';
import type { MatchTerms } from './text-terms';

/**
 * The panel's search index: built once per panel session from every stored card, and only
 * when the teacher first reaches for search (the page list never loads the whole library).
 * A live query on the library's signature (card count, and each pack's version and last
 * change) drops the index when a pack is imported, synced or edited; the next search builds
 * a fresh one.
 */

export interface LoadedSearch {
  search(query: string, options?: SearchOptions): CardRecord[];
  matchTerms(query: string): MatchTerms;
  readonly size: number;
  /** What the library looked like when the index was built. */
  readonly signature: string;
  /** Time to read every card, and to build the index, in ms. */
  readonly readMs: number;
  readonly buildMs: number;
}

/** A compact description of the library that changes whenever any pack's cards do. */
export async function librarySignature(database: CoachmarkDB): Promise<string> {
  const [count, packs] = await Promise.all([database.cards.count(), database.packs.toArray()]);
  const parts = packs.map((pack) => `${pack.id}@${pack.version}#${pack.cardCount}~${pack.updatedAt}`).sort();
  return `${count}|${parts.join('|')}`;
}

export interface SearchCache {
  /** The index, built on first call; the same promise until the library changes. */
  load(): Promise<LoadedSearch>;
  /** The index if it is built and current, without starting anything. */
  peek(): LoadedSearch | undefined;
  /** Called when the index is dropped because the library changed. Returns the unsubscribe. */
  onInvalidate(listener: () => void): () => void;
  /** Stops watching the library and forgets the index. */
  dispose(): void;
}

export function createSearchCache(database: CoachmarkDB = defaultDb): SearchCache {
  let pending: Promise<LoadedSearch> | null = null;
  let loaded: LoadedSearch | undefined;
  /** The library as the live query last saw it. */
  let seen: string | null = null;
  let watching: { unsubscribe(): void } | null = null;
  const listeners = new Set<() => void>();

  const invalidate = () => {
    pending = null;
    loaded = undefined;
    for (const listener of [...listeners]) listener();
  };

  const watch = () => {
    if (watching) return;
    watching = liveQuery(() => librarySignature(database)).subscribe({
      next: (signature) => {
        seen = signature;
        if (loaded && loaded.signature !== signature) invalidate();
      },
      error: (error: unknown) => console.error('Coachmark: could not watch the card library', error),
    });
  };

  const build = async (): Promise<LoadedSearch> => {
    const readStart = performance.now();
    // One read transaction: the cards and the signature describe the same library.
    const [cards, signature] = await database.transaction('r', database.cards, database.packs, async () => {
      const all = await database.cards.toArray();
      return [all, await librarySignature(database)] as const;
    });
    const buildStart = performance.now();
    const index: SearchIndex = createSearchIndex(cards);
    const buildEnd = performance.now();
    return {
      // The index returns the very objects it was given, so these are the stored records.
      search: (query, options) => index.search(query, options) as CardRecord[],
      matchTerms: (query) => index.matchTerms(query),
      size: index.size,
      signature,
      readMs: buildStart - readStart,
      buildMs: buildEnd - buildStart,
    };
  };

  return {
    load() {
      watch();
      if (pending) return pending;
      const attempt = build().then(
        (result) => {
          if (pending !== attempt) return result;
          // The library changed while the index was built: it is already out of date.
          if (seen !== null && seen !== result.signature) {
            invalidate();
            return result;
          }
          loaded = result;
          return result;
        },
        (error: unknown) => {
          if (pending === attempt) pending = null;
          throw error;
        },
      );
      pending = attempt;
      return attempt;
    },
    peek: () => loaded,
    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      watching?.unsubscribe();
      watching = null;
      pending = null;
      loaded = undefined;
      listeners.clear();
    },
  };
}
