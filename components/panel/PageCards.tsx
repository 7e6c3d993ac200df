import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { CardView } from './CardView';
import { ComfortControl, useComfort } from './ComfortControl';
import { RECENT_SHOWN, loadRecentSnapshot, useRecentSnapshot } from './RecentlyViewed';
import { cardsForPage, type PageCards as PageCardLists } from '@/utils/cards/store';
import { db, type CardFeedback, type CardRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { feedbackByKey, getComfort, orderForComfort, setKnown, type Comfort } from '@/utils/cards/personal';
import { toolById } from '@/utils/tools/catalog';
import type { Detection } from '@/utils/tools/types';
import { browser } from 'wxt/browser';
import { putCardsFirst } from '@/utils/gaps/gaps';
import { useAddressingCardKeys } from './AddressedNotice';

/** A district library can hold hundreds of cards for one tool: show this many until asked. */
export const TOOL_LIST_LIMIT = 60;

/** Set once per panel page, when the first cards are on screen (read by the benchmark). */
let firstCardsMarked = false;

// Opening the database takes a while in a fresh page: start it while the panel is still
// reading which tab it is about. Queries wait for it (and report any error themselves).
db.open().catch(() => {});

type Section = 'page' | 'recent' | 'tool' | 'known';

/**
 * The cards for the page the teacher is on, then recently viewed ones, then the rest of the
 * tool's, ordered for the teacher's comfort level; cards they know go to a collapsed group at
 * the end. Reads only this tool's cards (by index), never the whole library.
 */
export function PageCards({ detection }: { detection: Detection }) {
  const { tool, context } = detection;
  const place = `${tool}/${context ?? '*'}`;
  const first = useFirstData(place, () => loadPageData(tool, context));
  const cards = useLiveQuery(() => cardsForPage(tool, context, db, { uiLanguage: uiLanguage() }), [tool, context]) ?? first?.cards;
  // A card that answered one of the teacher's flags comes first for a while.
  const addressing = useAddressingCardKeys(detection);
  const feedbackList = useLiveQuery(() => db.feedback.toArray(), []) ?? first?.feedback;
  const comfort = useComfort(tool) ?? first?.comfort;
  const recent = useRecentSnapshot(tool, place) ?? first?.recent;
  const [open, setOpen] = useState<string | null>(null);
  const [showKnown, setShowKnown] = useState(false);
  const [showAllTool, setShowAllTool] = useState(false);
  /** The card just marked known: its place in the list offers Undo. */
  const [undo, setUndo] = useState<CardRecord | null>(null);
  /** A card to focus once it is back in the list (after Undo or "I still need this"). */
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setOpen(null);
    setShowAllTool(false);
    setUndo(null);
  }, [tool, context]);

  const feedback = useMemo(() => feedbackByKey(feedbackList ?? []), [feedbackList]);
  const ready = cards !== undefined && feedbackList !== undefined && comfort !== undefined && recent !== undefined;

  const view = useMemo(() => {
    if (!ready) return null;
    // The card being undone keeps its place (as the Undo notice) while the rest reorder.
    const ordering = undo ? withoutKnown(feedback, undo.key) : feedback;
    const isKnown = (card: CardRecord) => feedback.get(card.key)?.known === true;
    const shown = (list: CardRecord[]) => list.filter((card) => !isKnown(card) || card.key === undo?.key);
    const page = putCardsFirst(shown(orderForComfort(cards.page, comfort, ordering)), addressing);
    const toolCards = putCardsFirst(shown(orderForComfort(cards.tool, comfort, ordering)), addressing);
    const pageKeys = new Set(cards.page.map((card) => card.key));
    const recentCards = recent.filter((card) => !pageKeys.has(card.key) && !isKnown(card) && card.key !== undo?.key).slice(0, RECENT_SHOWN);
    const known = orderForComfort([...cards.page, ...cards.tool].filter(isKnown), comfort, feedback);
    return { page, tool: toolCards, recent: recentCards, known };
  }, [ready, cards, feedback, comfort, recent, undo, addressing]);

  useLayoutEffect(() => {
    if (!view || firstCardsMarked) return;
    firstCardsMarked = true;
    try {
      performance.mark('coachmark:first-cards', { detail: { page: view.page.length, tool: view.tool.length } });
    } catch {
      // A diagnostic only.
    }
  }, [view]);

  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);

  useEffect(() => {
    if (!focusKey || !root.current) return;
    const toggle = findToggle(root.current, focusKey);
    if (toggle) {
      toggle.focus();
      setFocusKey(null);
    }
  }, [focusKey, view]);

  if (!view || !comfort) return <p class="status">{t('loading')}</p>;
  const toolName = toolById(tool)?.name ?? tool;

  const onKnownChange = (card: CardRecord, known: boolean) => {
    setOpen(null);
    setKnown(card.key, known).catch((error: unknown) => console.error('Coachmark: could not save', error));
    if (known) setUndo(card);
    else {
      setUndo(null);
      setFocusKey(card.key);
    }
  };
  const undoKnown = (card: CardRecord) => {
    setUndo(null);
    setFocusKey(card.key);
    setKnown(card.key, false).catch((error: unknown) => console.error('Coachmark: could not save', error));
  };

  const list = (section: Section, items: CardRecord[]) => (
    <ul class="card-list">
      {items.map((card) =>
        undo?.key === card.key && (section === 'page' || section === 'tool') ? (
          <li key={card.key}>
            <div class="notice undo-known" data-testid="known-undo">
              <span>{t('knownMoved', card.title)}</span>
              <button type="button" ref={undoButton} onClick={() => undoKnown(card)}>
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
              expanded={open === `${section}:${card.key}`}
              onToggle={() => setOpen((current) => (current === `${section}:${card.key}` ? null : `${section}:${card.key}`))}
              feedback={feedback.get(card.key)}
              onKnownChange={onKnownChange}
            />
          </li>
        ),
      )}
    </ul>
  );

  const toolShown = showAllTool ? view.tool : view.tool.slice(0, TOOL_LIST_LIMIT);
  return (
    <div class="page-cards" ref={root}>
      <ComfortControl tool={tool} toolName={toolName} comfort={comfort} />
      {context && (
        <section aria-labelledby="page-cards" data-testid="page-cards">
          <h2 id="page-cards" class="section-title">
            {t('onThisPage')}
          </h2>
          {view.page.length > 0 ? list('page', view.page) : <p class="empty">{t('noCardsForPage')}</p>}
        </section>
      )}
      {view.recent.length > 0 && (
        <section aria-labelledby="recent-cards" data-testid="recent-cards" class="recent">
          <h2 id="recent-cards" class="section-title">
            {t('recentlyViewed')}
          </h2>
          {list('recent', view.recent)}
        </section>
      )}
      {view.tool.length > 0 && (
        <section aria-labelledby="tool-cards" data-testid="tool-cards">
          <h2 id="tool-cards" class="section-title">
            {t('moreForTool', toolName)}
          </h2>
          {list('tool', toolShown)}
          {toolShown.length < view.tool.length && (
            <button type="button" class="show-more" onClick={() => setShowAllTool(true)}>
              {t('showAllToolCards', [String(view.tool.length), toolName])}
            </button>
          )}
        </section>
      )}
      {view.known.length > 0 && (
        <section aria-labelledby="known-cards" data-testid="known-cards" class="known">
          <h2 id="known-cards" class="section-title">
            {t('knownHeading')}
          </h2>
          <button
            type="button"
            class="known__toggle"
            aria-expanded={showKnown}
            aria-controls="known-cards-list"
            onClick={() => setShowKnown(!showKnown)}
          >
            {showKnown ? t('hideKnown') : t('showKnown', String(view.known.length))}
          </button>
          <div id="known-cards-list" hidden={!showKnown}>
            {showKnown && list('known', view.known)}
          </div>
        </section>
      )}
    </div>
  );
}

