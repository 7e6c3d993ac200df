import type { CardFeedback, CardRecord } from '@/utils/platform/db';
import { orderForComfort, type Comfort } from '@/utils/cards/comfort';
import type { PageCards as PageCardLists } from '@/utils/cards/store';
import { putCardsFirst } from '@/utils/gaps/addressed-first';
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
}

/**
 * The page's lists as the teacher sees them: each ordered for their comfort level, cards that
 * answered their flags first, known cards moved to their own group (except the one offering
 * Undo), and recently viewed cards not already on this page.
 */
export function arrangePageCards({ cards, feedback, comfort, recent, addressing, undoKey }: Input): ArrangedCards {
  // The card being undone keeps its place (as the Undo notice) while the rest reorder.
  const ordering = undoKey ? withoutKnown(feedback, undoKey) : feedback;
  const isKnown = (card: CardRecord) => feedback.get(card.key)?.known === true;
  const shown = (list: CardRecord[]) => list.filter((card) => !isKnown(card) || card.key === undoKey);
  const page = putCardsFirst(shown(orderForComfort(cards.page, comfort, ordering)), addressing);
  const tool = putCardsFirst(shown(orderForComfort(cards.tool, comfort, ordering)), addressing);
  const pageKeys = new Set(cards.page.map((card) => card.key));
  const recentCards = recent.filter((card) => !pageKeys.has(card.key) && !isKnown(card) && card.key !== undoKey).slice(0, RECENT_SHOWN);
  const known = orderForComfort([...cards.page, ...cards.tool].filter(isKnown), comfort, feedback);
  return { page, tool, recent: recentCards, known };
}

function withoutKnown(feedback: ReadonlyMap<string, CardFeedback>, key: string): Map<string, CardFeedback> {
  const copy = new Map(feedback);
  const mark = copy.get(key);
  if (mark) copy.set(key, { ...mark, known: false });
  return copy;
}
