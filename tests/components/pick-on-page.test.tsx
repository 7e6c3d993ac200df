import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PickOnPage } from '../../components/studio/PickOnPage';
import type { PickResult, TargetPreview, ToolTab } from '../../utils/show-me/types';

const TABS: ToolTab[] = [
  {
    tabId: 11,
    title: 'Cell Diagram Lab, SpeedGrader',
    url: 'https://district.instructure.com/courses/1/gradebook/speed_grader',
    tool: 'canvas',
    context: 'speedgrader',
  },
  { tabId: 12, title: 'Biology 7', url: 'https://classroom.google.com/c/NjQ4', tool: 'google-classroom', context: 'stream' },
];
const PICKED: PickResult = {
  locators: [{ role: 'button', name: 'View Rubric' }, { testId: 'rubric-button' }, { css: 'button.rubric' }],
  selectors: ['[data-testid="rubric-button"]', 'button.rubric'],
  label: 'View Rubric',
  tag: 'button',
};
const locatorIndex = (locator: unknown) => PICKED.locators.findIndex((known) => JSON.stringify(known) === JSON.stringify(locator));

type Sent = { to: 'background' | number; type: string; data: Record<string, unknown> };
let sent: Sent[] = [];
let prepared = { ok: true };
let pickAnswer: PickResult | null = PICKED;
let counts: Array<number | null> = [1, 1, 2];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  prepared = { ok: true };
  pickAnswer = PICKED;
  counts = [1, 1, 2];
  // Stands in for the background (utils/background/show-me.ts).
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type: string; data: Record<string, unknown> }, _sender, sendResponse: (response: unknown) => void) => {
      sent.push({ to: 'background', type: message.type, data: message.data });
      const answers: Record<string, () => unknown> = {
        studioListsToolTabs: () => TABS,
        studioPreparesPicker: () => prepared,
        studioPreviewsTarget: () =>
          ({
            counts: (message.data.locators as unknown[]).map((locator) => counts[locatorIndex(locator)] ?? 0),
            shown: { found: true },
          }) satisfies TargetPreview,
      };
      const answer = answers[message.type];
      if (!answer) return undefined;
      sendResponse({ res: answer() });
      return true;
    },
  );
  // Stands in for the highlighter in the tab's frames (the messaging library calls the callback form).
  const tabs = fakeBrowser.tabs as unknown as { sendMessage: (...args: unknown[]) => void };
  tabs.sendMessage = vi.fn((tabId: unknown, message: unknown, _options: unknown, respond: unknown) => {
    const { type, data } = message as { type: string; data: Record<string, unknown> };
    sent.push({ to: tabId as number, type, data });
    (respond as (response: unknown) => void)({ res: type === 'studioPicksElement' ? pickAnswer : undefined });
  });
});
afterEach(cleanup);

describe('PickOnPage', () => {
  it('offers the open tabs that show a known tool', async () => {
    render(<PickOnPage tools={['canvas']} onPicked={() => {}} />);
    const select = (await screen.findByRole('combobox', { name: 'Page to pick on' })) as HTMLSelectElement;
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Cell Diagram Lab, SpeedGrader (Canvas)', 'Biology 7 (Google Classroom)']),
    );
    expect(sent[0]).toEqual({ to: 'background', type: 'studioListsToolTabs', data: { tools: ['canvas'] } });
  });

  it('picks on the chosen tab, shows each way to find it with its match count, and hands back the chosen ones', async () => {
    const onPicked = vi.fn();
    render(<PickOnPage onPicked={onPicked} />);
    const select = await screen.findByRole('combobox', { name: 'Page to pick on' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(select, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));

    const first = await screen.findByRole('checkbox', { name: /rubric-button/ });
    expect(sent.find((message) => message.type === 'studioPreparesPicker')).toEqual({
      to: 'background',
      type: 'studioPreparesPicker',
      data: { tabId: 12 },
    });
    const pick = sent.find((message) => message.type === 'studioPicksElement')!;
    expect(pick.to).toBe(12);
    expect(pick.data.hint).toBe('Click the element for this step (or Tab to it and press Enter). Esc cancels.');
    // The other frames are told to stop once one answered.
    expect(
      sent.some((message) => message.type === 'studioStopsPicker' && message.to === 12 && message.data.pickId === pick.data.pickId),
    ).toBe(true);

    await waitFor(() => expect(first.closest('li')!.textContent).toContain('matches on the page: 1'));
    // Role and name first, as the coach reads them; CSS last.
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((box) => box.closest('li')!.querySelector('code')!.textContent)).toEqual([
      'button "View Rubric"',
      'data-testid "rubric-button"',
      'css button.rubric',
    ]);
    const second = screen.getByRole('checkbox', { name: /button\.rubric/ });
    expect(second.closest('li')!.textContent).toContain('matches on the page: 2');
    expect((screen.getByRole('textbox', { name: 'Label next to the highlight' }) as HTMLInputElement).value).toBe('View Rubric');

    fireEvent.click(second);
    fireEvent.input(screen.getByRole('textbox', { name: 'Label next to the highlight' }), { target: { value: ' Open the rubric ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this element' }));
    expect(onPicked).toHaveBeenCalledWith([{ role: 'button', name: 'View Rubric' }, { testId: 'rubric-button' }], 'Open the rubric');
  });

  it('previews the chosen locators on the page', async () => {
    render(<PickOnPage tabId={11} onPicked={() => {}} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    await screen.findByRole('checkbox', { name: /rubric-button/ });
    fireEvent.click(screen.getByRole('button', { name: 'Preview on page' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Shown on the page.'));
    expect(sent.filter((message) => message.type === 'studioPreviewsTarget').at(-1)).toEqual({
      to: 'background',
      type: 'studioPreviewsTarget',
      data: { tabId: 11, locators: PICKED.locators, label: 'View Rubric', show: true },
    });
  });

  it('will not hand back an empty list', async () => {
    const onPicked = vi.fn();
    render(<PickOnPage tabId={11} onPicked={onPicked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    for (const box of await screen.findAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Use this element' }));
    expect(onPicked).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Keep at least one way to find it.');
  });

  it('offers a highlighter’s CSS selectors as CSS locators when it reports no locators', async () => {
    pickAnswer = { selectors: ['button.rubric'], label: 'View Rubric', tag: 'button' } as unknown as PickResult;
    const onPicked = vi.fn();
    render(<PickOnPage tabId={11} onPicked={onPicked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    await screen.findByRole('checkbox', { name: /css button\.rubric/ });
    fireEvent.click(screen.getByRole('button', { name: 'Use this element' }));
    expect(onPicked).toHaveBeenCalledWith([{ css: 'button.rubric' }], 'View Rubric');
  });

  it('says so when the coach cancels on the page', async () => {
    pickAnswer = null;
    render(<PickOnPage tabId={11} onPicked={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Picking canceled.'));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('says so when it cannot reach the page', async () => {
    prepared = { ok: false };
    render(<PickOnPage tabId={11} onPicked={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain("Coachmark can't reach that page."));
    expect(sent.some((message) => message.type === 'studioPicksElement')).toBe(false);
  });
});
