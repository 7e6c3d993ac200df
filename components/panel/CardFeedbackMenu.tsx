import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import type { CardGapKind } from '@/utils/gaps/kinds';
import { setHelpful } from '@/utils/cards/feedback';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { t } from '@/utils/platform/i18n';
import type { TabState } from '@/utils/tabs/tab-state';
import { LazyFlagForm as FlagForm } from './lazy';
import { ReflectionPrompt } from './ReflectionPrompt';
import { usePanelTabId, useTabState } from './use-tab';

interface Props {
  card: CardRecord;
  /** Where the body's ids start (the card's body id). */
  id: string;
  feedback?: CardFeedback;
  /** Offers "I know this" (or "I still need this" on a known card). */
  onKnownChange?: (card: CardRecord, known: boolean) => void;
  /** The panel's tab; when left out, the flag form finds it itself (only once it is opened). */
  tabState?: TabState | null;
}

/**
 * One small "Feedback" menu per card: "This helped", "This card didn't help" (kept on this
 * device, and the flag form opens to tell the coach, if the teacher wants), "This card is out
 * of date" (the flag form) and "I know this". Marks never reorder the list while it is on screen.
 */
export function CardFeedbackMenu({ card, id, feedback, onKnownChange, tabState }: Props) {
  const [expanded, setExpanded] = useState(false);
  const [flag, setFlag] = useState<CardGapKind | null>(null);
  const [noted, setNoted] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);
  const menuId = `${id}-feedback`;
  const known = feedback?.known === true;

  useEffect(() => {
    if (expanded) firstItem.current?.focus();
  }, [expanded]);

  const mark = (value: 'yes' | 'no') => {
    setNoted(t('cardFeedbackNoted'));
    setHelpful(card.key, value).catch((error: unknown) => console.error('Coachmark: could not save feedback', error));
  };
  const choose = (action: () => void) => {
    setExpanded(false);
    action();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !expanded) return;
    event.preventDefault();
    event.stopPropagation();
    setExpanded(false);
    toggle.current?.focus();
  };

  return (
    <div class="card-feedback" onKeyDown={onKeyDown}>
      <div class="card-feedback__row">
        <button
          type="button"
          ref={toggle}
          class="card-feedback__toggle"
          aria-expanded={expanded}
          aria-controls={menuId}
          aria-label={t('cardFeedbackLabel', card.title)}
          onClick={() => setExpanded(!expanded)}
        >
          {t('cardFeedbackButton')} <span aria-hidden="true">▾</span>
        </button>
        <span class="card-feedback__noted" role="status">
          {noted ?? ''}
        </span>
      </div>
      <ul id={menuId} class="card-feedback__menu" hidden={!expanded}>
        <li>
          <button
            type="button"
            ref={firstItem}
            aria-pressed={feedback?.helpful === 'yes'}
            onClick={() =>
              choose(() => {
                mark('yes');
                setAsking(true);
              })
            }
          >
            {t('cardHelped')}
          </button>
        </li>
        <li>
          <button
            type="button"
            aria-pressed={feedback?.helpful === 'no'}
            aria-label={t('flagCardUnhelpfulLabel', card.title)}
            onClick={() =>
              choose(() => {
                mark('no');
                setFlag('unhelpful');
              })
            }
          >
            {t(GAP_KIND_LABEL_KEYS.unhelpful)}
          </button>
        </li>
        <li>
          <button type="button" aria-label={t('flagCardOutdatedLabel', card.title)} onClick={() => choose(() => setFlag('outdated'))}>
            {t(GAP_KIND_LABEL_KEYS.outdated)}
          </button>
        </li>
        {onKnownChange && (
          <li>
            <button type="button" class="card__known" onClick={() => choose(() => onKnownChange(card, !known))}>
              {known ? t('cardStillNeed') : t('cardKnow')}
            </button>
          </li>
        )}
      </ul>
      {asking && (
        <ReflectionPrompt
          card={card}
          id={id}
          source="helped"
          onDone={(saved) => {
            setAsking(false);
            if (saved) setNoted(t('planReflectionSaved'));
            toggle.current?.focus();
          }}
        />
      )}
      {flag && <CardFlagForm card={card} kind={flag} tabState={tabState} onDone={() => setFlag(null)} />}
    </div>
  );
}

function CardFlagForm({
  card,
  kind,
  tabState,
  onDone,
}: {
  card: CardRecord;
  kind: CardGapKind;
  tabState?: TabState | null;
  onDone: () => void;
}) {
  if (tabState !== undefined) return <FlagForm tabState={tabState} card={card} kind={kind} onDone={onDone} />;
  return <FlagFormForPanelTab card={card} kind={kind} onDone={onDone} />;
}

function FlagFormForPanelTab({ card, kind, onDone }: { card: CardRecord; kind: CardGapKind; onDone: () => void }) {
  const tabState = useTabState(usePanelTabId());
  if (tabState === undefined) return <p class="status">{t('loading')}</p>;
  return <FlagForm tabState={tabState} card={card} kind={kind} onDone={onDone} />;
}
