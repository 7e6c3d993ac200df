import { useEffect, useState } from 'preact/hooks';
import { createSearchCache, type LoadedSearch, type SearchCache } from '@/utils/search-cache';
import { createMissRecorder, recordSearchMiss, type MissRecorder } from '@/utils/personal';

/**
 * Search state shared by the search box and its results for the life of the panel page: the
 * index (built on first use, see utils/search-cache.ts) and the recorder of searches that found
 * nothing.
 */

export const SEARCH_INPUT_ID = 'search-cards';
export const SEARCH_RESULTS_ID = 'search-results';

let cache: SearchCache = createSearchCache();
let recorder: MissRecorder = createMissRecorder({ record: (miss) => recordSearchMiss(miss) });

export function searchCache(): SearchCache {
  return cache;
}

export function missRecorder(): MissRecorder {
  return recorder;
}

/** A fresh session (tests, which delete the database between cases). */
export function resetSearchSession(): void {
  cache.dispose();
  recorder.cancel();
  cache = createSearchCache();
  recorder = createMissRecorder({ record: (miss) => recordSearchMiss(miss) });
}

/** Starts building the index (first focus or keystroke in the box); errors surface in the results. */
export function warmSearch(): void {
  cache.load().catch(() => {});
}

/**
 * The search index, once built; undefined while it is being built. A library change drops it:
 * the previous index stays on screen until the new one is ready, so results never flash.
 */
export function useSearchIndex(): { index: LoadedSearch | undefined; failed: boolean } {
  const current = cache;
  const [index, setIndex] = useState<LoadedSearch | undefined>(() => current.peek());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    const load = () => {
      current.load().then(
        (loaded) => {
          if (!active) return;
          setFailed(false);
          // A build that turned out stale has already asked for the next one.
          setIndex(current.peek() ?? loaded);
        },
        (error: unknown) => {
          console.error('Coachmark: could not build the search index', error);
          if (active) setFailed(true);
        },
      );
    };
    load();
    const stop = current.onInvalidate(load);
    return () => {
      active = false;
      stop();
    };
  }, [current]);
  return { index, failed };
}

/** Puts focus back in the search box. */
export function focusSearchBox(): void {
  document.getElementById(SEARCH_INPUT_ID)?.focus();
}

/** The result toggles, in reading order. */
export function resultToggles(): HTMLElement[] {
  const results = document.getElementById(SEARCH_RESULTS_ID);
  return results ? Array.from(results.querySelectorAll<HTMLElement>('.card__toggle')) : [];
}
