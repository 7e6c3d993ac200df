import { useEffect, useMemo } from 'preact/hooks';
import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { Level } from '@/utils/cards/schema';
import type { MatchTerms } from '@/utils/search/text-terms';
import { splitMarks } from '@/utils/search/marks';
import { markViewed } from '@/utils/cards/feedback';
import { toolName } from '@/utils/tools/names';
import { lazyComponent, loadingStatus } from './lazy';

// Steps are Markdown: the renderer (marked, DOMPurify) comes with the first card opened.
const CardBody = lazyComponent(() => import('./CardBody').then((m) => m.CardBody), loadingStatus);

/** Fetches the open-card code ahead of the first click (when the teacher points at a card, or the panel is idle). */
export const preloadCardBody = (): void => void CardBody.preload().catch(() => {});

const LEVEL_KEYS: Record<Level, MessageKey> = {
  beginner: 'levelBeginner',
  intermediate: 'levelIntermediate',
  advanced: 'levelAdvanced',
};

interface Props {
  card: CardRecord;
  expanded: boolean;
  onToggle: () => void;
  /** The teacher's own marks on this card (helpful, known, viewed). */
  feedback?: CardFeedback;
  /** Words to mark in the title, summary and steps (search results). */
  matchTerms?: MatchTerms;
  /** Names the card's tools (results from other tools). */
  showTools?: boolean;
  /** Title only while collapsed (the recently viewed strip). */
  compact?: boolean;
  /** Offers "I know this" (or "I still need this" on a known card). */
  onKnownChange?: (card: CardRecord, known: boolean) => void;
  /** Keeps element ids unique when one card is listed twice (recently viewed and the tool's list). */
  idPrefix?: string;
}

/** One how-to card: title and summary, expanding in place to numbered steps and tutorials. */
export function CardView({ card, expanded, onToggle, feedback, matchTerms, showTools, compact, onKnownChange, idPrefix = 'card' }: Props) {
  const bodyId = `${idPrefix}-body-${card.key.replace(/[^a-z0-9_-]/gi, '-')}`;
  const known = feedback?.known === true;

  // Opening a card is what "recently viewed" remembers.
  useEffect(() => {
    if (expanded) markViewed(card.key).catch((error: unknown) => console.error('Coachmark: could not note a viewed card', error));
  }, [expanded, card.key]);

  return (
    <article
      class={`card${expanded ? ' card--open' : ''}${compact ? ' card--compact' : ''}`}
      data-card-id={card.id}
      data-card-key={card.key}
    >
      <h3 class="card__title">
        <button
          type="button"
          class="card__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={onToggle}
          onPointerEnter={preloadCardBody}
          onFocus={preloadCardBody}
        >
          <span>
            <Marked text={card.title} matchTerms={matchTerms} />
          </span>
          <span class="card__badges">
            <span class={`level level--${card.level}`}>{t(LEVEL_KEYS[card.level])}</span>
            {showTools &&
              card.tools.map((tool) => (
                <span key={tool} class="tool-badge">
                  {toolName(tool)}
                </span>
              ))}
            {known && <span class="known-badge">{t('cardKnownBadge')}</span>}
          </span>
        </button>
      </h3>
      {!(compact && !expanded) && (
        <p class="card__summary">
          <Marked text={card.summary} matchTerms={matchTerms} />
        </p>
      )}
      {expanded && <CardBody card={card} id={bodyId} feedback={feedback} matchTerms={matchTerms} onKnownChange={onKnownChange} />}
    </article>
  );
}

/** Plain card text with the matched words in <mark>: text nodes only, never HTML. */
function Marked({ text, matchTerms }: { text: string; matchTerms?: MatchTerms }) {
  const parts = useMemo(() => splitMarks(text, matchTerms), [text, matchTerms]);
  if (!matchTerms) return <>{text}</>;
  return <>{parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : part.text))}</>;
}
