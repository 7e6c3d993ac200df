import { buildSynonymTable, SPANISH_SYNONYM_GROUPS, SYNONYM_GROUPS, SYNONYMS, type SynonymTable } from './synonyms';
import { ENGLISH_WORDS, searchLanguage, SPANISH_WORDS, type WordAnalyser } from './text-terms';

/**
 * Everything the index reads in one language: stop words, stems and synonyms. An index is
 * built with one analyser (`createSearchIndex(cards, { language })`), and its queries and
 * marks are read with the same one.
 */
export interface SearchAnalyser extends WordAnalyser {
  readonly synonyms: SynonymTable;
}

export const ENGLISH_ANALYSER: SearchAnalyser = { ...ENGLISH_WORDS, synonyms: SYNONYMS };

let spanish: SearchAnalyser | undefined;

/** The analyser for a language tag ("es-419" is Spanish); English for any other, or none. */
export function searchAnalyser(language?: string): SearchAnalyser {
  if (searchLanguage(language) !== 'es') return ENGLISH_ANALYSER;
  // Built on first use: most teachers never need it.
  spanish ??= { ...SPANISH_WORDS, synonyms: buildSynonymTable([...SPANISH_SYNONYM_GROUPS, ...SYNONYM_GROUPS], SPANISH_WORDS) };
  return spanish;
}
