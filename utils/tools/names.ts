import { catalogueLocale } from '../platform/i18n';
import { pageNameIn, toolNameIn } from './localized-names';

/**
 * Tool and page names as the teacher reads them, in the language of the interface
 * (localized-names.ts holds the names; this module reads the interface's language, so only
 * extension pages import it: the search worker uses localized-names.ts with the card's language).
 */

/** The tool's name in `language` (the interface's by default). */
export function toolName(toolId: string, language: string = catalogueLocale()): string {
  return toolNameIn(toolId, language);
}

/** The page's name in `language` (the interface's by default); null for the tool as a whole or an unknown page. */
export function pageName(toolId: string, contextId: string | null, language: string = catalogueLocale()): string | null {
  return pageNameIn(toolId, contextId, language);
}
