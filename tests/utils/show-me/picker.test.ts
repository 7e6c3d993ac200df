import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPicker, type PickerSession } from '../../../utils/show-me/picker';
import { OVERLAY_TAG } from '../../../utils/show-me/overlay';

/**
 * happy-dom makes only untrusted events, as a page's own script does. This marks one as the
 * coach's input (the browser's trusted event) for checks of what such input does; Chromium's
 * real input is checked in tests/e2e/show-me.e2e.ts and tests/e2e/hostile-page.e2e.ts.
 */
const fromUser = <T extends Event>(event: T): T => Object.defineProperty(event, 'isTrusted', { value: true });

let session: PickerSession | undefined;
let picked: Element[];
let cancelled: number;
let pageClicks: string[];

const start = () => {
  session = startPicker(document, {
    hint: 'Click it',
    onPick: (element) => picked.push(element),
    onCancel: () => (cancelled += 1),
  });
};
const decoy = () => document.getElementById('decoy')!;
const hosts = () => document.querySelectorAll(OVERLAY_TAG).length;

beforeEach(() => {
  picked = [];
  cancelled = 0;
  pageClicks = [];
  document.body.innerHTML =
    '<main><button id="grade" type="button"><span>Grade</span></button><button id="decoy" type="button">Delete course</button></main>';
  document.querySelector('main')!.addEventListener('click', (event) => pageClicks.push((event.target as Element).id));
});
afterEach(() => {
  session?.stop();
  session = undefined;
  vi.useRealTimers();
});

describe('startPicker', () => {
  it('picks the control the coach clicks (the icon inside a button picks the button), and the page never gets that click', () => {
    start();
    document.querySelector('#grade span')!.dispatchEvent(fromUser(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(picked).toEqual([document.getElementById('grade')]);
    expect(pageClicks).toEqual([]);
    expect(hosts()).toBe(0);
  });

  it('cancels on the coach’s Escape', () => {
    start();
    window.dispatchEvent(fromUser(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(cancelled).toBe(1);
    expect(picked).toEqual([]);
  });

  it('ignores a click the page makes: nothing is picked, and the page gets its own click', () => {
    start();
    decoy().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    decoy().click();
    expect(picked).toEqual([]);
    expect(cancelled).toBe(0);
    expect(pageClicks).toEqual(['decoy', 'decoy']);
    // Still picking.
    expect(hosts()).toBe(1);
  });

  it('ignores a pointerup the page makes, however long the picker waits for its click', () => {
    vi.useFakeTimers();
    start();
    for (const type of ['pointerdown', 'pointerup']) decoy().dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    vi.advanceTimersByTime(1_000);
    expect(picked).toEqual([]);
    expect(hosts()).toBe(1);
  });

  it('ignores an Escape or an Enter the page makes', () => {
    start();
    decoy().focus();
    for (const key of ['Escape', 'Enter']) decoy().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    expect(cancelled).toBe(0);
    expect(picked).toEqual([]);
    expect(hosts()).toBe(1);
  });
});
