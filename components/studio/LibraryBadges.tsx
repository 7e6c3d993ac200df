import { t } from '@/utils/platform/i18n';
import type { ReviewState } from '@/utils/cards/review';
import { REVIEW_STATE_KEYS } from './LibraryFilters';

/** A card's review states (and whether another card replaces it), as small labels. */
export function ReviewBadges({ states, replaced }: { states: readonly ReviewState[]; replaced: boolean }) {
  return (
    <ul class="review-badges" aria-label={t('libraryStatesLabel')}>
      {states.map((state) => (
        <li key={state} class={`review-badge review-badge--${state}`}>
          {t(REVIEW_STATE_KEYS[state])}
        </li>
      ))}
      {replaced && <li class="review-badge review-badge--replaced">{t('libraryReplacedBadge')}</li>}
    </ul>
  );
}
