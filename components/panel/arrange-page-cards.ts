import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { orderForComfort, type Comfort } from '@/utils/cards/comfort';
import type { PageCards as PageCardLists } from '@/utils/cards/page-cards';
import { putCardsFirst } from '@/utils/gaps/addressed-first';
import { notMarkedKnown } from '@/utils/cards/on-this-page';
import { RECENT_SHOWN } from './use-recent-snapshot';

export interface ArrangedCards {
  page: CardRecord[];
  tool: CardRecord[];
  recent: CardRecord[];
  known: CardRecord[];
}

interface Input {
  cards: PageCardLists;
  feedback: ReadonlyMap<string, CardFeedback>;
  comfort: Comfort;
  recent: CardRecord[];
  /** Cards that answered the teacher's flags: first in their list for a while. */
  addressing: readonly string[];
  /** The card just marked known, still offering Undo: it keeps its place. */
  undoKey?: string;
  /**
   * The marks the order is made from, when they are not the current ones: the panel passes
   * the marks as they were when the page was opened, so "didn't help" never moves a card
   * under the teacher's pointer (it counts from the next visit).
   */
  orderedBy?: ReadonlyMap<string, CardFeedback>;
  /** Cards of this pack (the built-in one) come after the school's own on the same page. */
  builtInPack?: string;
}

/**
 * The page's lists as the teacher sees them: each ordered for their comfort level, cards that
 * answered their flags first, known cards moved to their own group (except the one offering
 * Undo), and recently viewed cards not already on this page.
 */
export function arrangePageCards({ cards, feedback, comfort, recent, addressing, undoKey, orderedBy, builtInPack }: Input): ArrangedCards {
  // The card being undone keeps its place (as the Undo notice) while the rest reorder.
  const marks = orderedBy ?? feedback;
  const ordering = undoKey ? withoutKnown(marks, undoKey) : marks;
  const isKnown = (card: CardRecord) => feedback.get(card.key)?.known === true;
  // The toolbar badge counts the page's list with this same rule.
  const shown = (list: CardRecord[]) => notMarkedKnown(list, feedback, undoKey);
  const order = (list: CardRecord[]) =>
    putCardsFirst(shown(schoolFirst(orderForComfort(list, comfort, ordering), builtInPack)), addressing);
  const page = order(cards.page);
  const tool = order(cards.tool);
  const pageKeys = new Set(cards.page.map((card) => card.key));
  const recentCards = recent.filter((card) => !pageKeys.has(card.key) && !isKnown(card) && card.key !== undoKey).slice(0, RECENT_SHOWN);
  const known = orderForComfort([...cards.page, ...cards.tool].filter(isKnown), comfort, feedback);
  return { page, tool, recent: recentCards, known };
}

/** The school's own cards before the built-in ones, each group keeping its order. */
function schoolFirst(list: CardRecord[], builtInPack: string | undefined): CardRecord[] {
  if (!builtInPack) return list;
  return [...list.filter((card) => card.pack !== builtInPack), ...list.filter((card) => card.pack === builtInPack)];
}

function withoutKnown(feedback: ReadonlyMap<string, CardFeedback>, key: string): Map<string, CardFeedback> {
  const copy = new Map(feedback);
  const mark = copy.get(key);
  if (mark) copy.set(key, { ...mark, known: false });
  return copy;
}
