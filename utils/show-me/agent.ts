import { onMessage } from '../platform/messages';
import { countMatches, selectorCandidates } from './selector';
import { findTarget, reachableDocuments, waitForTarget } from './find';
import { drawHighlight, scrollIntoViewIfNeeded, type Highlight } from './highlight';
import { startPicker, type PickerSession } from './picker';
import { suggestLabel } from './label';
import type { PickResult, ShowTargetResult } from './types';

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

function createAgent(win: Window): () => void {
  const doc = win.document;
  let shown: { requestId: number; highlight: Highlight } | null = null;
  let waiting: { requestId: number; abort: AbortController } | null = null;
  let picking: { pickId: string; session: PickerSession; answer(result: PickResult | null): void } | null = null;

  const hide = (requestId?: number) => {
    if (waiting && (requestId === undefined || waiting.requestId === requestId)) {
      waiting.abort.abort();
      waiting = null;
    }
    if (shown && (requestId === undefined || shown.requestId === requestId)) {
      const { highlight } = shown;
      shown = null;
      highlight.hide();
    }
  };

  const show = async (request: {
    requestId: number;
    selectors: string[];
    label?: string;
    timeoutMs: number;
  }): Promise<ShowTargetResult> => {
    hide();
    const abort = new AbortController();
    const current = { requestId: request.requestId, abort };
    waiting = current;
    const result = await waitForTarget(doc, request.selectors, {
      timeoutMs: Math.max(0, Math.min(request.timeoutMs, MAX_WAIT_MS)),
      signal: abort.signal,
      skipFrame: hasOwnAgent,
    });
    // Hidden, or replaced by a newer request, while waiting.
    if (waiting !== current) return { found: false, reason: result.reason ?? 'missing' };
    waiting = null;
    if (!result.element) return { found: false, reason: result.reason ?? 'missing' };
    scrollIntoViewIfNeeded(result.element);
    const highlight = drawHighlight(result.element, {
      label: request.label,
      refind: () => findTarget(doc, request.selectors, { skipFrame: hasOwnAgent }).element,
      onDismiss: () => {
        if (shown?.highlight === highlight) shown = null;
      },
    });
    shown = { requestId: request.requestId, highlight };
    return { found: true };
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
            answer({ selectors: selectorCandidates(element), label: suggestLabel(element), tag: element.localName });
          } catch {
            answer(null);
          }
        },
        onCancel: () => answer(null),
      });
      picking = { pickId: request.pickId, session, answer };
    });

  const countAll = (selector: string): number | null => {
    let total = 0;
    for (const searched of reachableDocuments(doc, hasOwnAgent)) {
      const count = countMatches(searched, selector);
      if (count === null) return null;
      total += count;
    }
    return total;
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
    onMessage('backgroundCountsMatches', ({ data }) => {
      try {
        return data.selectors.map(countAll);
      } catch {
        return data.selectors.map(() => null);
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
