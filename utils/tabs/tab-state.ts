import { browser } from 'wxt/browser';
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

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function saveTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyOf(state.tabId)]: state });
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** Calls back with the tab's state now and on every change; returns the unsubscribe. */
export function watchTabState(tabId: number, callback: (state: TabState | null) => void): () => void {
  const key = keyOf(tabId);
  let active = true;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) callback((changes[key]?.newValue as TabState | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  void readTabState(tabId).then((state) => {
    if (active) callback(state);
  });
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
