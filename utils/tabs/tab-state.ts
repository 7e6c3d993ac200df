import { forgetTabStateItem, tabStateItem, watchValue } from '../platform/storage';
import type { Detection } from '../tools/types';

/**
 * What each tab shows, kept in storage.session so it survives the service worker being
 * stopped, and so that extension pages can watch it without asking the background.
 */
export interface TabState {
  tabId: number;
  /** The page's URL as reported; kept on the device (storage.session is not synced). */
  url: string;
  detection: Detection | null;
  updatedAt: number;
}

export async function saveTabState(state: TabState): Promise<void> {
  await tabStateItem(state.tabId).setValue(state);
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  return ((await tabStateItem(tabId).getValue()) as TabState | null) ?? null;
}

export async function clearTabState(tabId: number): Promise<void> {
  // A version mark, should a later shape write one, goes too: tab ids are not reused within a session.
  await tabStateItem(tabId).removeValue({ removeMeta: true });
  forgetTabStateItem(tabId);
}

/** Calls back with the tab's state now and on every change; returns the unsubscribe. */
export function watchTabState(tabId: number, callback: (state: TabState | null) => void): () => void {
  return watchValue(tabStateItem(tabId), (state) => (state as TabState | null) ?? null, callback);
}
