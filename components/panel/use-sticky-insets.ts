import { useCallback, useRef } from 'preact/hooks';

/**
 * The panel's header and help bar stay on screen while the page scrolls under them, so a control
 * the teacher reaches with Tab could sit behind one of them. The browser keeps a focused (or
 * scrolled-to) element clear of the page's scroll padding: this keeps that padding equal to the
 * two bars' heights as they change (the header wraps at 250 px, the help bar opens a form).
 * Heights come from the resize observer's own entries, after layout, so measuring never forces
 * a layout of its own while the first cards are drawn. Returns the ref for the panel's root.
 */
export function useStickyInsets(): (panel: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((panel: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!panel || typeof ResizeObserver === 'undefined') return;
    const root = panel.ownerDocument.documentElement;
    const watch = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
        const side = entry.target.classList.contains('help-bar') ? '--sticky-bottom' : '--sticky-top';
        root.style.setProperty(side, `${Math.ceil(height)}px`);
      }
    });
    // Observing reports each bar's size once by itself, then on every change.
    for (const bar of panel.querySelectorAll(':scope > .panel__header, :scope > .help-bar')) watch.observe(bar);
    observer.current = watch;
  }, []);
}
