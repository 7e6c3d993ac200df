import type { CardRecord, PackRecord } from '@/utils/platform/db';
import { toolById } from '@/utils/tools/catalog';
import { t } from '@/utils/platform/i18n';

interface Props {
  cards: CardRecord[];
  packs: PackRecord[];
  query: string;
  onQuery: (query: string) => void;
  selectedKey?: string;
  onEdit: (card: CardRecord) => void;
  onDuplicate: (card: CardRecord) => void;
  onDelete: (card: CardRecord) => void;
}

/** Case- and accent-insensitive text for matching titles ("rubrica" finds "Rúbrica"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function filterByTitle<T extends { title: string }>(cards: readonly T[], query: string): T[] {
  const wanted = foldText(query.trim());
  const matching = wanted ? cards.filter((card) => foldText(card.title).includes(wanted)) : [...cards];
  return matching.sort((a, b) => a.title.localeCompare(b.title));
}

/** The coach's own cards, searchable by title, each with edit, duplicate and delete. */
export function CardList({ cards, packs, query, onQuery, selectedKey, onEdit, onDuplicate, onDelete }: Props) {
  const shown = filterByTitle(cards, query);
  const packName = (id: string) => packs.find((pack) => pack.id === id)?.name ?? id;
  return (
    <section class="card-list-panel" aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      <div class="field">
        <label for="cards-search">{t('cardsSearchLabel')}</label>
        <input id="cards-search" type="search" value={query} onInput={(event) => onQuery(event.currentTarget.value)} />
      </div>
      {cards.length === 0 ? (
        <p class="empty">{t('cardsNone')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{t('cardsNoMatch', query.trim())}</p>
      ) : (
        <ul class="studio-card-list">
          {shown.map((card) => (
            <li key={card.key} class={card.key === selectedKey ? 'is-selected' : undefined} data-card-key={card.key}>
              <div>
                <strong>{card.title}</strong>
                <p class="pack__meta">
                  <span>{card.tools.map((tool) => toolById(tool)?.name ?? tool).join(', ')}</span>
                  <span>{t('cardsInPack', packName(card.pack))}</span>
                </p>
              </div>
              <div class="button-row">
                <button type="button" aria-label={t('cardsEditLabel', card.title)} onClick={() => onEdit(card)}>
                  {t('cardsEdit')}
                </button>
                <button type="button" aria-label={t('cardsDuplicateLabel', card.title)} onClick={() => onDuplicate(card)}>
                  {t('cardsDuplicate')}
                </button>
                <button type="button" class="danger" aria-label={t('cardsDeleteLabel', card.title)} onClick={() => onDelete(card)}>
                  {t('cardsDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
