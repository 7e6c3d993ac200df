import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../utils/platform/content-script-context';

/** What a page can see of the context: messages posted to it and events fired on its window or document. */
function watchPage() {
  const told: string[] = [];
  vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => told.push(`message ${JSON.stringify(message)}`));
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const dispatch = target.dispatchEvent.bind(target);
    vi.spyOn(target, 'dispatchEvent').mockImplementation((event: Event) => {
      told.push(`${name} event ${event.type}`);
      return dispatch(event);
    });
  }
  return told;
}

/** The fake runtime's id; reset() leaves it as a test set it. */
const EXTENSION_ID = fakeBrowser.runtime.id;
const contexts: ContentScriptContext[] = [];
const open = (name = 'content') => {
  const ctx = new ContentScriptContext(name);
  contexts.push(ctx);
  return ctx;
};

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as { id?: string }).id = EXTENSION_ID;
  history.replaceState(null, '', '/courses/9/modules');
  vi.useFakeTimers();
});
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ContentScriptContext (content scripts)', () => {
  it('starts without telling the page anything', () => {
    const told = watchPage();
    const ctx = open();
    ctx.addEventListener(window, 'wxt:locationchange', () => {});
    history.pushState(null, '', '/courses/9/gradebook');
    vi.advanceTimersByTime(2_000);
    expect(told).toEqual([]);
    expect(ctx.isValid).toBe(true);
  });

  it('stays valid when the page forges "content script started" messages under its own name', () => {
    const ctx = open();
    // Named as WXT names it: extension id, entry point, event.
    const type = `${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    expect(ctx.isValid).toBe(true);
  });

  it('reports in-page navigations to its own listeners, with the new and the old URL', () => {
    const ctx = open();
    const changes: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event) => changes.push(`${event.oldUrl.pathname} → ${event.newUrl.pathname}`));
    history.pushState(null, '', '/courses/9/gradebook/speed_grader');
    vi.advanceTimersByTime(1_000);
    history.pushState(null, '', '/courses/9/gradebook/speed_grader');
    vi.advanceTimersByTime(1_000);
    expect(changes).toEqual(['/courses/9/modules → /courses/9/gradebook/speed_grader']);
  });

  it('ends when the extension goes away (its runtime has no id), and its listeners go with it', () => {
    const ctx = open();
    const changes: string[] = [];
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => changes.push(event.newUrl.pathname));
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    history.pushState(null, '', '/courses/9/gradebook');
    vi.advanceTimersByTime(2_000);
    expect(changes).toEqual([]);
    expect(ended).toHaveBeenCalledOnce();
    expect(ctx.isValid).toBe(false);
  });

  it('ends an older copy of the same script in the frame, and no other script', () => {
    const older = open('content');
    const other = open('other');
    const newer = open('content');
    expect(older.isValid).toBe(false);
    expect(other.isValid).toBe(true);
    expect(newer.isValid).toBe(true);
  });

  it('refuses a WXT event it does not send, naming it', () => {
    const ctx = open();
    expect(() => ctx.addEventListener(window, 'wxt:something' as 'wxt:locationchange', () => {})).toThrow(/"wxt:something"/);
  });
});
