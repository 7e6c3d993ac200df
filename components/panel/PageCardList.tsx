import type { Ref } from 'preact';
import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { CardView } from './CardView';

export type PageSection = 'page' | 'recent' | 'tool' | 'known';

interface Props {
  section: PageSection;
  cards: CardRecord[];
  /** Which card is open, as `section:key`: one at a time across the page's lists. */
  open: string | null;
  /** Opens the card with this `section:key`, or closes it when it is open. */
  onToggle: (id: string) => void;
  feedback: ReadonlyMap<string, CardFeedback>;
  onKnownChange: (card: CardRecord, known: boolean) => void;
  /** The card just marked known: in the page and tool lists its place says so and offers Undo. */
  undoCard: CardRecord | null;
  undoButton: Ref<HTMLButtonElement>;
  onUndo: () => void;
}

/** One of the page's card lists. */
export function PageCardList({ section, cards, open, onToggle, feedback, onKnownChange, undoCard, undoButton, onUndo }: Props) {
  return (
    <ul class="card-list">
      {cards.map((card) => {
        const id = `${section}:${card.key}`;
        return undoCard?.key === card.key && (section === 'page' || section === 'tool') ? (
          <li key={card.key}>
            <div class="notice undo-known" data-testid="known-undo">
              <span>{t('knownMoved', card.title)}</span>
              <button type="button" ref={undoButton} onClick={onUndo}>
                {t('panelUndo')}
              </button>
            </div>
          </li>
        ) : (
          <li key={card.key}>
            <CardView
              card={card}
              idPrefix={section}
              compact={section === 'recent'}
              expanded={open === id}
              onToggle={() => onToggle(id)}
              feedback={feedback.get(card.key)}
              onKnownChange={onKnownChange}
            />
          </li>
        );
      })}
    </ul>
  );
}
