import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findTarget, isRendered, reachableDocuments, waitForTarget } from '../../../utils/show-me/find';

// happy-dom computes styles (display, visibility) but has no layout, so these tests judge
// visibility by CSS alone (isRendered); box sizes and clipping are covered in real Chromium.
const options = { isVisible: isRendered };

beforeEach(() => {
  document.head.innerHTML = '<style>.closed { display: none; } .ghost { visibility: hidden; }</style>';
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const later = (ms: number, change: () => void) => setTimeout(change, ms);

describe('findTarget', () => {
  it('takes the first selector that matches a visible element, skipping hidden matches', () => {
    document.body.innerHTML = `
      <div class="closed"><button id="menu-rubric">Rubric</button></div>
      <button class="ghost" data-testid="rubric">Rubric</button>
      <button aria-label="View Rubric">Rubric</button>`;
    const result = findTarget(document, ['#menu-rubric', '[data-testid="rubric"]', '[aria-label="View Rubric"]'], options);
    expect(result.element).toBe(document.querySelector('[aria-label="View Rubric"]'));
  });

  it('prefers an earlier selector over an earlier element in the page', () => {
    document.body.innerHTML = '<button class="b">first in page</button><button id="a">second in page</button>';
    expect(findTarget(document, ['#a', '.b'], options).element?.id).toBe('a');
  });

  it('says "hidden" when only hidden elements match, "missing" when nothing does', () => {
    document.body.innerHTML = '<div class="closed"><button id="x">x</button></div>';
    expect(findTarget(document, ['#x'], options)).toEqual({ element: null, reason: 'hidden' });
    expect(findTarget(document, ['#nope'], options)).toEqual({ element: null, reason: 'missing' });
  });

  it('skips a selector that is not valid CSS instead of throwing', () => {
    document.body.innerHTML = '<button id="ok">ok</button>';
    expect(findTarget(document, ['button[', '#ok'], options).element?.id).toBe('ok');
    expect(findTarget(document, [':::'], options)).toEqual({ element: null, reason: 'missing' });
  });

  it('searches same-origin frames, unless they search themselves', async () => {
    document.body.innerHTML = '<iframe id="editor" srcdoc="<button id=inside>Bold</button>"></iframe>';
    const frame = document.querySelector('iframe')!;
    await vi.waitFor(() => expect(frame.contentDocument?.querySelector('#inside')?.textContent).toBe('Bold'));
    expect(reachableDocuments(document)).toHaveLength(2);
    expect(findTarget(document, ['#inside'], options).element).toBe(frame.contentDocument!.querySelector('#inside'));
    expect(findTarget(document, ['#inside'], { ...options, skipFrame: () => true })).toEqual({ element: null, reason: 'missing' });
  });
});

describe('waitForTarget', () => {
  it('answers as soon as the element appears, well before the timeout', async () => {
    const started = Date.now();
    later(60, () => document.body.insertAdjacentHTML('beforeend', '<div><button id="late">Late</button></div>'));
    const result = await waitForTarget(document, ['#late'], { ...options, timeoutMs: 3_000 });
    expect(result.element?.id).toBe('late');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers when a hidden match becomes visible (a menu opens)', async () => {
    document.body.innerHTML = '<div id="menu" class="closed"><button id="item">Item</button></div>';
    later(50, () => document.getElementById('menu')!.classList.remove('closed'));
    const result = await waitForTarget(document, ['#item'], { ...options, timeoutMs: 2_000 });
    expect(result.element?.id).toBe('item');
  });

  it('answers when a selector starts matching because an attribute changed', async () => {
    document.body.innerHTML = '<button id="b">Save</button>';
    later(50, () => document.getElementById('b')!.setAttribute('aria-label', 'Save grade'));
    const result = await waitForTarget(document, ['[aria-label="Save grade"]'], { ...options, timeoutMs: 2_000 });
    expect(result.element?.id).toBe('b');
  });

  it('finds an element in a same-origin frame that renders late', async () => {
    document.body.innerHTML = '<iframe srcdoc="<main></main>"></iframe>';
    const frame = document.querySelector('iframe')!;
    await vi.waitFor(() => expect(frame.contentDocument?.querySelector('main')?.tagName).toBe('MAIN'));
    later(50, () => frame.contentDocument!.querySelector('main')!.insertAdjacentHTML('beforeend', '<button id="in-frame">x</button>'));
    const result = await waitForTarget(document, ['#in-frame'], { ...options, timeoutMs: 2_000 });
    expect(result.element).toBe(frame.contentDocument!.getElementById('in-frame'));
  });

  it('gives up after the timeout with the reason', async () => {
    document.body.innerHTML = '<div class="closed"><button id="x">x</button></div>';
    const started = Date.now();
    expect(await waitForTarget(document, ['#x'], { ...options, timeoutMs: 150 })).toEqual({ element: null, reason: 'hidden' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await waitForTarget(document, ['#nothing'], { ...options, timeoutMs: 50 })).toEqual({ element: null, reason: 'missing' });
  });

  it('watches the DOM instead of polling: a quiet page is searched only at the start and at the end', async () => {
    document.body.innerHTML = '<p>quiet</p>';
    const spy = vi.spyOn(document, 'querySelectorAll');
    await waitForTarget(document, ['#never'], { ...options, timeoutMs: 400 });
    const searches = spy.mock.calls.filter(([selector]) => selector === '#never');
    expect(searches).toHaveLength(2);
  });

  it('stops watching once it answered', async () => {
    const result = await waitForTarget(document, ['#x'], { ...options, timeoutMs: 50 });
    expect(result.reason).toBe('missing');
    const spy = vi.spyOn(document, 'querySelectorAll');
    document.body.insertAdjacentHTML('beforeend', '<button id="x">x</button>');
    await new Promise((settle) => setTimeout(settle, 30));
    expect(spy.mock.calls.filter(([selector]) => selector === '#x')).toHaveLength(0);
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    later(30, () => controller.abort());
    const result = await waitForTarget(document, ['#never'], { ...options, timeoutMs: 3_000, signal: controller.signal });
    expect(result).toEqual({ element: null, reason: 'missing' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers at once when the element is already there', async () => {
    document.body.innerHTML = '<button id="now">now</button>';
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const result = await waitForTarget(document, ['#now'], { ...options, timeoutMs: 3_000 });
    expect(result.element?.id).toBe('now');
    expect(spy).not.toHaveBeenCalled();
  });
});
