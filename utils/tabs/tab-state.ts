import { tabStateItem } from '../platform/storage';
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
  // The version mark goes too: tab ids are not reused within a session, so nothing would read it.
  await tabStateItem(tabId).removeValue({ removeMeta: true });
}

/** Calls back with the tab's state now and on every change; returns the unsubscribe. */
export function watchTabState(tabId: number, callback: (state: TabState | null) => void): () => void {
  const item = tabStateItem(tabId);
  let active = true;
  const stop = item.watch((state) => callback((state as TabState | null) ?? null));
  void item.getValue().then((state) => {
    if (active) callback((state as TabState | null) ?? null);
  });
  return () => {
    active = false;
    stop();
  };
}
