import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../platform/messages';
import { db } from '../platform/db';
import { readTabState } from '../tabs/tab-state';
import type { ShowTargetResult, TargetPreview, ToolTab } from './types';

/**
 * "Show me" and "Pick on page" from the background: the highlighter (/highlighter.js) is
 * injected into a tab's frames only when asked, so the content script stays small. Every
 * frame Coachmark may script gets it (same-origin frames, and cross-origin ones on granted
 * hosts); each searches its own document, and the first frame that finds the element answers.
 */

/** How long a frame waits for the element to appear before saying it is not there. */
const SHOW_TIMEOUT_MS = 3_000;
/** Slack on top of the frames' own wait, for a frame that never answers (it navigated away). */
const ANSWER_SLACK_MS = 1_500;
const HIGHLIGHTER_FILE = '/highlighter.js';

let nextRequestId = Math.floor(Math.random() * 1_000_000);

export function setupShowMe(): void {
  onMessage('panelShowsTarget', async ({ data }) => {
    const target = await targetOf(data.cardKey, data.step);
    if (!target) return { found: false, reason: 'no-target' } satisfies ShowTargetResult;
    return showInTab(data.tabId, target.selectors, target.label);
  });
  onMessage('panelHidesTarget', ({ data }) => hideInTab(data.tabId));
  onMessage('studioListsToolTabs', ({ data }) => listToolTabs(data.tools));
  onMessage('studioPreparesPicker', async ({ data }) => {
    const frames = await injectHighlighter(data.tabId);
    if (frames.length === 0) return { ok: false };
    await bringToFront(data.tabId);
    return { ok: true };
  });
  onMessage('studioPreviewsTarget', ({ data }) => previewInTab(data.tabId, data.selectors, data.label, data.show));
}

/** The step's target from the stored card (the panel sends only the card's key). */
async function targetOf(cardKey: string, step: number): Promise<{ selectors: string[]; label?: string } | null> {
  const card = await db.cards.get(cardKey);
  const target = card?.targets?.find((candidate) => candidate.step === step);
  return target ? { selectors: target.selectors, label: target.label } : null;
}

/**
 * Loads the highlighter into every frame of the tab that Coachmark may script; returns their
 * frame ids, empty when it may not script the page at all. Loading it again is harmless.
 */
async function injectHighlighter(tabId: number): Promise<number[]> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [HIGHLIGHTER_FILE] });
    // Firefox reports a frame that refused the script with `error`; Chrome leaves such frames out.
    const injected = results.filter((result) => !(result as { error?: unknown }).error);
    return [...new Set(injected.map((result) => result.frameId))];
  } catch {
    // No host permission (or a browser page, or the tab closed).
    return [];
  }
}

/** Finds and highlights the element in whichever frame has it; resolves when one frame found it or all gave up. */
async function showInTab(tabId: number, selectors: string[], label?: string, timeoutMs = SHOW_TIMEOUT_MS): Promise<ShowTargetResult> {
  const frames = await injectHighlighter(tabId);
  if (frames.length === 0) return { found: false, reason: 'no-access' };
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    let pending = frames.length;
    let sawHidden = false;
    let settled = false;
    const notFound = (): ShowTargetResult => ({ found: false, reason: sawHidden ? 'hidden' : 'missing' });
    const settle = (result: ShowTargetResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => settle(notFound()), timeoutMs + ANSWER_SLACK_MS);
    const hideIn = (frameId: number) => sendMessage('backgroundHidesTarget', { requestId }, { tabId, frameId }).catch(() => {});
    for (const frameId of frames) {
      sendMessage('backgroundShowsTarget', { requestId, selectors, label, timeoutMs }, { tabId, frameId })
        .catch((): ShowTargetResult => ({ found: false, reason: 'missing' }))
        .then((result) => {
          if (result?.found) {
            // One highlight per page: the first frame to find it keeps it.
            if (settled) {
              void hideIn(frameId);
              return;
            }
            settle({ found: true });
            for (const other of frames) if (other !== frameId) void hideIn(other);
            return;
          }
          if (result?.reason === 'hidden') sawHidden = true;
          pending -= 1;
          if (pending === 0) settle(notFound());
        });
    }
  });
}

/** Takes the highlight off every frame of the tab (frames without the highlighter ignore it). */
async function hideInTab(tabId: number): Promise<void> {
  await sendMessage('backgroundHidesTarget', {}, tabId).catch(() => {});
}

/** Counts each selector's matches over all frames (null when any frame finds it invalid) and optionally shows the match. */
async function previewInTab(tabId: number, selectors: string[], label: string | undefined, show: boolean): Promise<TargetPreview> {
  const frames = await injectHighlighter(tabId);
  if (frames.length === 0) return { counts: selectors.map(() => 0), shown: { found: false, reason: 'no-access' } };
  const perFrame = await Promise.all(
    frames.map((frameId) => sendMessage('backgroundCountsMatches', { selectors }, { tabId, frameId }).catch(() => null)),
  );
  const counts = selectors.map((_, index) => {
    let total = 0;
    for (const frameCounts of perFrame) {
      if (!frameCounts) continue;
      const count = frameCounts[index];
      if (count === null) return null;
      total += count ?? 0;
    }
    return total;
  });
  if (!show) return { counts, shown: { found: counts.some((count) => (count ?? 0) > 0) } };
  await bringToFront(tabId);
  // The coach previews what is on the page now: no long wait.
  return { counts, shown: await showInTab(tabId, selectors, label, 500) };
}

/** Open tabs whose page is a known tool (optionally only these tools), in tab order. */
async function listToolTabs(tools?: string[]): Promise<ToolTab[]> {
  const found: ToolTab[] = [];
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    const state = await readTabState(tab.id);
    const detection = state?.detection;
    if (!detection || (tools && tools.length > 0 && !tools.includes(detection.tool))) continue;
    found.push({
      tabId: tab.id,
      title: tab.title ?? '',
      url: state.url || tab.url || '',
      tool: detection.tool,
      context: detection.context,
    });
  }
  return found;
}

/** Shows the tab to the coach: picking and previewing happen on the page, not in the studio. */
async function bringToFront(tabId: number): Promise<void> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // The tab closed; the next message says so.
  }
}
