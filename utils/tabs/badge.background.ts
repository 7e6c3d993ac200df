import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { badgeText } from '../cards/on-this-page';
import type { Detection } from '../tools/types';
import { readOnThisPage } from './badge';
import { removeFirstScreen, saveFirstScreen } from './first-screen';
import { readTabState } from './tab-state';

const BADGE_COLOR = '#1f5fbf';

interface Watch {
  place: string;
  /** The count last shown, to show again after a navigation within the same page type. */
  count?: number;
  stop: () => void;
}

/** One live count per tab, for as long as the worker runs (restoreBadges picks them up again). */
const watches = new Map<number, Watch>();

/**
 * Shows on the toolbar, for this tab, how many cards "On this page" lists, and keeps it in step
 * as cards are added or removed and marked known or not: a live query over the page's cards and
 * their marks, so a change made in the panel, the studio or a pack sync updates it.
 */
export function showBadge(tabId: number, detection: Detection | null): void {
  const place = detection ? `${detection.tool}/${detection.context ?? '*'}` : '';
  const current = watches.get(tabId);
  if (current && current.place === place) {
    if (current.count !== undefined) void setBadge(tabId, current.count);
    return;
  }
  forgetBadge(tabId);
  if (!detection) {
    void setBadge(tabId, 0);
    return;
  }
  const watch: Watch = { place, stop: () => {} };
  const language = uiLanguage();
  const subscription = liveQuery(() => readOnThisPage(detection, language)).subscribe({
    next: ({ cards, marks, count }) => {
      watch.count = count;
      void setBadge(tabId, count);
      // The panel's first screen, ready before it opens (the same read as the count).
      saveFirstScreen(tabId, { place, language, cards, marks }).catch(() => {});
    },
    error: (error: unknown) => console.error('Coachmark: could not count the cards for the badge', error),
  });
  watch.stop = () => subscription.unsubscribe();
  watches.set(tabId, watch);
}

/** Stops keeping the tab's badge current (the tab closed). */
export function forgetBadge(tabId: number): void {
  watches.get(tabId)?.stop();
  watches.delete(tabId);
  removeFirstScreen(tabId).catch(() => {});
}

/**
 * The worker stops when idle and forgets its live counts; on start, each open tab's badge is
 * counted again from its stored state (cards may have changed meanwhile) and watched again.
 */
export async function restoreBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || watches.has(tab.id)) return;
      const state = await readTabState(tab.id);
      // A report that arrived meanwhile has set the badge from newer state.
      if (state && !watches.has(tab.id)) showBadge(tab.id, state.detection);
    }),
  );
}

async function setBadge(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: badgeText(count) });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed while counting.
  }
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
