/**
 * The search box's and results' element ids, and DOM look-ups on them: kept apart from the search
 * session so the search box can render without loading the search code.
 */

export const SEARCH_INPUT_ID = 'search-cards';
export const SEARCH_RESULTS_ID = 'search-results';

/** Puts focus back in the search box. */
export function focusSearchBox(): void {
  document.getElementById(SEARCH_INPUT_ID)?.focus();
}

/** The result toggles, in reading order. */
export function resultToggles(): HTMLElement[] {
  const results = document.getElementById(SEARCH_RESULTS_ID);
  return results ? Array.from(results.querySelectorAll<HTMLElement>('.card__toggle')) : [];
}
