import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StepsEditor } from '../../components/studio/StepsEditor';
import { newDraft, validateDraft, type CardDraft } from '../../utils/cards/draft';
import type { PickResult, ToolTab } from '../../utils/show-me/types';

const TAB: ToolTab = {
  tabId: 11,
  title: 'SpeedGrader',
  url: 'https://district.instructure.com/courses/1/gradebook/speed_grader',
  tool: 'canvas',
  context: 'speedgrader',
};
const PICKED: PickResult = {
  locators: [{ role: 'button', name: 'View Rubric' }, { css: 'button.rubric' }],
  selectors: ['button.rubric'],
  label: 'View Rubric',
  tag: 'button',
};

beforeEach(() => {
  fakeBrowser.reset();
  // Stands in for the background and, through tabs.sendMessage, the highlighter in the tab.
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type: string; data: Record<string, unknown> }, _sender, sendResponse: (response: unknown) => void) => {
      const answers: Record<string, () => unknown> = {
        studioListsToolTabs: () => [TAB],
        studioPreparesPicker: () => ({ ok: true }),
        studioPreviewsTarget: () => ({ counts: (message.data.locators as unknown[]).map(() => 1), shown: { found: true } }),
      };
      const answer = answers[message.type];
      if (!answer) return undefined;
      sendResponse({ res: answer() });
      return true;
    },
  );
  const tabs = fakeBrowser.tabs as unknown as { sendMessage: (...args: unknown[]) => void };
  tabs.sendMessage = vi.fn((_tabId: unknown, message: unknown, _options: unknown, respond: unknown) => {
    const { type } = message as { type: string };
    (respond as (response: unknown) => void)({ res: type === 'studioPicksElement' ? PICKED : undefined });
  });
});
afterEach(cleanup);

function draftWith(targets: CardDraft['targets']): CardDraft {
  return {
    ...newDraft({ tool: 'canvas', context: 'speedgrader' }),
    title: 'Post grades',
    steps: ['Open **Post grades**.', 'Hide them.'],
    targets,
  };
}

const ways = (step: number) =>
  within(screen.getByRole('list', { name: `Ways to find the show-me target of step ${step}, in the order tried` }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('StepsEditor: show-me targets', () => {
  it('shows a target’s locators, then its older selectors, as the coach reads them', () => {
    render(
      <StepsEditor
        draft={draftWith([
          { step: 0, selectors: ['#post', '.post-button'], label: 'Post grades' },
          {
            step: 1,
            locate: [{ role: 'menuitem', name: 'Hide grades', within: { role: 'menu', name: 'Post grades' } }],
            selectors: ['.hide'],
          },
        ])}
        onDraft={() => {}}
        errorFor={() => undefined}
      />,
    );
    expect(screen.getByText(/Show me points at “Post grades”/).textContent).toContain('(2 ways to find it)');
    expect(ways(1)).toEqual(['css #post', 'css .post-button']);
    expect(ways(2)).toEqual(['menuitem "Hide grades" in menu "Post grades"', 'css .hide']);
    // Without a label, the summary names the first way.
    expect(screen.getByText(/points at “menuitem "Hide grades" in menu "Post grades"”/)).toBeTruthy();
  });

  it('saves a picked element as { step, locate, label }, which the pack schema accepts', async () => {
    const onDraft = vi.fn();
    const draft = draftWith([{ step: 1, selectors: ['.hide'] }]);
    render(<StepsEditor draft={draft} onDraft={onDraft} errorFor={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page for step 1' }));
    await screen.findByRole('option', { name: 'SpeedGrader (Canvas)' });
    fireEvent.click(screen.getByRole('button', { name: 'Pick on page' }));
    await screen.findByRole('checkbox', { name: /button "View Rubric"/ });
    fireEvent.click(screen.getByRole('button', { name: 'Use this element' }));
    const saved = onDraft.mock.calls.at(-1)![0] as CardDraft;
    expect(saved.targets).toEqual([
      { step: 0, locate: [{ role: 'button', name: 'View Rubric' }, { css: 'button.rubric' }], label: 'View Rubric' },
      { step: 1, selectors: ['.hide'] },
    ]);
    expect(validateDraft({ ...saved, id: 'post-grades', summary: 'Post or hide grades.' }).ok).toBe(true);
  });
});
