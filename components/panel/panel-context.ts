import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TabState } from '@/utils/tabs/tab-state';

/** The tab the panel is about, for parts deep in a card ("Show me", "This card didn't help"). */
export interface PanelTab {
  tabId: number | null;
  tabState: TabState | null;
}

export const PanelTabContext = createContext<PanelTab>({ tabId: null, tabState: null });

export function usePanelTab(): PanelTab {
  return useContext(PanelTabContext);
}
