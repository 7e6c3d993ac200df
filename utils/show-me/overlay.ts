/**
 * The layer Coachmark draws on a page: one host element whose inline `all: initial
 * !important` resets everything the page's stylesheets could say about it (inline important
 * declarations beat any selector, layer or !important rule a page can write), and a closed
 * shadow root, so the page's CSS cannot reach inside and ours cannot reach out. When the
 * page shows a modal dialog or popover (top layer, above any z-index) the host joins the top
 * layer too; only then, because a top-layer host gets a ::backdrop the page's CSS can style.
 */

export const OVERLAY_TAG = 'coachmark-overlay';

const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'pointer-events: none',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'background: transparent',
]
  .map((declaration) => `${declaration} !important;`)
  .join(' ');

export interface Overlay {
  host: HTMLElement;
  /** Where to put the overlay's elements (closed: not reachable from the page). */
  root: ShadowRoot;
  detach(): void;
}

/** Creates the overlay in `doc`, styled by `css` (which applies only inside it). */
export function createOverlay(doc: Document, css: string, options: { announce?: boolean } = {}): Overlay {
  const host = doc.createElement(OVERLAY_TAG);
  host.setAttribute('style', HOST_STYLE);
  // Screen readers skip a bare ring (the panel says what it shows); a walkthrough's step is read out.
  if (!options.announce) host.setAttribute('aria-hidden', 'true');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(doc, root, css);
  // Outside <body>, so frameworks that own body's children do not see or remove it, and first
  // in <html>: appended last it would take :last-child from <body> and restyle the page
  // (`:last-child { margin-bottom: 0 }` resets); first, it only takes :first-child from the
  // invisible <head>.
  doc.documentElement.prepend(host);
  raiseToTopLayer(host);
  return {
    host,
    root,
    detach: () => host.remove(),
  };
}

/**
 * A constructed stylesheet where the browser has them (not subject to the page's CSP
 * style-src, which may forbid <style> elements); a <style> element otherwise.
 */
function adoptStyles(doc: Document, root: ShadowRoot, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function') {
      // The sheet must come from the document's own realm (frames have their own constructor).
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

function raiseToTopLayer(host: HTMLElement): void {
  const popover = host as HTMLElement & { showPopover?: () => void };
  if (typeof popover.showPopover !== 'function') return;
  try {
    if (!host.ownerDocument.querySelector(':modal, :popover-open')) return;
    host.setAttribute('popover', 'manual');
    popover.showPopover();
  } catch {
    // A page state that refuses popovers: the fixed, maximal z-index host still draws.
    host.removeAttribute('popover');
  }
}
