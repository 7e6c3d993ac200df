import { createOverlay } from './overlay';
import { RING_COLOR } from './highlight';

/**
 * The coach's element picker: outlines what is under the pointer, and a click (or Enter on
 * the focused element) picks it instead of operating the page. Escape cancels. The page
 * never sees the picking clicks, and clicks or keys the page fakes neither pick nor cancel.
 */

export interface PickerOptions {
  /** Shown at the top of the view while picking; empty for no hint (child frames). */
  hint: string;
  onPick(element: Element): void;
  onCancel(): void;
}

export interface PickerSession {
  stop(): void;
}

/** What a click on part of a control means: the control (the icon inside a button picks the button). */
const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, label, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="option"], [role="combobox"], [tabindex]:not([tabindex="-1"])';

function pickableElement(element: Element): Element {
  const control = element.closest(INTERACTIVE);
  return control ?? element;
}

const STYLES = `
.box {
  position: fixed; left: 0; top: 0; width: 0; height: 0; box-sizing: border-box; margin: 0; display: none;
  border: 2px dashed ${RING_COLOR}; background: rgba(31, 95, 191, 0.12); border-radius: 4px; pointer-events: none;
}
.hint {
  position: fixed; top: 12px; left: 50%; transform: translateX(-50%); box-sizing: border-box; margin: 0;
  max-width: calc(100vw - 24px); padding: 6px 12px; border-radius: 6px; background: #1b1f24; color: #ffffff;
  font: 600 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: center; pointer-events: none;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35);
}
@media (forced-colors: active) { .box { border-color: Highlight; } .hint { border: 2px solid CanvasText; } }
`;

/** Events the page must not receive while the coach picks: they would operate the control. */
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

export function startPicker(doc: Document, options: PickerOptions): PickerSession {
  const win = doc.defaultView;
  if (!win) throw new Error('the document has no window');
  const overlay = createOverlay(doc, STYLES);
  const box = doc.createElement('div');
  box.className = 'box';
  overlay.root.append(box);
  if (options.hint) {
    const hint = doc.createElement('div');
    hint.className = 'hint';
    hint.setAttribute('role', 'status');
    hint.textContent = options.hint;
    overlay.root.append(hint);
  }

  let hovered: Element | null = null;
  let frame = 0;
  let stopped = false;
  const cleanups: Array<() => void> = [];
  // Runs inside someone else's page: a failure ends picking (reported as a cancel), never the page's event.
  const listen = (type: string, handler: (event: Event) => void, passive = false) => {
    const safe = (event: Event) => {
      // Only the coach's own input counts. Events the page makes itself (isTrusted false) would
      // pick a decoy or cancel; they go on to the page untouched, as the page meant them.
      if (!event.isTrusted) return;
      try {
        handler(event);
      } catch {
        finish(options.onCancel);
      }
    };
    win.addEventListener(type, safe, { capture: true, passive });
    cleanups.push(() => win.removeEventListener(type, safe, { capture: true }));
  };

  const place = () => {
    frame = 0;
    if (stopped) return;
    if (!hovered || !hovered.isConnected) {
      box.style.setProperty('display', 'none');
      return;
    }
    const rect = hovered.getBoundingClientRect();
    box.style.setProperty('display', 'block');
    box.style.setProperty('left', `${Math.round(rect.left)}px`);
    box.style.setProperty('top', `${Math.round(rect.top)}px`);
    box.style.setProperty('width', `${Math.round(rect.width)}px`);
    box.style.setProperty('height', `${Math.round(rect.height)}px`);
  };
  const schedule = () => {
    if (!frame && !stopped)
      frame = win.requestAnimationFrame(() => {
        try {
          place();
        } catch {
          frame = 0;
        }
      });
  };
  const elementOf = (event: Event): Element | null => {
    const target = event.target as Node | null;
    // Events from inside our own overlay never happen (pointer-events: none); the page's nodes only.
    if (!target || target.nodeType !== 1 || target === overlay.host) return null;
    return pickableElement(target as Element);
  };

  listen(
    'pointermove',
    (event) => {
      const element = elementOf(event);
      if (element !== hovered) {
        hovered = element;
        schedule();
      }
    },
    true,
  );
  listen('scroll', schedule, true);
  // Picks on click; disabled controls get no click, so a pointerup without one picks too.
  let pendingUp: ReturnType<typeof setTimeout> | undefined;
  for (const type of SWALLOWED) {
    listen(type, (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      const element = elementOf(event);
      if (type === 'pointerup' && element) {
        clearTimeout(pendingUp);
        pendingUp = setTimeout(() => finish(() => options.onPick(element)), 300);
      } else if (type === 'click' && element) {
        clearTimeout(pendingUp);
        finish(() => options.onPick(element));
      }
    });
  }
  cleanups.push(() => clearTimeout(pendingUp));
  listen('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      finish(options.onCancel);
    } else if (key === 'Enter') {
      const focused = doc.activeElement;
      if (!focused || focused === doc.body || focused === doc.documentElement) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      finish(() => options.onPick(pickableElement(focused)));
    }
  });
  // Keyboard users: outline what has focus, as the pointer does.
  listen('focusin', (event) => {
    hovered = elementOf(event);
    schedule();
  });

  function stop() {
    if (stopped) return;
    stopped = true;
    if (frame) win!.cancelAnimationFrame(frame);
    for (const cleanup of cleanups) cleanup();
    overlay.detach();
  }
  function finish(report: () => void) {
    if (stopped) return;
    stop();
    report();
  }

  return { stop };
}
