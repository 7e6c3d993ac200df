import { cardsOnPage } from '../cards/page-cards';
import { countOnThisPage } from '../cards/on-this-page';
import { db as defaultDb, type CardFeedback, type CoachmarkDB } from '../platform/db';
import type { Detection } from '../tools/types';

/**
 * How many cards the panel lists under "On this page" for this detection: the same read as the
 * panel's (the page's cards, one language variant each) less the cards marked known. Read-only,
 * so it can run inside a live query.
 */
export async function readBadgeCount(detection: Detection, uiLanguage: string, database: CoachmarkDB = defaultDb): Promise<number> {
  if (!detection.context) return 0;
  const page = await cardsOnPage(detection.tool, detection.context, database, { uiLanguage });
  const marks = await database.feedback.bulkGet(page.map((card) => card.key));
  const byKey = new Map<string, CardFeedback>();
  for (const mark of marks) if (mark) byKey.set(mark.cardKey, mark);
  return countOnThisPage(page, byKey);
}
