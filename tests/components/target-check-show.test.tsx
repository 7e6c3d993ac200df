import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TargetChecker, sortByState, targetRows } from '../../components/studio/TargetChecker';
import { CardsTab } from '../../components/studio/CardsTab';
import { db } from '../../utils/platform/db';
import { replacePack } from '../../utils/cards/store';
import { createLocalPack, saveCard } from '../../utils/cards/authoring';
import type { AnyLocator } from '../../utils/show-me/locate';
import type { TargetCheck, TargetState, ToolTab } from '../../utils/show-me/types';
import * as make from '../support/factories';

const TABS: ToolTab[] = [
  {
    tabId: 11,
    title: 'Cell Diagram Lab, SpeedGrader',
    url: 'https://district.instructure.com/courses/1/gradebook/speed_grader?assignment_id=4',
    tool: 'canvas',
    context: 'speedgrader',
  },
  { tabId: 12, title: 'Biology 7', url: 'https://classroom.google.com/c/NjQ4', tool: 'google-classroom', context: 'stream' },
];

const STARTER = make.pack({
  id: 'coachmark-starter',
  name: 'Coachmark starter',
  cards: [
    make.card({
      id: 'post-grades',
      title: 'Post grades',
      steps: ['Open the **Post grades** menu.', 'Choose **Hide grades**.'],
      targets: [
        { step: 1, selectors: ['.hide-grades'] },
        { step: 0, locate: [{ role: 'button', name: 'Post grades' }], selectors: ['#post'], label: 'Post grades' },
      ],
    }),
    make.card({ id: 'modules-only', title: 'Reorder modules', contexts: ['modules'], targets: [{ step: 0, selectors: ['.drag'] }] }),
    make.card({ id: 'no-targets', title: 'Leave a comment' }),
    make.card({
      id: 'canvas-wide',
      title: 'Open the course menu',
      contexts: [],
      targets: [{ step: 0, locate: [{ ariaLabel: 'Course navigation' }, { css: 'nav.courses' }] }],
    }),
  ],
});

type Sent = { type: string; data: Record<string, unknown> };
let sent: Sent[] = [];
let tabs: ToolTab[] = TABS;
/** What the page says for each target; null: Coachmark may not run there. */
let answer: (targets: AnyLocator[][]) => TargetCheck[] | null = () => [];

const check = (state: TargetState, visible: number[] = [state === 'found' ? 1 : 0]): TargetCheck => ({
  state,
  locators: visible.map((count) => ({ found: state === 'missing' ? 0 : Math.max(count, 1), visible: count })),
});

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  sent = [];
  tabs = TABS;
  answer = (targets) => targets.map(() => check('found'));
  // Stands in for the background (utils/show-me/show-me.background.ts).
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type: string; data: Record<string, unknown> }, _sender, sendResponse: (response: unknown) => void) => {
      sent.push({ type: message.type, data: message.data });
      const answers: Record<string, () => unknown> = {
        studioListsToolTabs: () => tabs,
        studioChecksTargets: () => answer(message.data.targets as AnyLocator[][]),
      };
      const reply = answers[message.type];
      if (!reply) return undefined;
      sendResponse({ res: reply() });
      return true;
    },
  );
  await replacePack(STARTER, { kind: 'builtin' });
});
afterEach(cleanup);

const checks = () => sent.filter((message) => message.type === 'studioChecksTargets');

async function renderChecker() {
  render(<TargetChecker packs={await db.packs.toArray()} />);
  const tab = (await screen.findByRole('combobox', { name: 'Page to check' })) as HTMLSelectElement;
  await waitFor(() => expect(within(tab).getAllByRole('option')).toHaveLength(2));
  // Ready once the pack's cards are read.
  await waitFor(() => expect((screen.getByRole('button', { name: 'Check targets' }) as HTMLButtonElement).disabled).toBe(false));
  return { tab, pack: screen.getByRole('combobox', { name: 'Pack to check' }) as HTMLSelectElement };
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));

