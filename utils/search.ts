// Public contract path (DESIGN.md): the search engine lives in utils/search/.
export { createSearchIndex, DEFAULT_SEARCH_LIMIT, highlightTerms } from './search/engine';
export type { IndexOptions, SearchIndex, SearchOptions } from './search/engine';
