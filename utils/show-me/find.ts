import { locateAll, type AnyLocator, type Scope } from './locate';

/**
 * Finding the element a step points at. LMS pages render late and re-render often, so the
 * finder waits a little for the element to appear, watching the DOM rather than polling,
 * and says whether nothing matched ("missing") or only hidden elements did ("hidden": a
 * closed menu or tab), which the panel turns into words.
 */

export type FindReason = 'missing' | 'hidden';

export interface FindResult {
  element: Element | null;
  /** Set when no element was found. */
  reason?: FindReason;
  /** Which locator found the element, from 0. */
  locator?: number;
}

type FrameElement = HTMLIFrameElement | HTMLFrameElement;

export interface FindOptions {
  /** Whether an element can be pointed at; defaults to isVisible, which needs real layout. */
  isVisible?: (element: Element) => boolean;
  /** Same-origin child frames to leave out because they search themselves. */
  skipFrame?: (frame: FrameElement) => boolean;
}

export interface WaitOptions extends FindOptions {
  /** How long to wait for the element to appear or become visible. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** How long the page may keep changing before the finder looks again. */
const CHECK_DELAY_MS = 60;

/** How many documents a search covers at most: the page and its same-origin frames. */
const MAX_DOCUMENTS = 40;

/** Rendered by CSS: connected, not display: none (itself or an ancestor), not visibility: hidden. */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(element, { visibilityProperty: true });
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return !!style && style.display !== 'none' && style.visibility !== 'hidden';
}

/**
 * Has a box on screen (or one a scroll away): a non-empty rectangle, not clipped to nothing
 * by a collapsed ancestor (menus and accordions often shrink to zero height with
 * overflow: hidden instead of display: none).
 */
function hasLayoutBox(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  if (!(rect.width > 0 && rect.height > 0)) return false;
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  for (let node = element.parentElement; node && node !== doc.body && node !== doc.documentElement; node = node.parentElement) {
    const style = win.getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const box = node.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return false;
  }
  return true;
}

/** Something the teacher could see once it is scrolled into view. */
export function isVisible(element: Element): boolean {
  return isRendered(element) && hasLayoutBox(element);
}

/** The document and the documents of its same-origin frames, depth first; cross-origin frames are skipped. */
export function reachableDocuments(doc: Document, skipFrame?: (frame: FrameElement) => boolean): Document[] {
  const documents = [doc];
  for (let i = 0; i < documents.length && documents.length < MAX_DOCUMENTS; i++) {
    for (const frame of Array.from(documents[i]!.querySelectorAll<FrameElement>('iframe, frame'))) {
      if (skipFrame?.(frame)) continue;
      let child: Document | null = null;
      try {
        // null (or a SecurityError in some browsers) for cross-origin frames.
        child = frame.contentDocument;
      } catch {
        child = null;
      }
      if (child?.documentElement && !documents.includes(child)) documents.push(child);
    }
  }
  return documents;
}

/**
 * The first element, trying the locators in order, that is found and visible, in the page, its
 * open shadow roots or its same-origin frames. A bare string is a CSS selector.
 */
export function findTarget(doc: Document, locators: readonly AnyLocator[], options: FindOptions = {}): FindResult {
  const visible = options.isVisible ?? isVisible;
  const documents = reachableDocuments(doc, options.skipFrame);
  const scopes = new Map<Document, Scope[]>();
  let matchedHidden = false;
  for (const [index, locator] of locators.entries()) {
    let matches: Element[];
    try {
      matches = locateAll(documents, locator, scopes);
    } catch {
      // Not valid CSS here (a newer syntax, a typo in a pack): try the next locator.
      continue;
    }
    for (const element of matches) {
      if (visible(element)) return { element, locator: index };
      matchedHidden = true;
    }
  }
  return { element: null, reason: matchedHidden ? 'hidden' : 'missing' };
}

/**
 * Like findTarget, but when nothing visible matches yet, watches the page (and its same-origin
 * frames, including ones that load meanwhile) for up to `timeoutMs` and answers as soon as it
 * appears. Never rejects: an aborted or timed-out wait answers with why nothing was found.
 */
export function waitForTarget(doc: Document, locators: readonly AnyLocator[], options: WaitOptions): Promise<FindResult> {
  return new Promise((resolve) => {
    let last = findTarget(doc, locators, options);
    if (last.element || options.timeoutMs <= 0 || options.signal?.aborted) {
      resolve(last);
      return;
    }
    const watched = new Set<Document>();
    let settled = false;
    // A busy page mutates many times a second: look at most once per CHECK_DELAY_MS.
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      scheduled = undefined;
      if (settled) return;
      watch();
      last = findTarget(doc, locators, options);
      if (last.element) finish(false);
    };
    const check = () => {
      if (!settled && scheduled === undefined) scheduled = setTimeout(look, CHECK_DELAY_MS);
    };
    const observer = new MutationObserver(check);
    // An iframe that loads a new document replaces what we observe; load does not bubble, but capture sees it.
    const onLoad = () => check();
    function watch() {
      for (const searched of reachableDocuments(doc, options.skipFrame)) {
        if (watched.has(searched)) continue;
        watched.add(searched);
        observer.observe(searched, { childList: true, subtree: true, attributes: true });
        searched.addEventListener('load', onLoad, true);
      }
    }
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(true), options.timeoutMs);
    function finish(lastLook: boolean) {
      if (settled) return;
      // Visibility can change without a DOM mutation (a stylesheet, a media query): look once more.
      if (lastLook) last = findTarget(doc, locators, options);
      settled = true;
      clearTimeout(timer);
      clearTimeout(scheduled);
      observer.disconnect();
      for (const searched of watched) searched.removeEventListener('load', onLoad, true);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(last);
    }
    options.signal?.addEventListener('abort', onAbort);
    watch();
  });
}
