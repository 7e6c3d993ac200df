import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTabState, watchTabState, type TabState } from '@/utils/tabs/tab-state';
import { readFirstScreen, type FirstScreen } from '@/utils/tabs/first-screen';
import { getComfort, type Comfort } from '@/utils/cards/comfort';

function pinnedTab(search: string): number | null {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null;
}

/** The tab, its state and its first screen as read before the first render (primePanelTab), if they were. */
let primed: { tabId: number | null; state: TabState | null; firstScreen: FirstScreen | null; comfort?: Comfort } | undefined;

/**
 * Reads the panel's tab, its state and the first screen the background keeps for it as the
 * page starts, so the first render already has them instead of waiting for an effect, a paint
 * and the database. Never rejects.
 */
export async function primePanelTab(search: string = location.search): Promise<void> {
  try {
    const tabId = pinnedTab(search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
    const [state, firstScreen] = tabId === null ? [null, null] : await Promise.all([readTabState(tabId), readFirstScreen(tabId)]);
    const tool = state?.detection?.tool;
    primed = { tabId, state, firstScreen: tool ? firstScreen : null, comfort: tool && firstScreen ? await getComfort(tool) : undefined };
  } catch {
    // The hooks below read it again.
  }
}

/**
 * The first screen kept for the panel's tab, once, if it is for this place and language: after
 * that the panel's live queries are the truth, and a later page of the tab is read afresh.
 */
export function takePrimedFirstScreen(place: string, language: string): { screen: FirstScreen; comfort: Comfort } | null {
  const screen = primed?.firstScreen ?? null;
  const comfort = primed?.comfort;
  if (primed) primed.firstScreen = null;
  return screen && comfort && screen.place === place && screen.language === language ? { screen, comfort } : null;
}

/**
 * The tab the panel is about: `?tab=<id>` when the panel page is opened as an ordinary tab,
 * otherwise the active tab of the panel's window, followed as the teacher switches tabs.
 */
export function usePanelTabId(search: string = location.search): number | null {
  const pinned = pinnedTab(search);
  const [tabId, setTabId] = useState<number | null>(() => pinned ?? primed?.tabId ?? null);

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
  const [state, setState] = useState<TabState | null | undefined>(() =>
    primed && primed.tabId === tabId && tabId !== null ? primed.state : undefined,
  );
  useEffect(() => {
    if (tabId === null) {
      setState(null);
      return;
    }
    // The primed state stands until the watcher's own read replaces it.
    if (!(primed && primed.tabId === tabId)) setState(undefined);
    return watchTabState(tabId, setState);
  }, [tabId]);
  return state;
}
