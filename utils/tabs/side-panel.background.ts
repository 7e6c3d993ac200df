import { browser } from 'wxt/browser';

/**
 * The toolbar button opens the panel: Chrome's side panel (one per window, following the
 * active tab), Firefox's sidebar.
 */
export function setupSidePanel(): void {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) {
    (browser.action ?? browser.browserAction).onClicked.addListener(() => {
      void sidebar.toggle();
    });
  }
}

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
