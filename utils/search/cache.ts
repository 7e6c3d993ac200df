import { liveQuery } from 'dexie';
import { db as defaultDb, type CardRecord, type CoachmarkDB, type PackRecord } from '../platform/db';
import { visibleCards } from '../cards/replacements';
import { createSearchIndex, type SearchIndex, type SearchOptions } from './engine';
import type { MatchTerms, SearchLanguage } from './text-terms';

/**
 * The panel's search index: built once per panel session from the cards the teacher sees (no
 * replaced card; of a card and its translations, the one in the teacher's language, read with
 * that language's analyser), and only when the teacher first reaches for search (the page list
 * never loads the whole library).
 * While that index is being read and built (about a second with 10,000 cards), a small index
 * of one tool's cards, read through the cards' tool index, answers in the meantime. A live
 * query on the library's signature (card count, and each pack's version and last change) drops
 * both when a pack is imported, synced or edited; the next search builds fresh ones.
 */

export interface LoadedSearch {
  search(query: string, options?: SearchOptions): CardRecord[];
  matchTerms(query: string): MatchTerms;
  readonly size: number;
  /** What the library looked like when the index was built. */
  readonly signature: string;
  /** Only one tool's cards: the whole library is still being read. */
  readonly partial: boolean;
  /** The language whose analyser reads the cards and the queries. */
  readonly language: SearchLanguage;
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

/** Below this many cards the whole index is built in well under 100 ms: no partial index first. */
export const PARTIAL_INDEX_MIN_CARDS = 2_000;

export interface SearchCacheOptions {
  /**
   * The teacher's language (browser.i18n.getUILanguage()): among a card and its translations the
   * index holds the one in this language, and reads it with this language's analyser. Without
   * it, every translation is indexed, read as English.
   */
  uiLanguage?: string;
}

export interface SearchCache {
  /** The index, built on first call; the same promise until the library changes. */
  load(): Promise<LoadedSearch>;
  /** The index if it is built and current, without starting anything. */
  peek(): LoadedSearch | undefined;
  /**
   * An index of one tool's cards only (partial), built once per tool until the library changes;
   * null when the library is small enough for the whole index to be as quick.
   */
  loadTool(tool: string): Promise<LoadedSearch | null>;
  /** Called when the index is dropped because the library changed. Returns the unsubscribe. */
  onInvalidate(listener: () => void): () => void;
  /** Stops watching the library and forgets the index. */
  dispose(): void;
}

export function createSearchCache(database: CoachmarkDB = defaultDb, options: SearchCacheOptions = {}): SearchCache {
  const { uiLanguage } = options;
  let pending: Promise<LoadedSearch> | null = null;
  let loaded: LoadedSearch | undefined;
  /** The library as the live query last saw it. */
  let seen: string | null = null;
  let watching: { unsubscribe(): void } | null = null;
  const listeners = new Set<() => void>();
  const toolIndexes = new Map<string, Promise<LoadedSearch | null>>();

  const invalidate = () => {
    pending = null;
    loaded = undefined;
    toolIndexes.clear();
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

  const build = async (tool?: string): Promise<LoadedSearch> => {
    const readStart = performance.now();
    const large = tool === undefined && (await database.cards.count()) >= PARTIAL_INDEX_MIN_CARDS;
    // One read transaction, so that the cards and the signature describe the same library; a
    // large library is read in pages instead, so that a tool's own read is not kept waiting.
    const [cards, packs, signature] = large
      ? await readInPages(database, () => Promise.allSettled([...toolIndexes.values()]))
      : await database.transaction('r', database.cards, database.packs, async () => {
          const all = await (tool === undefined ? database.cards.toArray() : database.cards.where('tools').equals(tool).toArray());
          return [all, await database.packs.toArray(), await librarySignature(database)] as const;
        });
    const buildStart = performance.now();
    const index: SearchIndex = createSearchIndex(visibleCards(cards, packs, uiLanguage), { language: uiLanguage });
    const buildEnd = performance.now();
    return {
      // The index returns the very objects it was given, so these are the stored records.
      search: (query, options) => index.search(query, options) as CardRecord[],
      matchTerms: (query) => index.matchTerms(query),
      size: index.size,
      signature,
      partial: tool !== undefined,
      language: index.language,
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
    loadTool(tool) {
      watch();
      let index = toolIndexes.get(tool);
      if (!index) {
        index = database.cards.count().then((count) => (count < PARTIAL_INDEX_MIN_CARDS ? null : build(tool)));
        toolIndexes.set(tool, index);
        // A failed read is not kept: the next search tries again.
        index.catch(() => toolIndexes.get(tool) === index && toolIndexes.delete(tool));
      }
      return index;
    },
    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      watching?.unsubscribe();
      watching = null;
      pending = null;
      loaded = undefined;
      toolIndexes.clear();
      listeners.clear();
    },
  };
}

const READ_PAGE = 1_000;
const READ_ATTEMPTS = 3;

/**
 * Every card, a page (one short transaction) at a time, the packs, and the library's signature. Between
 * pages, a tool's index being built goes first (`waitFor`): it is what the teacher is waiting
 * for. Read again when a pack changed meanwhile; after a few tries the live query drops the
 * index anyway.
 */
async function readInPages(database: CoachmarkDB, waitFor: () => Promise<unknown>): Promise<readonly [CardRecord[], PackRecord[], string]> {
  let cards: CardRecord[] = [];
  let packs: PackRecord[] = [];
  let before = '';
  let after = '';
  for (let attempt = 0; attempt < READ_ATTEMPTS && (attempt === 0 || before !== after); attempt++) {
    before = await librarySignature(database);
    cards = [];
    let last: string | undefined;
    for (;;) {
      const from = last === undefined ? database.cards.toCollection() : database.cards.where(':id').above(last);
      const page = await from.limit(READ_PAGE).toArray();
      cards.push(...page);
      if (page.length < READ_PAGE) break;
      await waitFor();
      last = (page[page.length - 1] as CardRecord).key;
    }
    packs = await database.packs.toArray();
    after = await librarySignature(database);
  }
  return [cards, packs, after] as const;
}
