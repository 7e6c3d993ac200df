import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createSearchCache } from '@/utils/search/cache';
import { createLocalSearchClient, createWorkerSearchClient, type SearchAnswer, type SearchClient } from '@/utils/search/client';
import { createMissRecorder, recordSearchMiss, type MissRecorder } from '@/utils/search/misses';
import type { SearchOptions } from '@/utils/search/engine';
// Bundled by Vite as its own worker script (WXT defines import.meta.url away, so `new URL()` cannot be used).
import SearchWorker from '@/utils/search/worker?worker';

/**
 * Search state shared by the search box and its results for the life of the panel page: the
 * search client (created on first use, with the index in a worker where the browser has them)
 * and the recorder of searches that found nothing. The index holds the cards the teacher sees in
 * their UI language (a translation where there is one), read with that language's analyser.
 */

export { SEARCH_INPUT_ID, SEARCH_RESULTS_ID, focusSearchBox, resultToggles } from './search-ids';

let client: SearchClient | null = null;
/** Once search has worked in this page, waiting for an answer is too short to announce. */
let everReady = false;
let recorder: MissRecorder = newRecorder();

function newRecorder(): MissRecorder {
  return createMissRecorder({ record: (miss) => recordSearchMiss(miss) });
}

function createClient(): SearchClient {
  // The worker has no browser.i18n: the language goes to it with each message.
  const uiLanguage = browser.i18n.getUILanguage();
  const inPage = () => createLocalSearchClient(undefined, createSearchCache(undefined, { uiLanguage }));
  let created: SearchClient | null = null;
  if (typeof Worker === 'function') {
    try {
      const worker = new SearchWorker();
      created = createWorkerSearchClient(worker, inPage, uiLanguage);
    } catch (error) {
      console.error('Coachmark: no search worker; searching in the page', error);
    }
  }
  created ??= inPage();
  created.onReady((ready) => {
    everReady = true;
    // For DevTools and the benchmark: when search became ready in this page, and its cost.
    try {
      performance.mark('coachmark:search-ready', { detail: ready });
    } catch {
      // A diagnostic only.
    }
  });
  return created;
}

/** The search client, created on first use (never when the panel opens). */
export function searchClient(): SearchClient {
  return (client ??= createClient());
}

export function missRecorder(): MissRecorder {
  return recorder;
}

/** A fresh session (tests, which delete the database between cases). */
export function resetSearchSession(): void {
  client?.dispose();
  client = null;
  everReady = false;
  recorder.cancel();
  recorder = newRecorder();
}

export function searchWasReady(): boolean {
  return everReady;
}

/** Starts reading the cards and building the index (first focus or keystroke in the box). */
export function warmSearch(): void {
  searchClient().warm();
}

export interface SearchState {
  /** The latest answer; the previous one stays until the next arrives, so results never flash. */
  answer: SearchAnswer | undefined;
  failed: boolean;
}

/**
 * Results for the query, updated on every keystroke, whenever the library changes, and once the
 * whole library is searchable after a partial answer. Nothing is asked while `enabled` is false.
 */
export function useSearch(query: string, options: SearchOptions, enabled = true): SearchState {
  const [state, setState] = useState<SearchState>({ answer: undefined, failed: false });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const partial = useRef(false);
  const { tool, context, limit, hiddenTools } = options;
  // Compared by value: a new array with the same tools must not search again.
  const hiddenKey = hiddenTools?.join('\n') ?? '';

  useEffect(() => searchClient().onInvalidate(() => setGeneration((value) => value + 1)), []);
  useEffect(
    () =>
      searchClient().onReady(() => {
        if (partial.current) setGeneration((value) => value + 1);
      }),
    [],
  );

  useEffect(() => {
    if (!enabled) return;
    const request = ++latest.current;
    searchClient()
      .search(query, { tool, context, limit, hiddenTools: hiddenKey ? hiddenKey.split('\n') : undefined })
      .then(
        (answer) => {
          if (request !== latest.current) return;
          partial.current = answer.partial;
          setState({ answer, failed: false });
        },
        (error: unknown) => {
          console.error('Coachmark: search failed', error);
          if (request === latest.current) setState((current) => ({ ...current, failed: true }));
        },
      );
  }, [query, tool, context, limit, hiddenKey, enabled, generation]);

  useEffect(
    () => () => {
      // Answers that arrive after the results are gone are dropped.
      latest.current++;
    },
    [],
  );
  return state;
}