interface PageData {
  cards: PageCardLists;
  feedback: CardFeedback[];
  comfort: Comfort;
  recent: CardRecord[];
}

function loadPageData(tool: string, context: string | null): Promise<PageData> {
  return Promise.all([
    cardsForPage(tool, context, db, { uiLanguage: uiLanguage() }),
    db.feedback.toArray(),
    getComfort(tool),
    loadRecentSnapshot(tool),
  ]).then(([cards, feedback, comfort, recent]) => ({ cards, feedback, comfort, recent }));
}

/**
 * Everything the first screen needs, read as soon as the component first renders rather than
 * after the first paint, when effects (and so the live subscriptions) start: the teacher is
 * waiting for these cards. Later changes, and other pages, come from the subscriptions.
 */
function useFirstData(place: string, load: () => Promise<PageData>): PageData | undefined {
  const [data, setData] = useState<{ place: string; data: PageData } | undefined>(undefined);
  const alive = useRef(true);
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    // Resolves after this render is committed (promises settle after synchronous work).
    load().then(
      (value) => alive.current && setData({ place, data: value }),
      () => {
        // The subscriptions report their own errors.
      },
    );
  }
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  return data && data.place === place ? data.data : undefined;
}

function withoutKnown(feedback: ReadonlyMap<string, CardFeedback>, key: string): Map<string, CardFeedback> {
  const copy = new Map(feedback);
  const mark = copy.get(key);
  if (mark) copy.set(key, { ...mark, known: false });
  return copy;
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

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
