import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../platform/messages';
import { db, type CardRecord } from '../platform/db';
import { t } from '../platform/i18n';
import { showsOn } from '../platform/keys';
import { walkthroughItem } from '../platform/storage';
import { readTabState } from '../tabs/tab-state';
import { detect } from '../tools/detect';
import { targetLocators, type AnyLocator } from './locate';
import { recordTargetMiss } from '../gaps/target-misses';
import type { ShowTargetResult, TargetCheck, TargetPreview, ToolTab, WalkAction, WalkStepView, WalkthroughState } from './types';

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
    const card = await db.cards.get(data.cardKey);
    const target = card?.targets?.find((candidate) => candidate.step === data.step);
    if (!card || !target) return { found: false, reason: 'no-target' } satisfies ShowTargetResult;
    const result = await showInTab(data.tabId, { locators: targetLocators(target), label: target.label });
    if (result.reason === 'missing') await noteMiss(data.tabId, card, data.step);
    return result;
  });
  onMessage('panelHidesTarget', ({ data }) => hideInTab(data.tabId));
  onMessage('panelStartsWalkthrough', ({ data }) => walkthroughs.start(data.tabId, data.cardKey, data.step ?? 0));
  onMessage('panelStepsWalkthrough', ({ data }) => walkthroughs.act(data.tabId, data.action));
  onMessage('highlighterWalks', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) void walkthroughs.act(tabId, data.action, data.requestId);
  });
  onMessage('highlighterFoundStep', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) void walkthroughs.found(tabId, data.requestId);
  });
  onMessage('studioListsToolTabs', ({ data }) => listToolTabs(data.tools));
  onMessage('studioPreparesPicker', async ({ data }) => {
    const frames = await injectHighlighter(data.tabId);
    if (frames.length === 0) return { ok: false };
    await bringToFront(data.tabId);
    return { ok: true };
  });
  onMessage('studioPreviewsTarget', ({ data }) => previewInTab(data.tabId, data.locators, data.label, data.show));
  onMessage('studioChecksTargets', ({ data }) => checkInTab(data.tabId, data.targets));
  // A page load (not an in-page route change) drops the page's highlighter: show the step again.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') void walkthroughs.resume(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void walkthroughs.forget(tabId));
}

/**
 * A target not found on a page where its card applies is counted on this device, so that a
 * coach trying a pack sees which steps a vendor's release broke ("3 targets not found this week").
 */
async function noteMiss(tabId: number, card: CardRecord, step: number): Promise<void> {
  try {
    const detection = (await readTabState(tabId))?.detection ?? null;
    if (!detection || !showsOn(card.places, detection.tool, detection.context)) return;
    await recordTargetMiss({ cardKey: card.key, step, tool: detection.tool, context: detection.context });
  } catch (error) {
    console.warn('Coachmark: could not count a target not found', error);
  }
}

// ---------------------------------------------------------------------------------------------
// Walkthroughs: one per tab, its state in storage.session, each step shown in whichever frame
// has its element. Actions for a tab run one at a time, so a double click moves one step.

const walkthroughs = (() => {
  const queues = new Map<number, Promise<unknown>>();
  const inOrder = <T>(tabId: number, run: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).catch(() => {}).then(run);
    queues.set(tabId, next);
    void next.finally(() => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    });
    return next;
  };

  const read = async (tabId: number) => ((await walkthroughItem(tabId).getValue()) as WalkthroughState | null) ?? null;
  const save = (state: WalkthroughState) => walkthroughItem(state.tabId).setValue({ ...state, updatedAt: Date.now() });

  /** Shows the state's step on the page and keeps what the page answered. */
  const showStep = async (state: WalkthroughState): Promise<WalkthroughState | null> => {
    const card = await db.cards.get(state.cardKey);
    if (!card) return end(state);
    const step = Math.min(Math.max(state.step, 0), card.steps.length - 1);
    const target = card.targets?.find((candidate) => candidate.step === step);
    const locators = target ? targetLocators(target) : [];
    const requestId = nextRequestId++;
    let current: WalkthroughState = {
      ...state,
      step,
      total: card.steps.length,
      title: card.title,
      requestId,
      status: locators.length > 0 ? 'looking' : 'no-target',
    };
    await save(current);
    await hideInTab(state.tabId);
    const result = await showInTab(state.tabId, {
      requestId,
      locators,
      label: target?.label,
      walk: walkView(card, step),
      // A step without a target is shown alone, by the top frame.
      onlyTopFrame: locators.length === 0,
    });
    const latest = await read(state.tabId);
    if (latest?.requestId !== requestId) return latest;
    current = { ...latest, status: result.found ? 'found' : (result.reason ?? 'missing') };
    await save(current);
    return current;
  };

  const end = async (state: WalkthroughState): Promise<WalkthroughState> => {
    await hideInTab(state.tabId);
    const ended: WalkthroughState = { ...state, status: 'ended' };
    await save(ended);
    return ended;
  };

  return {
    start: (tabId: number, cardKey: string, step: number) =>
      inOrder(tabId, async () => {
        const card = await db.cards.get(cardKey);
        if (!card) return null;
        return showStep({
          tabId,
          cardKey,
          title: card.title,
          step,
          total: card.steps.length,
          status: 'looking',
          requestId: 0,
          updatedAt: Date.now(),
        });
      }),
    /** An action from the panel (any time) or the page (only for the step it shows). */
    act: (tabId: number, action: WalkAction, requestId?: number) =>
      inOrder(tabId, async () => {
        const state = await read(tabId);
        if (!state || state.status === 'ended') return state;
        if (requestId !== undefined && requestId !== state.requestId) return state;
        // A step left while its control was still missing (it may have been about to appear) counts as not found.
        if (state.status === 'missing') {
          const card = await db.cards.get(state.cardKey);
          if (card) await noteMiss(tabId, card, state.step);
        }
        if (action === 'done') return end(state);
        if (action === 'back') return state.step > 0 ? showStep({ ...state, step: state.step - 1 }) : state;
        return state.step < state.total - 1 ? showStep({ ...state, step: state.step + 1 }) : end(state);
      }),
    found: (tabId: number, requestId: number) =>
      inOrder(tabId, async () => {
        const state = await read(tabId);
        if (state?.requestId === requestId && state.status !== 'ended') await save({ ...state, status: 'found' });
      }),
    /** After a page load in the tab: the step again, unless the teacher went on to another tool. */
    resume: (tabId: number, url?: string) =>
      inOrder(tabId, async () => {
        const state = await read(tabId);
        if (!state || state.status === 'ended') return;
        const card = await db.cards.get(state.cardKey);
        const tool = url ? detect(url)?.tool : undefined;
        if (!card || (tool && !card.tools.includes(tool))) await end(state);
        else await showStep(state);
      }),
    forget: async (tabId: number) => {
      await walkthroughItem(tabId).removeValue();
    },
  };
})();

