import { browser } from 'wxt/browser';
import { onMessage } from '../platform/messages';
import { serialQueue } from '../platform/single-flight';
import { detect, detectReported } from '../tools/detect';
import { clearTabState, readTabState, saveTabState } from './tab-state';
import { forgetBadge, restoreBadges, showBadge } from './badge.background';
import type { Detection } from '../tools/types';

/**
 * A tab's URL change and its content script's report arrive close together and both rewrite the
 * tab's state; each update of one tab waits for the one before it, so they land in event order.
 */
const tabUpdates = serialQueue<number>();

/** Keeps each tab's detection and badge in step with what the teacher has open. */
export function setupTabTracking(): void {
  onMessage('contentReportsPage', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await tabUpdates.run(tabId, () => updateTab(tabId, data.url, detectReported(data.url, data.signature)));
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.url !== undefined) {
      // The URL is visible only where Coachmark has host access: catalogue hosts (host_permissions)
      // and school domains granted in the studio.
      const detection = detect(changeInfo.url);
      void tabUpdates.run(tabId, async () => {
        const previous = await readTabState(tabId);
        const sameOrigin = previous?.url && safeOrigin(previous.url) === safeOrigin(changeInfo.url!);
        // Self-hosted installs are recognised by the content script reading the page: keep its
        // verdict until it reports the new page.
        if (!detection && sameOrigin && previous?.detection) return;
        await updateTab(tabId, changeInfo.url!, detection);
      });
    } else if (changeInfo.status === 'loading' && tab.url === undefined) {
      // Navigated to a page Coachmark cannot see: not a tool.
      void tabUpdates.run(tabId, () => updateTab(tabId, '', null));
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetBadge(tabId);
    void tabUpdates.run(tabId, () => clearTabState(tabId));
  });

  restoreBadges().catch((error: unknown) => console.error('Coachmark: could not restore the toolbar badges', error));
}

async function updateTab(tabId: number, url: string, detection: Detection | null): Promise<void> {
  await saveTabState({ tabId, url, detection, updatedAt: Date.now() });
  showBadge(tabId, detection);
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
