import { onMessage, sendMessage } from '../platform/messages';
import { pickCandidates } from './selector';
import { findTarget, isVisible, reachableDocuments, waitForTarget } from './find';
import { drawFloatingCallout, drawHighlight, scrollIntoViewIfNeeded, windowsAbove, type Highlight } from './highlight';
import { buildCallout } from './callout';
import { locateAll, type AnyLocator } from './locate';
import { startPicker, type PickerSession } from './picker';
import { suggestLabel } from './label';
import type { LocatorCheck, PickResult, ShowTargetResult, TargetCheck, WalkAction, WalkStepView } from './types';

/**
 * The highlighter's side of the protocol, one per frame: shows and hides the highlight, counts
 * matches, runs the picker. It runs inside pages Coachmark does not control, so every handler
 * catches its own errors and answers with a result instead of throwing into the page.
 */

/** Where a frame keeps its agent (in the extension's isolated world, invisible to the page). */
const AGENT_KEY = '__coachmarkShowMe';
/** A frame never waits longer than this, whatever the message asks. */
const MAX_WAIT_MS = 3_000;

interface AgentHandle {
  /** The extension runtime that installed it: a reloaded extension installs a fresh agent. */
  runtime: unknown;
  dispose(): void;
}

type Holder = Record<string, AgentHandle | undefined>;

/**
 * Same-origin child frames that run their own agent search and highlight themselves; the
 * parent searches only those that do not (frames the browser would not inject into).
 */
function hasOwnAgent(frame: HTMLIFrameElement | HTMLFrameElement): boolean {
  try {
    return Boolean((frame.contentWindow as unknown as Holder | null)?.[AGENT_KEY]);
  } catch {
    return false;
  }
}

