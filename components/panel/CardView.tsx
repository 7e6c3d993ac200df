import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { renderMarkdown } from '@/utils/cards/markdown';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { linkHost } from '@/utils/platform/format';
import type { CardLink, Level } from '@/utils/cards/schema';
import type { MatchTerms } from '@/utils/search/text-terms';
import { clearMarks, markMatches, splitMarks } from '@/utils/search/marks';
import { markViewed, setHelpful } from '@/utils/cards/feedback';
import { toolById } from '@/utils/tools/catalog';
import { ShowMeButton } from './ShowMeButton';
import { CardFlagButtons } from './CardFlagButtons';
import { usePanelTab } from './panel-context';

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
        <button type="button" class="card__toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span>
            <Marked text={card.title} matchTerms={matchTerms} />
          </span>
          <span class="card__badges">
            <span class={`level level--${card.level}`}>{t(LEVEL_KEYS[card.level])}</span>
            {showTools &&
              card.tools.map((tool) => (
                <span key={tool} class="tool-badge">
                  {toolById(tool)?.name ?? tool}
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

interface BodyProps {
  card: CardRecord;
  id: string;
  feedback?: CardFeedback;
  matchTerms?: MatchTerms;
  onKnownChange?: (card: CardRecord, known: boolean) => void;
}

function CardBody({ card, id, feedback, matchTerms, onKnownChange }: BodyProps) {
  const steps = useMemo(() => card.steps.map((step) => renderMarkdown(step)), [card.steps]);
  const { tabId, tabState } = usePanelTab();
  const stepList = useRef<HTMLOListElement>(null);

  // Matched words in the rendered steps are marked by splitting their text nodes afterwards.
  useLayoutEffect(() => {
    const list = stepList.current;
    if (!list) return;
    clearMarks(list);
    markMatches(list, matchTerms);
  }, [steps, matchTerms]);

  return (
    <div class="card__body" id={id}>
      <h4 class="visually-hidden">{t('stepsHeading')}</h4>
      <ol class="card__steps" ref={stepList}>
        {steps.map((html, index) => (
          <li key={index}>
            {/* Card text becomes HTML only through renderMarkdown, which sanitises it. */}
            <div class="card__step-text" dangerouslySetInnerHTML={{ __html: html }} />
            <ShowMeButton card={card} stepIndex={index} tabId={tabId} />
          </li>
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
                  <span class="link-host">{linkHost(link.url)}</span>
                  <span class="visually-hidden">{t('opensInNewTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <CardFeedbackBar card={card} id={id} feedback={feedback} onKnownChange={onKnownChange} />
      <CardFlagButtons card={card} tabState={tabState} />
    </div>
  );
}

/** "Was this helpful?" and "I know this": kept on this device only. */
function CardFeedbackBar({ card, id, feedback, onKnownChange }: Omit<BodyProps, 'matchTerms'>) {
  const [thanked, setThanked] = useState(false);
  const helpful = feedback?.helpful;
  const known = feedback?.known === true;
  const vote = (value: 'yes' | 'no') => {
    setThanked(true);
    setHelpful(card.key, value).catch((error: unknown) => console.error('Coachmark: could not save feedback', error));
  };
  const questionId = `${id}-helpful`;
  return (
    <div class="card__feedback">
      <div class="card__helpful" role="group" aria-labelledby={questionId}>
        <span id={questionId}>{t('cardHelpfulQuestion')}</span>
        <button type="button" aria-pressed={helpful === 'yes'} onClick={() => vote('yes')}>
          {t('cardHelpfulYes')}
        </button>
        <button type="button" aria-pressed={helpful === 'no'} onClick={() => vote('no')}>
          {t('cardHelpfulNo')}
        </button>
      </div>
      <span class="card__thanks" role="status">
        {thanked ? t('cardHelpfulThanks') : ''}
      </span>
      {onKnownChange && (
        <button type="button" class="card__known" onClick={() => onKnownChange(card, !known)}>
          {known ? t('cardStillNeed') : t('cardKnow')}
        </button>
      )}
    </div>
  );
}
