import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShowMeButton } from '../../components/panel/ShowMeButton';
import type { ShowTargetResult } from '../../utils/show-me/types';
import { cardRecord } from '../support/factories';

const CARD = cardRecord(
  {
    id: 'speedgrader-rubric',
    title: 'Score a rubric',
    steps: ['Open the submission.', 'Select **View Rubric**.'],
    targets: [{ step: 1, selectors: ['[data-testid="rubric-button"]'], label: 'View Rubric' }],
  },
  'pack',
);

let answer: ShowTargetResult = { found: true };
let received: Array<{ type: string; data: unknown }> = [];

beforeEach(() => {
  fakeBrowser.reset();
  received = [];
  // Stands in for the background (utils/background/show-me.ts), which answers for the page.
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== 'panelShowsTarget' && message.type !== 'panelHidesTarget') return undefined;
      received.push({ type: message.type, data: message.data });
      sendResponse({ res: message.type === 'panelShowsTarget' ? answer : undefined });
      return true;
    },
  );
});
afterEach(cleanup);

describe('ShowMeButton', () => {
  it('is there only for steps with a target, and names the step', () => {
    const { rerender } = render(<ShowMeButton card={CARD} stepIndex={0} tabId={7} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<ShowMeButton card={CARD} stepIndex={1} tabId={7} />);
    const button = screen.getByRole('button', { name: 'Show me step 2' });
    expect(button.textContent).toBe('Show me');
    rerender(<ShowMeButton card={CARD} stepIndex={1} tabId={null} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('asks the background for that card, step and tab, and says it is highlighted', async () => {
    answer = { found: true };
    render(<ShowMeButton card={CARD} stepIndex={1} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show me step 2' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('highlighted on the page'));
    expect(received).toEqual([{ type: 'panelShowsTarget', data: { tabId: 7, cardKey: 'pack/speedgrader-rubric', step: 1 } }]);

    fireEvent.click(screen.getByRole('button', { name: 'Hide the highlight' }));
    await waitFor(() => expect(received.at(-1)).toEqual({ type: 'panelHidesTarget', data: { tabId: 7 } }));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says in plain words when the control is missing, and offers to tell the coach which step is out of date', async () => {
    answer = { found: false, reason: 'missing' };
    render(<ShowMeButton card={CARD} stepIndex={1} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show me step 2' }));
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() =>
      expect(status.textContent).toBe(
        'Coachmark can’t find this control on the page. The tool may have changed since this card was written.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Tell my coach this step is out of date: step 2 of Score a rubric' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hide the highlight' })).toBeNull();
  });

  it('tells a hidden control (under a closed menu) from a missing one, and does not call it out of date', async () => {
    answer = { found: false, reason: 'hidden' };
    render(<ShowMeButton card={CARD} stepIndex={1} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show me step 2' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('on the page but hidden'));
    expect(screen.queryByRole('button', { name: /out of date/ })).toBeNull();
  });

  it('says when Coachmark may not run on the page', async () => {
    answer = { found: false, reason: 'no-access' };
    render(<ShowMeButton card={CARD} stepIndex={1} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show me step 2' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe("Coachmark can't point at things on this page."));
  });
});
