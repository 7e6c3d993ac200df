import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CardRecord, PackRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import type { ReviewLookup } from '@/utils/cards/review';
import { cardLanguage, languageName, placeLabel } from './LibraryFilters';
import { ReviewBadges } from './LibraryBadges';

interface Props {
  /** The cards to show, in order; only the first `limit` are listed. */
  cards: readonly CardRecord[];
  limit: number;
  packs: ReadonlyMap<string, PackRecord>;
  review: ReviewLookup;
  /** Keys of cards another card stands in for. */
  replaced: ReadonlySet<string>;
  openKey: string | null;
  onOpen: (card: CardRecord) => void;
  onShowMore: () => void;
}

/** The library's matching cards, a page at a time; "Show more" moves focus to the first card it adds. */
export function LibraryResults({ cards, limit, packs, review, replaced, openKey, onOpen, onShowMore }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const shown = cards.slice(0, limit);

  useLayoutEffect(() => {
    if (focusFrom.current === null) return;
    list.current?.querySelectorAll<HTMLButtonElement>('.library-result__open')[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [limit]);

  return (
    <>
      <ul class="library-results" ref={list}>
        {shown.map((card) => (
          <li key={card.key} class={card.key === openKey ? 'is-selected' : undefined} data-card-key={card.key}>
            <button
              type="button"
              class="library-result__open link-button"
              aria-current={card.key === openKey ? 'true' : undefined}
              onClick={() => onOpen(card)}
            >
              {card.title}
            </button>
            <p class="pack__meta">
              <span>{placeLabel(card)}</span>
              <span>{t('cardsInPack', packs.get(card.pack)?.name ?? card.pack)}</span>
              <span>{languageName(cardLanguage(card, packs))}</span>
            </p>
            <ReviewBadges states={review.statesOf(card)} replaced={replaced.has(card.key)} />
          </li>
        ))}
      </ul>
      {cards.length > shown.length && (
        <button
          type="button"
          class="library-results__more"
          onClick={() => {
            focusFrom.current = shown.length;
            onShowMore();
          }}
        >
          {t('libraryShowMore')}
        </button>
      )}
    </>
  );
}
