import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type CardRecord, type PackRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { createSearchIndex } from '@/utils/search/engine';
import { reviewLookup, type ReviewState } from '@/utils/cards/review';
import { localDate } from '@/utils/gaps/review';
import { referencesTo, replacedReferences } from '@/utils/cards/replacements';
import { LibraryFilters, matchesFilters, NO_FILTERS, type LibraryFilterValues } from './LibraryFilters';
import { LibraryResults } from './LibraryResults';
import { LibraryCardView, type ReplacedCard } from './LibraryCardView';

/** Cards listed at first, and added by each "Show more". */
export const LIBRARY_PAGE_SIZE = 25;

/** Which stored cards stand in for which: by the reference they replace. */
function replacementsOf(cards: readonly CardRecord[]): Map<string, CardRecord[]> {
  const byReference = new Map<string, CardRecord[]>();
  for (const card of cards) {
    for (const reference of replacedReferences([card])) byReference.set(reference, [...(byReference.get(reference) ?? []), card]);
  }
  return byReference;
}

/**
 * The coach's library: every stored card of every pack (built in, the coach's own, subscribed,
 * set by policy), searched with the panel's own engine and filtered by tool, page, pack, level,
 * language and review state. A card opens read only, with "Duplicate to my pack" to adapt it.
 * `#library?card=<card key>` opens that card.
 */
export function LibraryTab({ params }: { params: URLSearchParams }) {
  const library = useLiveQuery(async () => {
    const [packs, cards] = await Promise.all([db.packs.toArray(), db.cards.toArray()]);
    return { packs, cards };
  }, []);
  // Read apart from the cards, so that a new flag does not rebuild the search index.
  const gaps = useLiveQuery(() => db.gaps.filter((gap) => gap.kind === 'outdated').toArray(), []);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilterValues>(NO_FILTERS);
  const [limit, setLimit] = useState(LIBRARY_PAGE_SIZE);
  const [openKey, setOpenKey] = useState<string | null>(null);

  const paramsKey = params.toString();
  useEffect(() => {
    const card = params.get('card');
    if (card) setOpenKey(card);
  }, [paramsKey]);

  const cards = library?.cards;
  const index = useMemo(() => (cards ? createSearchIndex(cards) : null), [cards]);
  const byTitle = useMemo(
    () => (cards ? [...cards].sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key)) : []),
    [cards],
  );
  const replacements = useMemo(() => replacementsOf(cards ?? []), [cards]);
  const review = useMemo(() => (cards && gaps ? reviewLookup(cards, gaps, localDate(Date.now())) : null), [cards, gaps]);

  if (!library || !index || !review) return <p class="status">{t('loading')}</p>;

  const packs = new Map<string, PackRecord>(library.packs.map((pack) => [pack.id, pack]));
  // The engine hands back the very card objects it was given, so these are the stored records.
  const matching = query.trim() ? (index.search(query, { limit: Infinity }) as CardRecord[]) : byTitle;
  const shown = matching.filter((card) => matchesFilters(card, filters, { packs, review }));
  const replacedBy = (card: CardRecord) => referencesTo(card).flatMap((reference) => replacements.get(reference) ?? []);
  const replaced = new Set(library.cards.filter((card) => replacedBy(card).length > 0).map((card) => card.key));
  const open = openKey ? library.cards.find((card) => card.key === openKey) : undefined;

  const search = (next: string) => {
    setQuery(next);
    setLimit(LIBRARY_PAGE_SIZE);
  };
  const filter = (next: LibraryFilterValues) => {
    setFilters(next);
    setLimit(LIBRARY_PAGE_SIZE);
  };
  const showOnly = (state: ReviewState) => {
    search('');
    filter({ ...NO_FILTERS, review: state });
  };
  const close = (card: CardRecord) => {
    setOpenKey(null);
    // Back to the card's place in the list, when it is still listed.
    setTimeout(() => document.querySelector<HTMLElement>(`.library-results [data-card-key="${CSS.escape(card.key)}"] button`)?.focus(), 0);
  };

  const count = shown.length > limit ? tn('libraryCountPaged', shown.length, String(limit)) : tn('libraryCount', shown.length);
  return (
    <section class="library" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('libraryHeading')}</h2>
      <p class="hint">{t('libraryIntro')}</p>
      <p class="library__summary" data-testid="library-summary">
        <SummaryCount count={review.counts.due} text={tn('librarySummaryDue', review.counts.due)} onApply={() => showOnly('due')} />
        <span aria-hidden="true"> · </span>
        <SummaryCount
          count={review.counts.outdated}
          text={tn('librarySummaryOutdated', review.counts.outdated)}
          onApply={() => showOnly('outdated')}
        />
        <span aria-hidden="true"> · </span>
        <SummaryCount
          count={review.counts.unverified}
          text={tn('librarySummaryUnverified', review.counts.unverified)}
          onApply={() => showOnly('unverified')}
        />
      </p>
      <div class="field library__search">
        <label for="library-search">{t('librarySearchLabel')}</label>
        <input id="library-search" type="search" value={query} onInput={(event) => search(event.currentTarget.value)} />
      </div>
      <LibraryFilters cards={library.cards} packs={library.packs} values={filters} onChange={filter} />
      <div class={`library__body${open ? ' library__body--open' : ''}`}>
        <section class="library__results" aria-labelledby="library-results-heading">
          <h3 id="library-results-heading">{t('libraryResultsHeading')}</h3>
          <p class="library__count" role="status" data-testid="library-count">
            {count}
          </p>
          {shown.length === 0 ? (
            <p class="empty">{library.cards.length === 0 ? t('libraryEmpty') : t('libraryNoMatch')}</p>
          ) : (
            <LibraryResults
              cards={shown}
              limit={limit}
              packs={packs}
              review={review}
              replaced={replaced}
              openKey={open?.key ?? null}
              onOpen={(card) => setOpenKey(card.key)}
              onShowMore={() => setLimit(limit + LIBRARY_PAGE_SIZE)}
            />
          )}
        </section>
        {open && (
          <LibraryCardView
            key={open.key}
            card={open}
            packs={packs}
            review={review}
            replacedBy={replacedBy(open)}
            replaces={replacesOf(open, library.cards)}
            onClose={() => close(open)}
          />
        )}
      </div>
    </section>
  );
}

/** The card `card` stands in for, when its `replaces` counts. */
function replacesOf(card: CardRecord, cards: readonly CardRecord[]): ReplacedCard | null {
  const [reference] = replacedReferences([card]);
  if (!reference) return null;
  return { reference, card: cards.find((candidate) => candidate.key === reference) };
}

/** A count of the summary line: a button that shows just those cards, or plain text at zero. */
function SummaryCount({ count, text, onApply }: { count: number; text: string; onApply: () => void }) {
  if (count === 0) return <span>{text}</span>;
  return (
    <button type="button" class="link-button" onClick={onApply}>
      {text}
    </button>
  );
}