/** Installs the agent in this frame once; injecting the script again is harmless. */
export function installShowMeAgent(win: Window = window): void {
  const holder = win as unknown as Holder;
  const runtime = (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime;
  const existing = holder[AGENT_KEY];
  if (existing && existing.runtime === runtime) return;
  try {
    existing?.dispose();
  } catch {
    // The previous extension instance is gone; its listeners went with it.
  }
  holder[AGENT_KEY] = { runtime, dispose: createAgent(win) };
}

/** How long a walkthrough step keeps watching for its element after the first answer (a route change, a dialog). */
const WALK_WATCH_MS = 10 * 60_000;

interface Shown {
  requestId: number;
  abort: AbortController;
  highlight?: Highlight;
  floating?: { hide(): void };
  cleanups: Array<() => void>;
}

function createAgent(win: Window): () => void {
  const doc = win.document;
  let shown: Shown | null = null;
  let picking: { pickId: string; session: PickerSession; answer(result: PickResult | null): void } | null = null;

  const clear = (entry: Shown) => {
    entry.abort.abort();
    for (const cleanup of entry.cleanups.splice(0)) cleanup();
    entry.floating?.hide();
    entry.floating = undefined;
    const highlight = entry.highlight;
    entry.highlight = undefined;
    highlight?.hide();
  };

  const hide = (requestId?: number) => {
    if (shown && (requestId === undefined || shown.requestId === requestId)) {
      const entry = shown;
      shown = null;
      clear(entry);
    }
  };

  /** Only the browser's own events count: a page cannot fake the teacher's click or Escape. */
  const listenTrusted = (entry: Shown, type: string, handler: (event: Event) => void) => {
    for (const view of windowsAbove(win)) {
      const safe = (event: Event) => {
        if (!event.isTrusted || shown !== entry) return;
        try {
          handler(event);
        } catch {
          // Never into the page's event.
        }
      };
      view.addEventListener(type, safe, { capture: true, passive: true });
      entry.cleanups.push(() => view.removeEventListener(type, safe, { capture: true }));
    }
  };

  const walkAction = (entry: Shown, action: WalkAction) => {
    if (shown !== entry) return;
    if (action === 'done') hide(entry.requestId);
    sendMessage('highlighterWalks', { requestId: entry.requestId, action }).catch(() => {});
  };

  type ShowRequest = { requestId: number; locators: AnyLocator[]; label?: string; timeoutMs: number; walk?: WalkStepView };

  /** Rings the element; in a walkthrough, with the step's callout, advancing when the teacher presses the element. */
  const present = (entry: Shown, request: ShowRequest, element: Element) => {
    entry.floating?.hide();
    entry.floating = undefined;
    scrollIntoViewIfNeeded(element);
    const walk = request.walk;
    const highlight = drawHighlight(element, {
      label: request.label,
      callout: walk ? buildCallout(doc, walk, { onAction: (action) => walkAction(entry, action) }) : undefined,
      persistent: Boolean(walk),
      refind: () => findTarget(doc, request.locators, { skipFrame: hasOwnAgent }).element,
      onDismiss: (reason) => {
        if (entry.highlight !== highlight) return;
        entry.highlight = undefined;
        if (!walk) {
          if (shown === entry) shown = null;
          return;
        }
        // The page replaced or removed it (a route change): watch for it again.
        if (reason === 'gone' && shown === entry) void watch(entry, request, true);
      },
    });
    entry.highlight = highlight;
  };

  /** Waits for the element; in a walkthrough, keeps watching after answering, with the step alone in the corner meanwhile. */
  const watch = async (entry: Shown, request: ShowRequest, again = false): Promise<ShowTargetResult> => {
    const first = await waitForTarget(doc, request.locators, {
      timeoutMs: again ? 0 : Math.max(0, Math.min(request.timeoutMs, MAX_WAIT_MS)),
      signal: entry.abort.signal,
      skipFrame: hasOwnAgent,
    });
    if (shown !== entry) return { found: false, reason: first.reason ?? 'missing' };
    if (first.element) {
      present(entry, request, first.element);
      return { found: true };
    }
    const walk = request.walk;
    if (!walk) {
      shown = null;
      return { found: false, reason: first.reason ?? 'missing' };
    }
    const noTarget = request.locators.length === 0;
    if (win.top === win && !entry.floating) {
      const callout = buildCallout(doc, walk, { notFound: !noTarget, onAction: (action) => walkAction(entry, action) });
      entry.floating = drawFloatingCallout(doc, callout);
    }
    if (!noTarget) {
      void waitForTarget(doc, request.locators, { timeoutMs: WALK_WATCH_MS, signal: entry.abort.signal, skipFrame: hasOwnAgent }).then(
        (later) => {
          if (shown !== entry || !later.element) return;
          present(entry, request, later.element);
          sendMessage('highlighterFoundStep', { requestId: entry.requestId }).catch(() => {});
        },
      );
    }
    return { found: false, reason: noTarget ? 'no-target' : (first.reason ?? 'missing') };
  };

  const show = async (request: ShowRequest): Promise<ShowTargetResult> => {
    hide();
    const entry: Shown = { requestId: request.requestId, abort: new AbortController(), cleanups: [] };
    shown = entry;
    if (request.walk) {
      // Pressing the step's own control is doing the step: on to the next one.
      listenTrusted(entry, 'click', (event) => {
        const element = entry.highlight?.element;
        if (element && event.composedPath().includes(element)) walkAction(entry, 'clicked');
      });
      listenTrusted(entry, 'keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape') walkAction(entry, 'done');
      });
    }
    return watch(entry, request);
  };

  const stopPicking = (pickId?: string) => {
    if (picking && (pickId === undefined || picking.pickId === pickId)) picking.answer(null);
  };

  const pick = (request: { pickId: string; hint: string }) =>
    new Promise<PickResult | null>((resolve) => {
      stopPicking();
      hide();
      const answer = (result: PickResult | null) => {
        if (picking?.pickId !== request.pickId) return;
        const { session } = picking;
        picking = null;
        session.stop();
        resolve(result);
      };
      const session = startPicker(doc, {
        // One hint, in the top frame; frames inside it pick silently.
        hint: win.top === win ? request.hint : '',
        onPick: (element) => {
          try {
            answer({ ...pickCandidates(element), label: suggestLabel(element), tag: element.localName });
          } catch {
            answer(null);
          }
        },
        onCancel: () => answer(null),
      });
      picking = { pickId: request.pickId, session, answer };
    });

  /** Each locator's elements in this frame and its same-origin frames without an agent of their own. */
  const checkLocator = (locator: AnyLocator): LocatorCheck => {
    try {
      const found = locateAll(reachableDocuments(doc, hasOwnAgent), locator);
      return { found: found.length, visible: found.filter(isVisible).length };
    } catch {
      return { found: null, visible: 0 };
    }
  };

  const checkTarget = (locators: AnyLocator[]): TargetCheck => {
    const checks = locators.map(checkLocator);
    const state = checks.some((check) => check.visible > 0)
      ? 'found'
      : checks.some((check) => (check.found ?? 0) > 0)
        ? 'hidden'
        : 'missing';
    return { state, locators: checks };
  };

  const unsubscribers = [
    onMessage('backgroundShowsTarget', async ({ data }) => {
      try {
        return await show(data);
      } catch {
        return { found: false, reason: 'missing' } satisfies ShowTargetResult;
      }
    }),
    onMessage('backgroundHidesTarget', ({ data }) => {
      try {
        hide(data.requestId);
      } catch {
        // Nothing to report: the highlight is gone either way.
      }
    }),
    onMessage('backgroundChecksTargets', ({ data }) => {
      try {
        return data.targets.map(checkTarget);
      } catch {
        return data.targets.map((locators) => ({ state: 'missing' as const, locators: locators.map(() => ({ found: 0, visible: 0 })) }));
      }
    }),
    onMessage('studioPicksElement', async ({ data }) => {
      try {
        return await pick(data);
      } catch {
        return null;
      }
    }),
    onMessage('studioStopsPicker', ({ data }) => {
      try {
        stopPicking(data.pickId);
      } catch {
        // Already stopped.
      }
    }),
  ];

  return () => {
    hide();
    stopPicking();
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
