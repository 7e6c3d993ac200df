import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { watchTabState, type TabState } from '@/utils/tab-state';

/**
 * The tab the panel is about: `?tab=<id>` when the panel page is opened as an ordinary tab,
 * otherwise the active tab of the panel's window, followed as the teacher switches tabs.
 */
export function usePanelTabId(search: string = location.search): number | null {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  const pinned = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null;
  const [tabId, setTabId] = useState<number | null>(pinned);

  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  return tabId;
}

/** The tab's state, or undefined while it is being read. */
export function useTabState(tabId: number | null): TabState | null | undefined {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) {
      setState(null);
      return;
    }
    setState(undefined);
    return watchTabState(tabId, setState);
  }, [tabId]);
  return state;
}
