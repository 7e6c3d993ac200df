import { browser } from 'wxt/browser';
import type { CardRecord, PackRecord } from '@/utils/platform/db';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { LEVELS, type Level } from '@/utils/cards/schema';
import { REVIEW_STATES, type ReviewLookup, type ReviewState } from '@/utils/cards/review';
import { isPendingSubscription } from '@/utils/cards/subscriptions';
import { toolById } from '@/utils/tools/catalog';
import { pageName, toolName } from '@/utils/tools/names';

/** The library's filters; '' is "any". */
export interface LibraryFilterValues {
  tool: string;
  /** A context of `tool` (only with a tool). */
  context: string;
  pack: string;
  level: Level | '';
  /** A language tag, or NO_LANGUAGE for cards that say none (nor does their pack). */
  lang: string;
  review: ReviewState | '';
}

export const NO_FILTERS: LibraryFilterValues = { tool: '', context: '', pack: '', level: '', lang: '', review: '' };
export const NO_LANGUAGE = '-';

export const LEVEL_KEYS: Record<Level, MessageKey> = {
  beginner: 'levelBeginner',
  intermediate: 'levelIntermediate',
  advanced: 'levelAdvanced',
};
export const REVIEW_STATE_KEYS: Record<ReviewState, MessageKey> = {
  due: 'reviewStateDue',
  outdated: 'reviewStateOutdated',
  unverified: 'reviewStateUnverified',
  current: 'reviewStateCurrent',
};
const PACK_GROUP_KEYS: Record<PackRecord['source']['kind'], MessageKey> = {
  builtin: 'packsGroupBuiltin',
  local: 'packsGroupLocal',
  url: 'packsGroupSubscribed',
};

/** A card's language: its own, or its pack's; '' when neither says. */
export function cardLanguage(card: Pick<CardRecord, 'lang' | 'pack'>, packs: ReadonlyMap<string, PackRecord>): string {
  return card.lang ?? packs.get(card.pack)?.lang ?? '';
}

/** "Spanish" for "es", in the browser's language; the tag itself when the browser has no name for it. */
export function languageName(tag: string): string {
  if (!tag) return t('libraryLanguageNone');
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage?.() || 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Where a card shows: "Canvas › SpeedGrader", or just "Canvas" for a card about the whole tool. */
export function placeLabel(card: Pick<CardRecord, 'tools' | 'contexts'>): string {
  const tools = card.tools.map((tool) => toolName(tool)).join(', ');
  if (card.contexts.length === 0) return tools;
  const pages = card.contexts.map((context) => card.tools.map((tool) => pageName(tool, context)).find(Boolean) ?? context);
  return `${tools} ${t('headerSeparator')} ${pages.join(', ')}`;
}

export interface FilterContext {
  packs: ReadonlyMap<string, PackRecord>;
  review: ReviewLookup;
}

export function matchesFilters(card: CardRecord, filters: LibraryFilterValues, context: FilterContext): boolean {
  if (filters.tool && !card.tools.includes(filters.tool)) return false;
  if (filters.tool && filters.context && !card.contexts.includes(filters.context)) return false;
  if (filters.pack && card.pack !== filters.pack) return false;
  if (filters.level && card.level !== filters.level) return false;
  if (filters.lang && (cardLanguage(card, context.packs) || NO_LANGUAGE) !== filters.lang) return false;
  if (filters.review && !context.review.has(card, filters.review)) return false;
  return true;
}

interface Props {
  cards: readonly CardRecord[];
  packs: readonly PackRecord[];
  values: LibraryFilterValues;
  onChange: (values: LibraryFilterValues) => void;
}

/** The filter choices, from what the library holds (tools, packs, languages) and the catalogue (a tool's pages). */
export function LibraryFilters({ cards, packs, values, onChange }: Props) {
  const packById = new Map(packs.map((pack) => [pack.id, pack]));
  const tools = [...new Set(cards.flatMap((card) => card.tools))]
    .map((id) => ({ id, name: toolName(id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const pages = (toolById(values.tool)?.contexts ?? []).map((context) => ({
    id: context.id,
    name: pageName(values.tool, context.id) ?? context.name,
  }));
  const languages = [...new Set(cards.map((card) => cardLanguage(card, packById) || NO_LANGUAGE))]
    .map((tag) => ({ tag, name: languageName(tag === NO_LANGUAGE ? '' : tag) }))
    .sort((a, b) => Number(a.tag === NO_LANGUAGE) - Number(b.tag === NO_LANGUAGE) || a.name.localeCompare(b.name));
  const packGroups = (['builtin', 'local', 'url'] as const)
    .map((kind) => ({
      kind,
      packs: packs.filter((pack) => pack.source.kind === kind && !isPendingSubscription(pack)).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((group) => group.packs.length > 0);
  const set = (change: Partial<LibraryFilterValues>) => onChange({ ...values, ...change });
  const active = Object.values(values).some(Boolean);

  return (
    <fieldset class="library__filters">
      <legend>{t('libraryFilters')}</legend>
      <div class="library__filter-grid">
        <div class="field">
          <label for="library-tool">{t('libraryFilterTool')}</label>
          <select id="library-tool" value={values.tool} onChange={(event) => set({ tool: event.currentTarget.value, context: '' })}>
            <option value="">{t('libraryAllTools')}</option>
            {tools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-page">{t('libraryFilterPage')}</label>
          <select
            id="library-page"
            value={values.context}
            disabled={pages.length === 0}
            aria-describedby={values.tool ? undefined : 'library-page-hint'}
            onChange={(event) => set({ context: event.currentTarget.value })}
          >
            <option value="">{t('libraryAllPages')}</option>
            {pages.map((page) => (
              <option key={page.id} value={page.id}>
                {page.name}
              </option>
            ))}
          </select>
          {!values.tool && (
            <span id="library-page-hint" class="hint">
              {t('libraryPageHint')}
            </span>
          )}
        </div>
        <div class="field">
          <label for="library-pack">{t('libraryFilterPack')}</label>
          <select id="library-pack" value={values.pack} onChange={(event) => set({ pack: event.currentTarget.value })}>
            <option value="">{t('libraryAllPacks')}</option>
            {packGroups.map((group) => (
              <optgroup key={group.kind} label={t(PACK_GROUP_KEYS[group.kind])}>
                {group.packs.map((pack) => (
                  <option key={pack.id} value={pack.id}>
                    {pack.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-level">{t('libraryFilterLevel')}</label>
          <select id="library-level" value={values.level} onChange={(event) => set({ level: event.currentTarget.value as Level | '' })}>
            <option value="">{t('libraryAllLevels')}</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(LEVEL_KEYS[level])}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-language">{t('libraryFilterLanguage')}</label>
          <select id="library-language" value={values.lang} onChange={(event) => set({ lang: event.currentTarget.value })}>
            <option value="">{t('libraryAllLanguages')}</option>
            {languages.map((language) => (
              <option key={language.tag} value={language.tag}>
                {language.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-review">{t('libraryFilterReview')}</label>
          <select
            id="library-review"
            value={values.review}
            onChange={(event) => set({ review: event.currentTarget.value as ReviewState | '' })}
          >
            <option value="">{t('libraryAnyState')}</option>
            {REVIEW_STATES.map((state) => (
              <option key={state} value={state}>
                {t(REVIEW_STATE_KEYS[state])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" class="link-button" disabled={!active} onClick={() => onChange(NO_FILTERS)}>
        {t('libraryClearFilters')}
      </button>
    </fieldset>
  );
}
