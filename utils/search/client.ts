import type { CardRecord, CoachmarkDB } from '../platform/db';
import type { SearchOptions } from './engine';
import type { MatchTerms } from './text-terms';
import { createSearchCache, type LoadedSearch, type SearchCache } from './cache';

/**
 * How the panel asks for search results. At district scale, reading every card and building
 * the index takes long enough to freeze a page, so in the panel it happens in a worker
 * (utils/search-worker.ts) and each keystroke is a message; where workers are unavailable
 * (tests, or a worker that fails to start) the same cache runs in the page. Both sides speak
 * through the one interface below.
 */

export interface SearchAnswer {
  query: string;
  options: SearchOptions;
  results: CardRecord[];
  /** What to mark in the results: the query's words, and the words its typos stood for. */
  matchTerms: MatchTerms;
  /** From the current tool's cards only, while the whole library is still being read; a full answer follows on ready. */
  partial: boolean;
}

export interface SearchReady {
  cards: number;
  readMs: number;
  buildMs: number;
}

export interface SearchClient {
  /** Starts reading the cards and building the index, without a query yet. */
  warm(): void;
  search(query: string, options?: SearchOptions): Promise<SearchAnswer>;
  /** Each time an index is built (first use, and after the library changed). */
  onReady(listener: (ready: SearchReady) => void): () => void;
  /** The library changed: answers given so far are out of date. */
  onInvalidate(listener: () => void): () => void;
  dispose(): void;
}

function emitter<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(value: T) {
      for (const listener of [...listeners]) listener(value);
    },
    clear: () => listeners.clear(),
  };
}

/**
 * Search in this thread, over the cache of cache.ts; for a teacher's language, give it
 * `createSearchCache(database, { uiLanguage })`.
 */
export function createLocalSearchClient(database?: CoachmarkDB, cache: SearchCache = createSearchCache(database)): SearchClient {
  const ready = emitter<SearchReady>();
  const invalidated = emitter<void>();
  let announced: LoadedSearch | undefined;
  const stopWatching = cache.onInvalidate(() => invalidated.emit());

  const load = async () => {
    const loaded = await cache.load();
    if (loaded !== announced) {
      announced = loaded;
      ready.emit({ cards: loaded.size, readMs: loaded.readMs, buildMs: loaded.buildMs });
    }
    return loaded;
  };

  /** The whole library's index, or until it is built, the tool's own (faster: far fewer cards). */
  const firstAvailable = (full: Promise<LoadedSearch>, tool: string | undefined): Promise<LoadedSearch> => {
    if (tool === undefined) return full;
    full.catch(() => {});
    const ofTool = cache.loadTool(tool).then(
      (index) => index ?? full,
      () => full,
    );
    return Promise.race([full, ofTool]);
  };

  return {
    warm() {
      load().catch(() => {});
    },
    async search(query, options = {}) {
      const loaded = cache.peek() ?? (await firstAvailable(load(), options.tool));
      return { query, options, results: loaded.search(query, options), matchTerms: loaded.matchTerms(query), partial: loaded.partial };
    },
    onReady: ready.add,
    onInvalidate: invalidated.add,
    dispose() {
      stopWatching();
      cache.dispose();
      ready.clear();
      invalidated.clear();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The worker protocol

/**
 * The worker has no browser.i18n: each message carries the panel's UI language, which says
 * which cards are indexed and with which analyser.
 */
export type ToSearchWorker =
  { type: 'warm'; uiLanguage?: string } | { type: 'search'; id: number; query: string; options: SearchOptions; uiLanguage?: string };

export type FromSearchWorker =
  | { type: 'ready'; ready: SearchReady }
  | { type: 'answer'; id: number; answer: SearchAnswer }
  | { type: 'failed'; id: number; message: string }
  | { type: 'invalidated' };

/**
 * The worker's side: answers each message with the client for its UI language (created by
 * `clientFor` on first use) and passes that client's events on. A panel's language does not
 * change; should a message bring another, the old client is let go and a new one built.
 */
export function serveSearch(
  clientFor: (uiLanguage: string | undefined) => SearchClient,
  post: (message: FromSearchWorker) => void,
): (message: ToSearchWorker) => void {
  let current: { uiLanguage: string | undefined; client: SearchClient; stop: () => void } | null = null;
  const clientOf = (uiLanguage: string | undefined): SearchClient => {
    if (current && current.uiLanguage === uiLanguage) return current.client;
    if (current) {
      current.stop();
      current.client.dispose();
    }
    const client = clientFor(uiLanguage);
    const stopReady = client.onReady((ready) => post({ type: 'ready', ready }));
    const stopInvalidate = client.onInvalidate(() => post({ type: 'invalidated' }));
    current = {
      uiLanguage,
      client,
      stop: () => {
        stopReady();
        stopInvalidate();
      },
    };
    return client;
  };
  return (message) => {
    const client = clientOf(message.uiLanguage);
    if (message.type === 'warm') client.warm();
    else if (message.type === 'search') {
      client.search(message.query, message.options).then(
        (answer) => post({ type: 'answer', id: message.id, answer }),
        (error: unknown) => post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
}

/** What the page needs of a Worker (a structural type, so tests can connect the two sides directly). */
export interface SearchWorkerPort {
  postMessage(message: ToSearchWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromSearchWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

/**
 * The page's side of the worker, for a teacher whose UI language is `uiLanguage`
 * (browser.i18n.getUILanguage()). If the worker fails (it could not load, or crashed), searches
 * waiting for it and every later one go to `fallback()` in the page instead.
 */
export function createWorkerSearchClient(worker: SearchWorkerPort, fallback: () => SearchClient, uiLanguage?: string): SearchClient {
  const ready = emitter<SearchReady>();
  const invalidated = emitter<void>();
  const waiting = new Map<
    number,
    { query: string; options: SearchOptions; resolve: (answer: SearchAnswer) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let local: SearchClient | null = null;

  const useLocal = (): SearchClient => {
    if (local) return local;
    local = fallback();
    local.onReady((value) => ready.emit(value));
    local.onInvalidate(() => invalidated.emit());
    worker.terminate();
    return local;
  };

  worker.addEventListener('message', ({ data }) => {
    if (local) return;
    if (data.type === 'ready') ready.emit(data.ready);
    else if (data.type === 'invalidated') invalidated.emit();
    else {
      const request = waiting.get(data.id);
      if (!request) return;
      waiting.delete(data.id);
      if (data.type === 'answer') request.resolve(data.answer);
      else request.reject(new Error(data.message));
    }
  });
  worker.addEventListener('error', (event) => {
    console.error('Coachmark: the search worker failed; searching in the page instead', event);
    const client = useLocal();
    for (const request of waiting.values()) client.search(request.query, request.options).then(request.resolve, request.reject);
    waiting.clear();
  });

  return {
    warm() {
      if (local) local.warm();
      else worker.postMessage({ type: 'warm', uiLanguage });
    },
    search(query, options = {}) {
      if (local) return local.search(query, options);
      return new Promise<SearchAnswer>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { query, options, resolve, reject });
        worker.postMessage({ type: 'search', id, query, options, uiLanguage });
      });
    },
    onReady: ready.add,
    onInvalidate: invalidated.add,
    dispose() {
      worker.terminate();
      local?.dispose();
      for (const request of waiting.values()) request.reject(new Error('search closed'));
      waiting.clear();
      ready.clear();
      invalidated.clear();
    },
  };
}
