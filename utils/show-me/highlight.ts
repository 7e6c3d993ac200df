import { createOverlay } from './overlay';

/**
 * The "show me" highlight: a ring around the element and the step's label beside it, drawn in
 * the element's own document, following it as the page scrolls, resizes or re-lays out, and
 * gone on the teacher's Escape or next click.
 */

export type DismissReason = 'escape' | 'click' | 'gone' | 'removed';

export interface HighlightOptions {
  label?: string;
  /** Finds the element again when the page replaced it (a re-render); null when it is gone. */
  refind?: () => Element | null;
  onDismiss?: (reason: DismissReason) => void;
}

export interface Highlight {
  readonly element: Element;
  /** Measures and places the ring now (it also does so by itself on scroll, resize and layout changes). */
  update(): void;
  hide(): void;
}

/** Space between the element and the ring, and between the ring and the label. */
const RING_PADDING = 4;
const LABEL_GAP = 8;
const VIEWPORT_MARGIN = 8;
export const RING_COLOR = '#1f5fbf';

const STYLES = `
.ring {
  position: fixed; left: 0; top: 0; width: 0; height: 0; box-sizing: border-box; margin: 0;
  border: 3px solid ${RING_COLOR}; border-radius: 6px;
  box-shadow: 0 0 0 2px #ffffff, 0 0 0 6px rgba(31, 95, 191, 0.35);
  pointer-events: none; animation: coachmark-pulse 1.1s ease-out 3;
}
@keyframes coachmark-pulse {
  from { box-shadow: 0 0 0 2px #ffffff, 0 0 0 2px rgba(31, 95, 191, 0.7); }
  to { box-shadow: 0 0 0 2px #ffffff, 0 0 0 16px rgba(31, 95, 191, 0); }
}
.label {
  position: fixed; left: 0; top: 0; box-sizing: border-box; margin: 0;
  max-width: min(300px, calc(100vw - ${2 * VIEWPORT_MARGIN}px)); padding: 4px 10px; border-radius: 6px;
  background: ${RING_COLOR}; color: #ffffff; text-align: start; white-space: normal; overflow-wrap: anywhere;
  font: 600 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: normal;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); pointer-events: none;
}
@media (prefers-reduced-motion: reduce) { .ring { animation: none; } }
@media (forced-colors: active) {
  .ring { border-color: Highlight; box-shadow: none; }
  .label { border: 2px solid CanvasText; }
}
`;

function viewportOf(doc: Document): { width: number; height: number } {
  const win = doc.defaultView;
  return {
    width: doc.documentElement.clientWidth || win?.innerWidth || 0,
    height: doc.documentElement.clientHeight || win?.innerHeight || 0,
  };
}

/** Scrolls the element to the middle of the view unless it is already fully in view. */
export function scrollIntoViewIfNeeded(element: Element): void {
  const rect = element.getBoundingClientRect();
  const view = viewportOf(element.ownerDocument);
  if (rect.top >= 0 && rect.left >= 0 && rect.bottom <= view.height && rect.right <= view.width) return;
  const reduceMotion = element.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
}

/** The windows whose keys and clicks dismiss the highlight: the element's and its same-origin parents'. */
function windowsAbove(win: Window): Window[] {
  const windows = [win];
  for (let current = win; current.parent !== current; current = current.parent) {
    try {
      // Reading a property throws for a cross-origin parent: stop there.
      void current.parent.document;
      windows.push(current.parent);
    } catch {
      break;
    }
  }
  return windows;
}

function setBox(node: HTMLElement, left: number, top: number, width?: number, height?: number): void {
  node.style.setProperty('left', `${Math.round(left)}px`);
  node.style.setProperty('top', `${Math.round(top)}px`);
  if (width !== undefined) node.style.setProperty('width', `${Math.round(width)}px`);
  if (height !== undefined) node.style.setProperty('height', `${Math.round(height)}px`);
}

