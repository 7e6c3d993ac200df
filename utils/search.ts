// Public contract path (DESIGN.md): the search engine lives in utils/search/.
export { createSearchIndex, DEFAULT_SEARCH_LIMIT } from './search/engine';
export type { IndexOptions, SearchIndex, SearchOptions } from './search/engine';
// `highlightTerms`: the same function under its older name, for code written against it.
export { matchTerms, matchTerms as highlightTerms } from './search/query';
export type { MatchTerms } from './search/text-terms';
