import { createOverlay } from './overlay';

/**
 * The "show me" highlight: a ring around the element and the step's label beside it, drawn in
 * the element's own document, following it as the page scrolls, resizes or re-lays out, and
 * gone on the teacher's Escape or next click.
 */

export type DismissReason = 'escape' | 'click' | 'gone' | 'removed';

export interface HighlightOptions {
  label?: string;
  /** A richer box than the label (a walkthrough step with its buttons), placed where the label goes. */
  callout?: HTMLElement;
  /** Stays through the teacher's clicks and keys (a walkthrough ends it itself); off by default. */
  persistent?: boolean;
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

/** The walkthrough's box: the step, its place in the card and the buttons; the only part that takes clicks. */
export const CALLOUT_STYLES = `
.callout {
  position: fixed; left: 0; top: 0; box-sizing: border-box; margin: 0; pointer-events: auto;
  width: min(320px, calc(100vw - ${2 * VIEWPORT_MARGIN}px)); padding: 12px 14px; border-radius: 8px;
  background: #ffffff; color: #1b1f24; border: 2px solid ${RING_COLOR};
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3); text-align: start;
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: normal;
}
.callout--floating { left: auto; top: auto; right: 16px; bottom: 16px; }
.callout__count { margin: 0 28px 4px 0; font-size: 12px; font-weight: 600; color: #44505c; }
.callout__text { margin: 0; overflow-wrap: anywhere; }
.callout__text strong { font-weight: 700; }
.callout__text code { font: 13px ui-monospace, monospace; }
.callout__note { margin: 8px 0 0; padding: 6px 8px; border-radius: 6px; background: #fff4e5; color: #5c3700; font-size: 13px; }
.callout__actions { display: flex; flex-wrap: wrap; gap: 6px; justify-content: flex-end; margin-top: 10px; }
.callout button {
  font: 600 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; cursor: pointer;
  min-height: 32px; padding: 6px 12px; border-radius: 6px; border: 1px solid #8a96a3; background: #ffffff; color: #1b1f24;
}
.callout button:hover { background: #eef2f7; }
.callout button:focus-visible { outline: 3px solid ${RING_COLOR}; outline-offset: 2px; }
.callout .callout__primary { background: ${RING_COLOR}; border-color: ${RING_COLOR}; color: #ffffff; }
.callout .callout__primary:hover { background: #174a96; }
.callout .callout__end { position: absolute; top: 6px; right: 6px; min-height: 28px; width: 28px; padding: 0; border: 0; font-size: 18px; line-height: 1; }
.callout__live { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .callout { background: #1f2328; color: #e8ebee; border-color: #8ab4f8; }
  .callout__count { color: #b5bec8; }
  .callout__note { background: #3d2a0c; color: #ffd8a8; }
  .callout button { background: #2b3138; color: #e8ebee; border-color: #6b7684; }
  .callout button:hover { background: #353d46; }
  .callout .callout__primary { background: #8ab4f8; border-color: #8ab4f8; color: #0b1a33; }
}
@media (forced-colors: active) {
  .callout { border-color: CanvasText; }
  .callout .callout__primary { border: 2px solid ButtonText; }
}
`;

/** A walkthrough callout with no element to point at (a step without a target, or one not found yet), in the corner of the view. */
export function drawFloatingCallout(doc: Document, callout: HTMLElement): { hide(): void } {
  const overlay = createOverlay(doc, CALLOUT_STYLES, { announce: true });
  callout.classList.add('callout--floating');
  overlay.root.append(callout);
  return { hide: () => overlay.detach() };
}

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
export function windowsAbove(win: Window): Window[] {
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

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
type Size = Pick<DOMRect, 'width' | 'height'>;
type View = { width: number; height: number };

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** Below the ring when it fits, else above it, else inside the bottom of the view; lined up with its left edge. */
export function labelSpot(ring: Box, size: Size, view: View): { x: number; y: number } {
  let y = ring.top + ring.height + LABEL_GAP;
  if (y + size.height > view.height - VIEWPORT_MARGIN) {
    const above = ring.top - LABEL_GAP - size.height;
    y = above >= VIEWPORT_MARGIN ? above : view.height - VIEWPORT_MARGIN - size.height;
  }
  const x = clamp(ring.left, VIEWPORT_MARGIN, view.width - size.width - VIEWPORT_MARGIN);
  return { x, y: Math.max(VIEWPORT_MARGIN, y) };
}

/**
 * Where a walkthrough's callout goes: the first side of the ring it fits on without covering
 * the control (below, the wider of right and left, above), so that the teacher can still see
 * and press it; where none fits, the label's place.
 */
export function calloutSpot(ring: Box, size: Size, view: View): { x: number; y: number } {
  const fitsX = (x: number) => x >= VIEWPORT_MARGIN && x + size.width <= view.width - VIEWPORT_MARGIN;
  const fitsY = (y: number) => y >= VIEWPORT_MARGIN && y + size.height <= view.height - VIEWPORT_MARGIN;
  const alongX = clamp(ring.left, VIEWPORT_MARGIN, view.width - size.width - VIEWPORT_MARGIN);
  const alongY = clamp(ring.top, VIEWPORT_MARGIN, view.height - size.height - VIEWPORT_MARGIN);
  const below = ring.top + ring.height + LABEL_GAP;
  const right = ring.left + ring.width + LABEL_GAP;
  const left = ring.left - LABEL_GAP - size.width;
  const above = ring.top - LABEL_GAP - size.height;
  if (fitsY(below)) return { x: alongX, y: below };
  // The wider side first: it is the likelier to be open page rather than the control's neighbours.
  const sides = [
    { x: right, room: view.width - (ring.left + ring.width) },
    { x: left, room: ring.left },
  ].sort((a, b) => b.room - a.room);
  for (const side of sides) if (fitsX(side.x)) return { x: side.x, y: alongY };
  if (fitsY(above)) return { x: alongX, y: above };
  return labelSpot(ring, size, view);
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
  // A walkthrough's callout speaks to screen readers; a bare ring says nothing the panel does not.
  const overlay = createOverlay(doc, STYLES + (options.callout ? CALLOUT_STYLES : ''), { announce: Boolean(options.callout) });
  const ring = doc.createElement('div');
  ring.className = 'ring';
  overlay.root.append(ring);
  let label: HTMLElement | null = null;
  if (options.callout) {
    label = options.callout;
    overlay.root.append(label);
  } else if (options.label) {
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
      const ringBox = { left, top, width, height };
      const spot = options.callout ? calloutSpot(ringBox, size, view) : labelSpot(ringBox, size, view);
      setBox(label, spot.x, spot.y);
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
  for (const view of options.persistent ? [] : windowsAbove(win)) {
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