export function drawHighlight(element: Element, options: HighlightOptions = {}): Highlight {
  let target = element;
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  if (!win) throw new Error('the element is not in a window');
  const overlay = createOverlay(doc, STYLES);
  const ring = doc.createElement('div');
  ring.className = 'ring';
  overlay.root.append(ring);
  let label: HTMLElement | null = null;
  if (options.label) {
    label = doc.createElement('div');
    label.className = 'label';
    label.dir = 'auto';
    label.textContent = options.label;
    overlay.root.append(label);
  }

  let removed = false;
  let frame = 0;
  const cleanups: Array<() => void> = [];
  // Runs inside someone else's page: a failure takes the highlight down, never the page's event.
  const guarded = (run: () => void) => {
    try {
      run();
    } catch {
      dismiss('removed');
    }
  };
  // Only the browser's own events count: a page that fakes an Escape, a click or a pagehide
  // (isTrusted false) must not take down what the teacher asked to see.
  const listen = (on: EventTarget, type: string, handler: (event: Event) => void, capture = true) => {
    const safe = (event: Event) => {
      if (event.isTrusted) guarded(() => handler(event));
    };
    on.addEventListener(type, safe, { capture, passive: true });
    cleanups.push(() => on.removeEventListener(type, safe, { capture }));
  };

  let resizeObserver: ResizeObserver | undefined;
  const observeSize = () => {
    if (typeof ResizeObserver !== 'function') return;
    resizeObserver?.disconnect();
    resizeObserver = new ResizeObserver(() => schedule());
    resizeObserver.observe(target);
    resizeObserver.observe(doc.documentElement);
  };

  const place = () => {
    frame = 0;
    if (removed) return;
    if (!target.isConnected) {
      const next = options.refind?.() ?? null;
      if (!next) {
        dismiss('gone');
        return;
      }
      target = next;
      observeSize();
    }
    const rect = target.getBoundingClientRect();
    const left = rect.left - RING_PADDING;
    const top = rect.top - RING_PADDING;
    const width = rect.width + 2 * RING_PADDING;
    const height = rect.height + 2 * RING_PADDING;
    setBox(ring, left, top, width, height);
    if (label) {
      const view = viewportOf(doc);
      const size = label.getBoundingClientRect();
      // Below the ring when it fits, else above it, else inside the bottom of the view.
      let y = top + height + LABEL_GAP;
      if (y + size.height > view.height - VIEWPORT_MARGIN) {
        y = top - LABEL_GAP - size.height >= VIEWPORT_MARGIN ? top - LABEL_GAP - size.height : view.height - VIEWPORT_MARGIN - size.height;
      }
      const x = Math.min(Math.max(left, VIEWPORT_MARGIN), Math.max(VIEWPORT_MARGIN, view.width - size.width - VIEWPORT_MARGIN));
      setBox(label, x, Math.max(VIEWPORT_MARGIN, y));
    }
  };

  // Scroll and resize fire many times a frame; measure once per frame.
  const schedule = () => {
    if (!frame && !removed) frame = win.requestAnimationFrame(() => guarded(place));
  };

  const dismiss = (reason: DismissReason) => {
    if (removed) return;
    removed = true;
    if (frame) win.cancelAnimationFrame(frame);
    resizeObserver?.disconnect();
    for (const cleanup of cleanups) cleanup();
    overlay.detach();
    options.onDismiss?.(reason);
  };

  // Capture on the document sees scrolling in any scroll container, not only the window.
  listen(doc, 'scroll', schedule);
  listen(win, 'resize', schedule, false);
  for (const view of windowsAbove(win)) {
    listen(view, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') dismiss('escape');
    });
    // The click still reaches the page: pressing the highlighted button both works and dismisses.
    listen(view, 'pointerdown', () => dismiss('click'));
    listen(view, 'click', () => dismiss('click'));
  }
  listen(win, 'pagehide', () => dismiss('removed'), false);
  observeSize();
  guarded(place);

  return {
    get element() {
      return target;
    },
    update: place,
    hide: () => dismiss('removed'),
  };
}