/** The step as the page shows it, with the words in the teacher's language. */
function walkView(card: CardRecord, index: number): WalkStepView {
  const total = card.steps.length;
  return {
    index,
    total,
    text: card.steps[index] ?? '',
    title: card.title,
    strings: {
      count: t('walkStepCount', [String(index + 1), String(total)]),
      name: t('walkCalloutName', card.title),
      back: t('walkBack'),
      skip: t('walkSkip'),
      next: t('walkNext'),
      done: t('walkDone'),
      end: t('walkEnd'),
      notFound: t('walkNotFoundOnPage'),
    },
  };
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

interface ShowRequest {
  /** The frames' request id; a walkthrough passes the one it keeps, so that the page's answers find their step. */
  requestId?: number;
  locators: AnyLocator[];
  label?: string;
  walk?: WalkStepView;
  onlyTopFrame?: boolean;
}

/** Finds and highlights the element in whichever frame has it; resolves when one frame found it or all gave up. */
async function showInTab(tabId: number, request: ShowRequest, timeoutMs = SHOW_TIMEOUT_MS): Promise<ShowTargetResult> {
  const injected = await injectHighlighter(tabId);
  if (injected.length === 0) return { found: false, reason: 'no-access' };
  const frames = request.onlyTopFrame ? injected.filter((frameId) => frameId === 0) : injected;
  if (frames.length === 0) return { found: false, reason: 'no-access' };
  const requestId = request.requestId ?? nextRequestId++;
  const { locators, label, walk } = request;
  return new Promise((resolve) => {
    let pending = frames.length;
    let sawHidden = false;
    let settled = false;
    const notFound = (): ShowTargetResult => ({
      found: false,
      reason: locators.length === 0 ? 'no-target' : sawHidden ? 'hidden' : 'missing',
    });
    const settle = (result: ShowTargetResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => settle(notFound()), timeoutMs + ANSWER_SLACK_MS);
    const hideIn = (frameId: number) => sendMessage('backgroundHidesTarget', { requestId }, { tabId, frameId }).catch(() => {});
    for (const frameId of frames) {
      sendMessage('backgroundShowsTarget', { requestId, locators, label, timeoutMs, walk }, { tabId, frameId })
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

/** Counts each locator's elements over all frames (null when its CSS is not valid) and optionally shows the match. */
async function previewInTab(tabId: number, locators: AnyLocator[], label: string | undefined, show: boolean): Promise<TargetPreview> {
  const [check] = (await checkInTab(tabId, [locators])) ?? [];
  if (!check) return { counts: locators.map(() => 0), shown: { found: false, reason: 'no-access' } };
  const counts = check.locators.map((locator) => locator.found);
  if (!show) return { counts, shown: { found: counts.some((count) => (count ?? 0) > 0) } };
  await bringToFront(tabId);
  // The coach previews what is on the page now: no long wait.
  return { counts, shown: await showInTab(tabId, { locators, label }, 500) };
}

const STATE_RANK: Record<TargetCheck['state'], number> = { missing: 0, hidden: 1, found: 2 };

/** Each target's state over all frames: found in one frame beats hidden beats missing; counts add up. */
async function checkInTab(tabId: number, targets: AnyLocator[][]): Promise<TargetCheck[] | null> {
  const frames = await injectHighlighter(tabId);
  if (frames.length === 0) return null;
  const perFrame = await Promise.all(
    frames.map((frameId) => sendMessage('backgroundChecksTargets', { targets }, { tabId, frameId }).catch(() => null)),
  );
  return targets.map((locators, index) => {
    const merged: TargetCheck = { state: 'missing', locators: locators.map(() => ({ found: 0, visible: 0 })) };
    for (const frame of perFrame) {
      const check = frame?.[index];
      if (!check) continue;
      if (STATE_RANK[check.state] > STATE_RANK[merged.state]) merged.state = check.state;
      check.locators.forEach((locator, l) => {
        const into = merged.locators[l];
        if (!into) return;
        into.found = into.found === null || locator.found === null ? null : into.found + locator.found;
        into.visible += locator.visible;
      });
    }
    return merged;
  });
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
