import { cardsOnPage } from '../cards/page-cards';
import { countOnThisPage } from '../cards/on-this-page';
import { db as defaultDb, type CardFeedback, type CardRecord, type CoachmarkDB } from '../platform/db';
import type { Detection } from '../tools/types';

/** The panel's "On this page" for a detection: its cards (one language variant each), the teacher's marks on them, and the count. */
export interface OnThisPage {
  cards: CardRecord[];
  marks: CardFeedback[];
  count: number;
}

/**
 * What the panel lists under "On this page" for this detection: the same read as the panel's
 * (the page's cards, one language variant each) and the count less the cards marked known.
 * Read-only, so it can run inside a live query.
 */
export async function readOnThisPage(detection: Detection, uiLanguage: string, database: CoachmarkDB = defaultDb): Promise<OnThisPage> {
  if (!detection.context) return { cards: [], marks: [], count: 0 };
  const cards = await cardsOnPage(detection.tool, detection.context, database, { uiLanguage });
  const marks = (await database.feedback.bulkGet(cards.map((card) => card.key))).filter((mark) => mark !== undefined);
  const byKey = new Map<string, CardFeedback>(marks.map((mark) => [mark.cardKey, mark]));
  return { cards, marks, count: countOnThisPage(cards, byKey) };
}

/** How many cards the badge shows: exactly what "On this page" lists. */
export async function readBadgeCount(detection: Detection, uiLanguage: string, database: CoachmarkDB = defaultDb): Promise<number> {
  return (await readOnThisPage(detection, uiLanguage, database)).count;
}
