import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { renderMarkdown } from '@/utils/cards/markdown';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { linkHost } from '@/utils/platform/format';
import type { CardLink } from '@/utils/cards/schema';
import type { MatchTerms } from '@/utils/search/text-terms';
import { clearMarks, markMatches } from '@/utils/search/marks';
import { ShowMeButton } from './ShowMeButton';
import { Walkthrough } from './Walkthrough';
import { useWalkthrough } from './use-walkthrough';
import { CardFeedbackMenu } from './CardFeedbackMenu';
import { SaveForCoaching } from './SaveForCoaching';
import { usePanelTab } from './panel-context';

const LINK_KIND_KEYS: Record<CardLink['kind'], MessageKey> = {
  video: 'linkKindVideo',
  article: 'linkKindArticle',
  help: 'linkKindHelp',
};

export interface CardBodyProps {
  card: CardRecord;
  id: string;
  feedback?: CardFeedback;
  matchTerms?: MatchTerms;
  onKnownChange?: (card: CardRecord, known: boolean) => void;
}

/**
 * An open card: its numbered steps (Markdown, sanitised), tutorials and the feedback menu. Its
 * own chunk with the Markdown renderer, loaded when a card is first opened, not for the list.
 */
export function CardBody({ card, id, feedback, matchTerms, onKnownChange }: CardBodyProps) {
  const steps = useMemo(() => card.steps.map((step) => renderMarkdown(step)), [card.steps]);
  const { tabId, tabState } = usePanelTab();
  const stepList = useRef<HTMLOListElement>(null);
  const walk = useWalkthrough(tabId);
  const currentStep = walk?.cardKey === card.key && walk.status !== 'ended' ? walk.step : null;

  // Matched words in the rendered steps are marked by splitting their text nodes afterwards.
  useLayoutEffect(() => {
    const list = stepList.current;
    if (!list) return;
    clearMarks(list);
    markMatches(list, matchTerms);
  }, [steps, matchTerms]);

  return (
    <div class="card__body" id={id}>
      {tabId !== null && <Walkthrough card={card} tabId={tabId} walk={walk} />}
      <h4 class="visually-hidden">{t('stepsHeading')}</h4>
      <ol class="card__steps" ref={stepList}>
        {steps.map((html, index) => (
          <li
            key={index}
            class={index === currentStep ? 'card__step--current' : undefined}
            aria-current={index === currentStep ? 'step' : undefined}
          >
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
      <SaveForCoaching target={{ kind: 'card', card }} what={card.title} id={`${id}-save`} />
      <CardFeedbackMenu card={card} id={id} feedback={feedback} onKnownChange={onKnownChange} tabState={tabState} />
    </div>
  );
}
