import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useUndo } from '../hooks/use-undo';
import { ComfortControl } from './ComfortControl';
import { preloadCardBody } from './CardView';
import { PageCardList, type PageSection } from './PageCardList';
import { arrangePageCards } from './arrange-page-cards';
import { useAddressingCardKeys } from './use-addressing-card-keys';
import { usePageCardsData } from './use-page-cards-data';
import { usePanelTab } from './panel-context';
import { useWalkthrough } from './use-walkthrough';
import type { CardRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { feedbackByKey, setKnown } from '@/utils/cards/feedback';
import { toolName } from '@/utils/tools/names';
import { STARTER_PACK_ID } from '@/utils/cards/built-in';
import type { Detection } from '@/utils/tools/types';

/** A district library can hold hundreds of cards for one tool: show this many until asked. */
export const TOOL_LIST_LIMIT = 60;

/** Set once per panel page, when the first cards are on screen (read by the benchmark). */
let firstCardsMarked = false;

/**
 * The cards for the page the teacher is on, then recently viewed ones, then the rest of the
 * tool's, ordered for the teacher's comfort level; cards they know go to a collapsed group at
 * the end. Reads only this tool's cards (by index), never the whole library.
 */
export function PageCards({ detection }: { detection: Detection }) {
  const { tool, context } = detection;
  const { cards, feedback: feedbackList, comfort, recent, feedbackLive } = usePageCardsData(detection);
  // A card that answered one of the teacher's flags comes first for a while.
  const addressing = useAddressingCardKeys(detection);
  const [open, setOpen] = useState<string | null>(null);
  const [showKnown, setShowKnown] = useState(false);
  /** The tool's other cards: collapsed under "More for Canvas (29)" until asked. */
  const [showTool, setShowTool] = useState(false);
  const [showAllTool, setShowAllTool] = useState(false);
  /** A card to focus once it is back in the list (after Undo or "I still need this"). */
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** The card just marked known: its place in the list offers Undo. */
  const known = useUndo((card: CardRecord) => {
    setFocusKey(card.key);
    saveKnown(card, false);
  });
  const undoButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // A walkthrough goes on across the tool's pages: its card stays open where it is listed on the next one.
  const walk = useWalkthrough(usePanelTab().tabId);
  const walking = walk && walk.status !== 'ended' ? walk.cardKey : null;

  useEffect(() => {
    setOpen(walking ? `page:${walking}` : null);
    setShowTool(false);
    setShowAllTool(false);
    known.dismiss();
  }, [tool, context]);

  const feedback = useMemo(() => feedbackByKey(feedbackList ?? []), [feedbackList]);
  // The order comes from the marks as they were when this page opened: nothing moves under the pointer.
  // (Taken again once every mark is read: the first screen may carry only the page's.)
  const orderedBy = useMemo(() => (feedbackList ? feedback : undefined), [tool, context, feedbackList !== undefined, feedbackLive]);
  const ready = cards !== undefined && feedbackList !== undefined && comfort !== undefined && recent !== undefined;
  const undoKey = known.offered?.key;

  const view = useMemo(
    () =>
      ready ? arrangePageCards({ cards, feedback, comfort, recent, addressing, undoKey, orderedBy, builtInPack: STARTER_PACK_ID }) : null,
    [ready, cards, feedback, comfort, recent, undoKey, addressing, orderedBy],
  );

  useLayoutEffect(() => {
    if (!view || firstCardsMarked) return;
    firstCardsMarked = true;
    try {
      performance.mark('coachmark:first-cards', { detail: { page: view.page.length, tool: view.tool.length } });
    } catch {
      // A diagnostic only.
    }
    // The first card opened should not wait for the step renderer.
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => preloadCardBody());
  }, [view]);

  // In the same frame as the Undo button appears: the focus never passes through <body>.
  useLayoutEffect(() => {
    if (known.offered) undoButton.current?.focus();
  }, [known.offered]);

  useEffect(() => {
    if (!focusKey || !root.current) return;
    const toggle = findToggle(root.current, focusKey);
    if (toggle) {
      toggle.focus();
      setFocusKey(null);
    }
  }, [focusKey, view]);

  if (!view || !comfort) return <p class="status">{t('loading')}</p>;
  const toolLabel = toolName(tool);

  const onKnownChange = (card: CardRecord, isKnown: boolean) => {
    setOpen(null);
    saveKnown(card, isKnown);
    if (isKnown) known.offer(card);
    else {
      known.dismiss();
      // Back in its list, which is opened so the card (and the focus) can be seen there.
      setShowTool(true);
      setFocusKey(card.key);
    }
  };

  const list = (section: PageSection, items: CardRecord[]) => (
    <PageCardList
      section={section}
      cards={items}
      open={open}
      onToggle={(id) => setOpen((current) => (current === id ? null : id))}
      feedback={feedback}
      onKnownChange={onKnownChange}
      undoCard={known.offered}
      undoButton={undoButton}
      onUndo={() => void known.undo()}
    />
  );

  const toolShown = showAllTool ? view.tool : view.tool.slice(0, TOOL_LIST_LIMIT);
  return (
    <div class="page-cards" ref={root}>
      {context && (
        <CardSection id="page-cards" title={t('onThisPage')}>
          {view.page.length > 0 ? list('page', view.page) : <p class="empty">{t('noCardsForPage')}</p>}
        </CardSection>
      )}
      {view.recent.length > 0 && (
        <CardSection id="recent-cards" title={t('recentlyViewed')} class="recent">
          {list('recent', view.recent)}
        </CardSection>
      )}
      {view.tool.length > 0 && (
        <CardSection id="tool-cards" title={t('moreForTool', toolLabel)} class="tool-cards" hiddenTitle>
          <button
            type="button"
            class="section-toggle"
            aria-expanded={showTool}
            aria-controls="tool-cards-list"
            onClick={() => setShowTool(!showTool)}
          >
            {t('moreForToolToggle', [toolLabel, String(view.tool.length)])}
          </button>
          <div id="tool-cards-list" hidden={!showTool}>
            {showTool && list('tool', toolShown)}
            {showTool && toolShown.length < view.tool.length && (
              <button type="button" class="show-more" onClick={() => setShowAllTool(true)}>
                {tn('showAllToolCards', view.tool.length, toolLabel)}
              </button>
            )}
          </div>
        </CardSection>
      )}
      {view.known.length > 0 && (
        <CardSection id="known-cards" title={t('knownHeading')} class="known">
          <button
            type="button"
            class="known__toggle"
            aria-expanded={showKnown}
            aria-controls="known-cards-list"
            onClick={() => setShowKnown(!showKnown)}
          >
            {showKnown ? t('hideKnown') : tn('showKnown', view.known.length)}
          </button>
          <div id="known-cards-list" hidden={!showKnown}>
            {showKnown && list('known', view.known)}
          </div>
        </CardSection>
      )}
      <ComfortControl tool={tool} toolName={toolLabel} comfort={comfort} />
    </div>
  );
}

function saveKnown(card: CardRecord, known: boolean): void {
  setKnown(card.key, known).catch((error: unknown) => console.error('Coachmark: could not save', error));
}

/** The card's title button in the main lists (not the known group), if it is on screen. */
function findToggle(root: HTMLElement, key: string): HTMLElement | null {
  for (const article of Array.from(root.querySelectorAll<HTMLElement>('article[data-card-key]'))) {
    if (article.dataset.cardKey !== key || article.closest('[data-testid=known-cards]')) continue;
    const toggle = article.querySelector<HTMLElement>('.card__toggle');
    if (toggle) return toggle;
  }
  return null;
}

/** One titled list of the panel (this page, recently viewed, the tool, known cards); the id names its heading and test id. */
function CardSection({
  id,
  title,
  class: className,
  hiddenTitle,
  children,
}: {
  id: string;
  title: string;
  class?: string;
  /** The section's toggle says what it holds: the heading is for screen readers' heading list. */
  hiddenTitle?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={id} data-testid={id} class={className}>
      <h2 id={id} class={hiddenTitle ? 'visually-hidden' : 'section-title'}>
        {title}
      </h2>
      {children}
    </section>
  );
}
