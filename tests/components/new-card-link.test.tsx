import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewCardLink, newCardUrl } from '../../components/panel/NewCardLink';
import { parseStudioHash } from '../../components/studio/Studio';
import { placeFromParams } from '../../components/studio/CardsTab';
import { saveSettings } from '../../utils/settings/settings';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('NewCardLink', () => {
  it('builds a studio link that the cards tab reads back as the same page', () => {
    const url = newCardUrl('chrome-extension://id/options.html', { tool: 'canvas', context: 'speedgrader' });
    expect(url).toBe('chrome-extension://id/options.html#cards?tool=canvas&context=speedgrader');
    const route = parseStudioHash(new URL(url).hash);
    expect(route.tab).toBe('cards');
    expect(placeFromParams(route.params)).toEqual({ tool: 'canvas', context: 'speedgrader' });
    expect(newCardUrl('x', { tool: 'seesaw', context: null })).toBe('x#cards?tool=seesaw');
  });

  it('shows nothing to teachers, and appears when coach mode is turned on', async () => {
    await saveSettings({ coachMode: false });
    const { container } = render(<NewCardLink detection={{ tool: 'canvas', context: 'speedgrader' }} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
    await saveSettings({ coachMode: true });
    await screen.findByRole('button', { name: 'New card for this page' });
    expect(container.textContent).toBe('New card for this page');
  });

  it('opens the editor for this page in a new tab for coaches', async () => {
    await saveSettings({ coachMode: true });
    render(<NewCardLink detection={{ tool: 'canvas', context: 'speedgrader' }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New card for this page' }));
    await waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((tab) => tab.url)).toContain(
        `chrome-extension://${fakeBrowser.runtime.id}/options.html#cards?tool=canvas&context=speedgrader`,
      );
    });
  });

  it('shows nothing on a page that is not a known tool', async () => {
    await saveSettings({ coachMode: true });
    const { container } = render(<NewCardLink detection={null} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});
