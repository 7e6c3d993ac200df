import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '../hooks/use-live-query';
import { cardsForPage, cardsOnPage, type PageCards as PageCardLists } from '@/utils/cards/page-cards';
import { db, type CardFeedback, type CardRecord } from '@/utils/platform/db';
import { getComfort, type Comfort } from '@/utils/cards/comfort';
import type { Detection } from '@/utils/tools/types';
import { useComfort } from './use-comfort';
import { takePrimedFirstScreen } from './use-tab';
import { loadRecentSnapshot, useRecentSnapshot } from './use-recent-snapshot';

// Opening the database takes a while in a fresh page: start it while the panel is still
// reading which tab it is about. Queries wait for it (and report any error themselves).
db.open().catch(() => {});

export interface PageCardsData {
  cards: PageCardLists;
  feedback: CardFeedback[];
  comfort: Comfort;
  recent: CardRecord[];
}

/**
 * What the page's card lists are made of, kept current: the page's and the tool's cards, the
 * teacher's feedback and comfort level, and the recently viewed snapshot. Each part is
 * undefined until it is read.
 */
export function usePageCardsData({ tool, context }: Detection): Partial<PageCardsData> & { feedbackLive: boolean } {
  const place = `${tool}/${context ?? '*'}`;
  const first = useFirstData(place, () => primedPageData(place) ?? loadPageData(tool, context));
  const cards = useLiveQuery(() => cardsForPage(tool, context, db, { uiLanguage: uiLanguage() }), [tool, context]) ?? first?.cards;
  const liveFeedback = useLiveQuery(() => db.feedback.toArray(), []);
  const comfort = useComfort(tool) ?? first?.comfort;
  const recent = useRecentSnapshot(tool, place) ?? first?.recent;
  return { cards, feedback: liveFeedback ?? first?.feedback, comfort, recent, feedbackLive: liveFeedback !== undefined };
}

/**
 * The first screen the background kept for this tab, when it is for this page: the page's
 * cards and the marks on them, with nothing recently viewed yet and the tool's other cards to
 * follow (they are collapsed under "More for …").
 */
function primedPageData(place: string): PageCardsData | null {
  const primed = takePrimedFirstScreen(place, uiLanguage());
  if (!primed) return null;
  markPageData();
  return { cards: { page: primed.screen.cards, tool: [] }, feedback: primed.screen.marks, comfort: primed.comfort, recent: [] };
}

/**
 * The first screen: the page's own cards (by index, not the tool's whole list, which is
 * collapsed under "More for …" and arrives with the live query a moment later).
 */
function loadPageData(tool: string, context: string | null): Promise<PageCardsData> {
  return Promise.all([
    cardsOnPage(tool, context, db, { uiLanguage: uiLanguage() }).then((page) => ({ page, tool: [] })),
    db.feedback.toArray(),
    getComfort(tool),
    loadRecentSnapshot(tool),
  ]).then(([cards, feedback, comfort, recent]) => {
    markPageData();
    return { cards, feedback, comfort, recent };
  });
}

/** When the first screen's data is in hand (read by the benchmark). */
function markPageData(): void {
  try {
    performance.mark('coachmark:page-data');
  } catch {
    // A diagnostic only.
  }
}

/**
 * Everything the first screen needs, read as soon as the component first renders rather than
 * after the first paint, when effects (and so the live subscriptions) start: the teacher is
 * waiting for these cards. Later changes, and other pages, come from the subscriptions.
 */
function useFirstData(place: string, load: () => PageCardsData | Promise<PageCardsData>): PageCardsData | undefined {
  const [data, setData] = useState<{ place: string; data: PageCardsData } | undefined>(undefined);
  const alive = useRef(true);
  const started = useRef<{ place: string; data: PageCardsData } | null | undefined>(undefined);
  if (started.current === undefined) {
    const loaded = load();
    // Kept by the background: on screen in this very render.
    started.current = loaded instanceof Promise ? null : { place, data: loaded };
    // Resolves after this render is committed (promises settle after synchronous work).
    if (loaded instanceof Promise)
      loaded.then(
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
  const current = data ?? started.current ?? undefined;
  return current && current.place === place ? current.data : undefined;
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
