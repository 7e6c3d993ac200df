import { useCallback, useRef } from 'preact/hooks';

/**
 * The panel's header and help bar stay on screen while the page scrolls under them, so a control
 * the teacher reaches with Tab could sit behind one of them. The browser keeps a focused (or
 * scrolled-to) element clear of the page's scroll padding: this keeps that padding equal to the
 * two bars' heights as they change (the header wraps at 250 px, the help bar opens a form).
 * Returns the ref for the panel's root element.
 */
export function useStickyInsets(): (panel: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((panel: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!panel || typeof ResizeObserver === 'undefined') return;
    const root = panel.ownerDocument.documentElement;
    const measure = () => {
      const header = panel.querySelector<HTMLElement>(':scope > .panel__header');
      const helpBar = panel.querySelector<HTMLElement>(':scope > .help-bar');
      root.style.setProperty('--sticky-top', `${header?.offsetHeight ?? 0}px`);
      root.style.setProperty('--sticky-bottom', `${helpBar?.offsetHeight ?? 0}px`);
    };
    const watch = new ResizeObserver(measure);
    for (const bar of panel.querySelectorAll(':scope > .panel__header, :scope > .help-bar')) watch.observe(bar);
    observer.current = watch;
    measure();
  }, []);
}
