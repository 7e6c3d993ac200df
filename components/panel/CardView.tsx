import { useMemo } from 'preact/hooks';
import type { CardRecord } from '@/utils/db';
import { renderMarkdown } from '@/utils/cards/markdown';
import { t, type MessageKey } from '@/utils/i18n';
import type { CardLink, Level } from '@/utils/cards/schema';

const LEVEL_KEYS: Record<Level, MessageKey> = {
  beginner: 'levelBeginner',
  intermediate: 'levelIntermediate',
  advanced: 'levelAdvanced',
};
const LINK_KIND_KEYS: Record<CardLink['kind'], MessageKey> = {
  video: 'linkKindVideo',
  article: 'linkKindArticle',
  help: 'linkKindHelp',
};

interface Props {
  card: CardRecord;
  expanded: boolean;
  onToggle: () => void;
}

/** One how-to card: title and summary, expanding in place to numbered steps and tutorials. */
export function CardView({ card, expanded, onToggle }: Props) {
  const bodyId = `card-body-${card.key.replace(/[^a-z0-9_-]/gi, '-')}`;
  return (
    <article class={`card${expanded ? ' card--open' : ''}`} data-card-id={card.id}>
      <h3 class="card__title">
        <button type="button" class="card__toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span>{card.title}</span>
          <span class={`level level--${card.level}`}>{t(LEVEL_KEYS[card.level])}</span>
        </button>
      </h3>
      <p class="card__summary">{card.summary}</p>
      {expanded && <CardBody card={card} id={bodyId} />}
    </article>
  );
}

function CardBody({ card, id }: { card: CardRecord; id: string }) {
  const steps = useMemo(() => card.steps.map((step) => renderMarkdown(step)), [card.steps]);
  return (
    <div class="card__body" id={id}>
      <h4 class="visually-hidden">{t('stepsHeading')}</h4>
      <ol class="card__steps">
        {steps.map((html, index) => (
          // Card text becomes HTML only through renderMarkdown, which sanitises it.
          <li key={index} dangerouslySetInnerHTML={{ __html: html }} />
        ))}
      </ol>
      {card.links.length > 0 && (
        <>
          <h4 class="card__links-heading">{t('linksHeading')}</h4>
          <ul class="card__links">
            {card.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  <span class={`link-kind link-kind--${link.kind}`}>{t(LINK_KIND_KEYS[link.kind])}</span>
                  <span class="link-title">{link.title}</span>
                  <span class="link-host">{hostOf(link.url)}</span>
                  <span class="visually-hidden">{t('opensInNewTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
