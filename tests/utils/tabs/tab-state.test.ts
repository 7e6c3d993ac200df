import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearTabState, readTabState, saveTabState, watchTabState, type TabState } from '../../../utils/tabs/tab-state';

const state = (tabId: number, url = 'https://district.instructure.com/courses/1/gradebook/speed_grader'): TabState => ({
  tabId,
  url,
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1_790_000_000_000,
});

beforeEach(() => fakeBrowser.reset());

describe('tab state', () => {
  it('is kept per tab in storage.session, and cleared without leaving anything behind', async () => {
    expect(await readTabState(7)).toBeNull();
    await saveTabState(state(7));
    await saveTabState(state(8));
    expect(await readTabState(7)).toEqual(state(7));
    await clearTabState(7);
    expect(await readTabState(7)).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key.startsWith('tab:7'))).toEqual([]);
    expect(await readTabState(8)).toEqual(state(8));
  });

  it('tells a watcher its tab’s state now and on each change, not other tabs’, until it stops', async () => {
    await saveTabState(state(7));
    const seen: Array<TabState | null> = [];
    const stop = watchTabState(7, (value) => seen.push(value));
    await expect.poll(() => seen).toEqual([state(7)]);
    await saveTabState(state(8));
    await saveTabState(state(7, 'https://district.instructure.com/courses/1/modules'));
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]?.url).toBe('https://district.instructure.com/courses/1/modules');
    await clearTabState(7);
    await expect.poll(() => seen).toHaveLength(3);
    expect(seen[2]).toBeNull();
    stop();
    await saveTabState(state(7));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(3);
  });

  it('reads a tab’s state with one storage read each time, the tab’s item being defined once', async () => {
    await saveTabState(state(9));
    expect(await readTabState(9)).toEqual(state(9));
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    for (let i = 0; i < 3; i++) expect(await readTabState(9)).toEqual(state(9));
    expect(get).toHaveBeenCalledTimes(3);
    get.mockRestore();
  });
});