describe('TargetChecker', () => {
  it('checks the starter pack’s targets for the tab’s page, lists missing ones first, and checks again', async () => {
    answer = () => [check('found'), check('missing'), check('hidden', [0, 0])];
    const { tab, pack } = await renderChecker();
    expect(tab.value).toBe('11');
    expect(
      within(tab)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Cell Diagram Lab, SpeedGrader (SpeedGrader in Canvas)', 'Biology 7 (Stream in Google Classroom)']);
    expect(pack.value).toBe('coachmark-starter');
    expect(within(pack).getByRole('group', { name: 'Built in' })).toBeTruthy();
    expect(checks()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Check targets' }));
    const table = await screen.findByRole('table', {
      name: 'Show-me targets of “Coachmark starter” on SpeedGrader in Canvas, missing ones first',
    });
    // Cards for this page and tool-wide ones, in pack order, each target in step order; a target's locators, then its selectors.
    expect(checks().at(-1)!.data).toEqual({
      tabId: 11,
      targets: [
        [{ role: 'button', name: 'Post grades' }, '#post'],
        ['.hide-grades'],
        [{ ariaLabel: 'Course navigation' }, { css: 'nav.courses' }],
      ],
    });
    expect(rowsOf(table)).toEqual([
      ['Post grades', 'Step 2', 'css .hide-grades', 'Missing'],
      ['Open the course menu', 'Step 1', 'aria-label "Course navigation"', 'Hidden'],
      ['Post grades', 'Step 1', 'button "Post grades"', 'Found'],
    ]);
    expect(screen.getByRole('status').textContent).toBe('1 found, 1 hidden, 1 missing');

    answer = (targets) => targets.map(() => check('found'));
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 found, 0 hidden, 0 missing'));
    expect(checks()).toHaveLength(2);
  });

  it('says which later way found a target when the first finds nothing showing', async () => {
    answer = () => [check('found', [0, 1]), check('found'), check('found')];
    await renderChecker();
    fireEvent.click(screen.getByRole('button', { name: 'Check targets' }));
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /button "Post grades"/ });
    expect(row.textContent).toContain('The first way finds nothing showing; found by: css #post');
  });

  it('checks another tab or pack as soon as it is chosen once the coach has checked, and says when no card has targets for the page', async () => {
    const mine = await createLocalPack('Mine', db);
    await saveCard(
      mine.id,
      make.card({ id: 'mine', title: 'My rubric card', targets: [{ step: 0, locate: [{ text: 'Rubric' }] }] }),
      {},
      db,
    );
    const { tab, pack } = await renderChecker();
    // The coach's own packs come first.
    await waitFor(() => expect(pack.value).toBe(mine.id));
    fireEvent.click(screen.getByRole('button', { name: 'Check targets' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 found, 0 hidden, 0 missing'));
    expect(checks().at(-1)!.data.targets).toEqual([[{ text: 'Rubric' }]]);

    fireEvent.change(pack, { target: { value: 'coachmark-starter' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 found, 0 hidden, 0 missing'));
    expect(checks()).toHaveLength(2);

    fireEvent.change(tab, { target: { value: '12' } });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'No card in “Coachmark starter” has show-me targets for this page (Stream in Google Classroom).',
      ),
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('button', { name: /Check/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(checks()).toHaveLength(2);
  });

  it('tells the coach to allow Coachmark on the site when it may not run there', async () => {
    answer = () => null;
    await renderChecker();
    fireEvent.click(screen.getByRole('button', { name: 'Check targets' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Coachmark isn’t allowed on district.instructure.com'));
    expect(screen.getByRole('status').textContent).toContain('Allow Coachmark on that site');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when no tab is open on a tool, and lists the tabs again on request', async () => {
    tabs = [];
    render(<TargetChecker packs={await db.packs.toArray()} />);
    await screen.findByText('No tab is open on a tool Coachmark knows. Open the tool’s page in another tab, then refresh this list.');
    expect((screen.getByRole('button', { name: 'Check targets' }) as HTMLButtonElement).disabled).toBe(true);
    tabs = TABS;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the list of pages' }));
    await screen.findByRole('combobox', { name: 'Page to check' });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Check targets' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('is part of the Cards tab', async () => {
    render(<CardsTab params={new URLSearchParams()} />);
    const section = await screen.findByRole('region', { name: 'Check targets on a page' });
    expect(within(section).getByRole('combobox', { name: 'Pack to check' })).toBeTruthy();
  });
});

describe('targetRows and sortByState', () => {
  const cards = STARTER.cards.map((card, index) => make.cardRecord(card, STARTER.id, index));

  it('keeps the cards for the page or the whole tool that have targets, in pack order', () => {
    const rows = targetRows(cards, 'canvas', 'speedgrader');
    expect(rows.map((row) => [row.card.id, row.target.step])).toEqual([
      ['post-grades', 0],
      ['post-grades', 1],
      ['canvas-wide', 0],
    ]);
    expect(targetRows(cards, 'canvas', null).map((row) => row.card.id)).toEqual(['canvas-wide']);
    expect(targetRows(cards, 'google-classroom', 'stream')).toEqual([]);
  });

  it('puts missing first, then hidden, then found, keeping the order within each', () => {
    const rows = targetRows(cards, 'canvas', 'speedgrader');
    const sorted = sortByState(rows, [check('hidden'), check('found'), check('missing')]);
    expect(sorted.map(({ row, check: result }) => [row.card.id, row.target.step, result.state])).toEqual([
      ['canvas-wide', 0, 'missing'],
      ['post-grades', 0, 'hidden'],
      ['post-grades', 1, 'found'],
    ]);
  });
});
