import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawHighlight, type DismissReason, type Highlight } from '../../../utils/show-me/highlight';
import { OVERLAY_TAG } from '../../../utils/show-me/overlay';

let highlight: Highlight | undefined;
const hosts = () => document.querySelectorAll(OVERLAY_TAG);

/**
 * happy-dom makes only untrusted events, as a page's own script does. This marks one as the
 * user's input (the browser's trusted event) for checks of what such input does; Chromium's
 * real input is checked in tests/e2e/show-me.e2e.ts and tests/e2e/hostile-page.e2e.ts.
 */
const fromUser = <T extends Event>(event: T): T => Object.defineProperty(event, 'isTrusted', { value: true });

beforeEach(() => {
  document.body.innerHTML = '<main><button id="rubric" class="page-button">View Rubric</button></main>';
});
afterEach(() => {
  highlight?.hide();
  highlight = undefined;
});

describe('drawHighlight', () => {
  it('draws in a host outside <body>, reset by inline important styles, with a closed shadow root', () => {
    const target = document.getElementById('rubric')!;
    const before = target.outerHTML;
    highlight = drawHighlight(target, { label: 'Open the rubric here' });
    const host = hosts()[0] as HTMLElement;
    expect(hosts()).toHaveLength(1);
    // First in <html>: <body> keeps :last-child, so the page's structural selectors match as before.
    expect(document.documentElement.firstElementChild).toBe(host);
    expect(document.documentElement.lastElementChild).toBe(document.body);
    expect(host.getAttribute('style')).toMatch(/^all: initial !important;/);
    expect(host.style.getPropertyPriority('pointer-events')).toBe('important');
    // Closed: the page cannot reach inside (and its label text is not in the page's DOM text).
    expect(host.shadowRoot).toBeNull();
    expect(document.documentElement.textContent).not.toContain('Open the rubric here');
    // The page's own element is left exactly as it was.
    expect(target.outerHTML).toBe(before);
  });

  it.each([
    [
      'Escape',
      (target: Window) => target.dispatchEvent(fromUser(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))),
      'escape',
    ],
    ['click', (target: Window) => target.dispatchEvent(fromUser(new Event('pointerdown', { bubbles: true }))), 'click'],
  ] as const)('goes away on the user’s %s and says why', (_name, act, reason) => {
    const dismissed: DismissReason[] = [];
    highlight = drawHighlight(document.getElementById('rubric')!, { onDismiss: (why) => dismissed.push(why) });
    act(window);
    expect(hosts()).toHaveLength(0);
    expect(dismissed).toEqual([reason]);
  });

  // What a page's script can do without the user: its events are untrusted.
  it.each([
    ['an Escape', (target: Window) => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))],
    ['a pointerdown', (target: Window) => target.dispatchEvent(new Event('pointerdown', { bubbles: true }))],
    ['a click', () => document.getElementById('rubric')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))],
    ['element.click()', () => document.getElementById('rubric')!.click()],
    ['a pagehide', (target: Window) => target.dispatchEvent(new Event('pagehide'))],
  ] as const)('stays when the page fakes %s', (_name, act) => {
    const dismissed: DismissReason[] = [];
    const target = document.getElementById('rubric')!;
    highlight = drawHighlight(target, { onDismiss: (why) => dismissed.push(why) });
    act(window);
    expect(hosts()).toHaveLength(1);
    expect(dismissed).toEqual([]);
    expect(highlight.element).toBe(target);
  });

  it('ignores other keys', () => {
    highlight = drawHighlight(document.getElementById('rubric')!);
    window.dispatchEvent(fromUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    expect(hosts()).toHaveLength(1);
  });

  it('follows the element when the page re-renders it, and goes away when it is gone for good', () => {
    const dismissed: DismissReason[] = [];
    highlight = drawHighlight(document.getElementById('rubric')!, {
      refind: () => document.getElementById('rubric'),
      onDismiss: (why) => dismissed.push(why),
    });
    document.querySelector('main')!.innerHTML = '<button id="rubric">View Rubric</button>';
    highlight.update();
    expect(highlight.element).toBe(document.getElementById('rubric'));
    expect(hosts()).toHaveLength(1);
    document.querySelector('main')!.innerHTML = '';
    highlight.update();
    expect(dismissed).toEqual(['gone']);
    expect(hosts()).toHaveLength(0);
  });

  it('removes its listeners when hidden: a later Escape reports nothing', () => {
    const dismissed: DismissReason[] = [];
    highlight = drawHighlight(document.getElementById('rubric')!, { onDismiss: (why) => dismissed.push(why) });
    highlight.hide();
    window.dispatchEvent(fromUser(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(dismissed).toEqual(['removed']);
  });
});
