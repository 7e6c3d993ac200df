import type { CardFeedback, CardRecord } from '../platform/db';
import { firstScreenItem } from '../platform/storage';

/**
 * What the panel's first screen shows for a tab, kept by the background as it counts the
 * badge (the same read): the page's cards and the teacher's marks on them. Reading it from
 * session storage is a few milliseconds; opening the database in a fresh panel page is about
 * sixty. The panel's own live queries take over a moment later.
 */
export interface FirstScreen {
  /** `tool/context` */
  place: string;
  /** The browser language the cards' language variants were chosen for. */
  language: string;
  cards: CardRecord[];
  marks: CardFeedback[];
}

export async function readFirstScreen(tabId: number): Promise<FirstScreen | null> {
  const value = (await firstScreenItem(tabId).getValue()) as FirstScreen | null;
  return value && typeof value.place === 'string' && Array.isArray(value.cards) && Array.isArray(value.marks) ? value : null;
}

export async function saveFirstScreen(tabId: number, screen: FirstScreen): Promise<void> {
  await firstScreenItem(tabId).setValue(screen);
}

export async function removeFirstScreen(tabId: number): Promise<void> {
  await firstScreenItem(tabId).removeValue();
}
