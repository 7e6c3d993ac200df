import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Panel } from '../../components/panel/Panel';
import { resetSearchSession } from '../../components/panel/search-session';
import { db } from '../../utils/platform/db';
import { replacePack } from '../../utils/cards/store';
import { saveTabState } from '../../utils/tabs/tab-state';
import { saveSettings } from '../../utils/settings/settings';
import type { Card } from '../../utils/cards/schema';
import * as make from '../support/factories';

const TAB = 42;

function card(partial: Partial<Card> & Pick<Card, 'id' | 'title' | 'tools'>): Card {
  return make.card({
    summary: `How to ${partial.title.toLowerCase()}.`,
    steps: ['Open the page.', 'Select **Save**.'],
    contexts: [],
    ...partial,
  });
}

const CARDS: Card[] = [
  card({
    id: 'sg-rubric',
    title: 'Grade with a rubric in SpeedGrader',
    tools: ['canvas'],
    contexts: ['speedgrader'],
    tags: ['rubric', 'grading'],
    steps: ['Select **View Rubric** in the grading panel.', 'Choose a rating for each rubric criterion.'],
  }),
  card({ id: 'sg-comment', title: 'Leave a comment in SpeedGrader', tools: ['canvas'], contexts: ['speedgrader'], tags: ['feedback'] }),
  card({ id: 'attach-rubric', title: 'Attach a rubric to an assignment', tools: ['canvas'], contexts: ['assignment'], tags: ['rubric'] }),
  card({
    id: 'announce',
    title: 'Post or schedule an announcement',
    tools: ['canvas'],
    contexts: ['announcements'],
    tags: ['announcement'],
  }),
  card({
    id: 'classroom-rubric',
    title: 'Add a rubric to a Classroom assignment',
    tools: ['google-classroom'],
    contexts: ['classwork'],
    tags: ['rubric'],
  }),
  card({ id: 'seesaw-journal', title: 'Approve journal posts', tools: ['seesaw'], contexts: ['journal'], tags: ['journal'] }),
];

async function setUp(
  cards: Card[] = CARDS,
  detection: { tool: string; context: string | null } | null = { tool: 'canvas', context: 'speedgrader' },
) {
  await replacePack({ schemaVersion: 1, id: 'p', name: 'p', version: '1', cards }, { kind: 'local' });
  await saveTabState({ tabId: TAB, url: 'https://d.instructure.com/courses/1/gradebook/speed_grader', detection, updatedAt: 1 });
  render(<Panel />);
  const box = await screen.findByRole('searchbox', { name: 'Search cards' });
  return box as HTMLInputElement;
}

function type(box: HTMLInputElement, value: string) {
  fireEvent.focus(box);
  box.focus();
  fireEvent.input(box, { target: { value } });
}

const titlesIn = (region: HTMLElement) =>
  Array.from(region.querySelectorAll('.card__toggle > span:first-child')).map((node) => node.textContent);
const results = () => document.getElementById('search-results')!;

beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  resetSearchSession();
  await db.delete();
  await db.open();
  window.history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('panel search', () => {
  it('builds the index only when the teacher reaches for search, not when the panel opens', async () => {
    const readAll = vi.spyOn(db.cards, 'toArray');
    const box = await setUp();
    await screen.findByRole('region', { name: 'On this page' });
    expect(readAll).not.toHaveBeenCalled();
    fireEvent.focus(box);
    await waitFor(() => expect(readAll).toHaveBeenCalledTimes(1));
    // Typing afterwards reuses the same index.
    type(box, 'rubric');
    await screen.findByRole('region', { name: 'Best match' });
    type(box, 'rubrics');
    await waitFor(() => expect(results().dataset.query).toBe('rubrics'));
    expect(readAll).toHaveBeenCalledTimes(1);
  });

  it('finds a card from a typo, shows the best match first and groups the rest by this page, this tool and other tools', async () => {
    const box = await setUp();
    type(box, 'rubrik');
    const best = await screen.findByRole('region', { name: 'Best match' });
    expect(titlesIn(best)).toEqual(['Grade with a rubric in SpeedGrader']);
    // The best match is not repeated in its group, and the regions come in this order.
    expect(screen.queryByRole('region', { name: 'This page' })).toBeNull();
    expect(Array.from(results().querySelectorAll('section h2'), (heading) => heading.textContent)).toEqual([
      'Best match',
      'This tool (Canvas)',
      'Other tools',
    ]);
    expect(titlesIn(screen.getByRole('region', { name: 'This tool (Canvas)' }))).toEqual(['Attach a rubric to an assignment']);
    const other = screen.getByRole('region', { name: 'Other tools' });
    expect(titlesIn(other)).toEqual(['Add a rubric to a Classroom assignment']);
    // Results from other tools say which tool they are for.
    expect(within(other).getByText('Google Classroom').closest('article')?.dataset.cardId).toBe('classroom-rubric');
    // The page's cards list is replaced by the results while searching.
    expect(screen.queryByRole('region', { name: 'On this page' })).toBeNull();
    expect(results().querySelector('[role=status]')?.textContent).toBe('3 cards found');
  });

  it('marks the matched words, including the word a typo stood for, without HTML from card text', async () => {
    const hostile = card({
      id: 'hostile',
      title: 'Rubric <img src=x onerror="alert(1)"> tips',
      summary: 'Reuse a <b>rubric</b> across courses.',
      tools: ['canvas'],
      contexts: ['speedgrader'],
      steps: ['Open the **rubric** menu and pick one.'],
    });
    const box = await setUp([hostile, ...CARDS]);
    type(box, 'rubrik');
    await screen.findByRole('region', { name: 'Best match' });
    const article = results().querySelector('article[data-card-id=hostile]')!;
    const title = article.querySelector('.card__toggle > span:first-child')!;
    expect(Array.from(title.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual(['Rubric']);
    expect(title.textContent).toBe('Rubric <img src=x onerror="alert(1)"> tips');
    expect(article.querySelector('img, b')).toBeNull();
    expect(Array.from(article.querySelectorAll('.card__summary mark'), (mark) => mark.textContent)).toEqual(['rubric']);
    // Steps: rendered Markdown keeps its markup, and the word inside <strong> is marked.
    fireEvent.click(article.querySelector('.card__toggle')!);
    // The card's body is its own chunk, rendered on open.
    const step = await waitFor(() => {
      const first = article.querySelector('.card__steps li');
      if (!first) throw new Error('the card has not opened yet');
      return first;
    });
    expect(step.querySelector('strong mark')?.textContent).toBe('rubric');
    expect(step.textContent?.trim()).toBe('Open the rubric menu and pick one.');
    // Words that did not match stay plain.
    expect(Array.from(article.querySelectorAll('mark'), (mark) => mark.textContent?.toLowerCase())).toEqual(['rubric', 'rubric', 'rubric']);
  });

  it('moves through results with the arrow keys, opens with Enter and clears with Escape', async () => {
    const box = await setUp();
    type(box, 'rubric');
    await screen.findByRole('region', { name: 'Best match' });
    const toggles = Array.from(results().querySelectorAll<HTMLElement>('.card__toggle'));
    expect(toggles.length).toBe(3);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(toggles[0]);
    fireEvent.keyDown(toggles[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(toggles[1]);
    fireEvent.keyDown(toggles[1]!, { key: 'ArrowDown' });
    fireEvent.keyDown(toggles[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(toggles[2]);
    fireEvent.keyDown(toggles[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(toggles[0]);
    fireEvent.keyDown(toggles[0]!, { key: 'End' });
    expect(document.activeElement).toBe(toggles[2]);
    fireEvent.keyDown(toggles[2]!, { key: 'ArrowUp' });
    fireEvent.keyDown(toggles[1]!, { key: 'ArrowUp' });
    fireEvent.keyDown(toggles[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);

    // Enter in the box opens the best result in place and puts focus on it.
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(toggles[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggles[0]);
    await waitFor(() => expect(results().querySelector('article[data-card-id=sg-rubric] .card__steps')).not.toBeNull());

    // Escape anywhere in the results clears the search and returns to the box.
    const inside = toggles[1]!;
    inside.focus();
    fireEvent.keyDown(inside, { key: 'Escape' });
    await waitFor(() => expect(box.value).toBe(''));
    expect(document.activeElement).toBe(box);
    expect(titlesIn(await screen.findByRole('region', { name: 'On this page' }))).toEqual([
      'Grade with a rubric in SpeedGrader',
      'Leave a comment in SpeedGrader',
    ]);

    // Escape in the box clears it too.
    type(box, 'announcement');
    await screen.findByRole('region', { name: 'Best match' });
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(box.value).toBe(''));
    expect(document.activeElement).toBe(box);
  });

  it('offers "Ping a mentor" and "Flag a gap" when nothing is found, and opens the form', async () => {
    const box = await setUp();
    type(box, 'zqxv breakout');
    const empty = await screen.findByTestId('search-empty');
    expect(empty.textContent).toContain('No card matches “zqxv breakout”.');
    fireEvent.click(within(empty).getByRole('button', { name: 'Flag a gap' }));
    const actions = screen.getByRole('region', { name: 'Get more help' });
    await waitFor(() => expect(within(actions).getByRole('button', { name: 'Flag a gap' }).getAttribute('aria-expanded')).toBe('true'));
    fireEvent.click(within(empty).getByRole('button', { name: 'Ping a mentor' }));
    await waitFor(() => expect(within(actions).getByRole('button', { name: 'Ping a mentor' }).getAttribute('aria-expanded')).toBe('true'));
    // Asking for help records the search that found nothing, once, with the page it was on.
    const misses = await db.searchMisses.toArray();
    expect(misses.map(({ query, tool, context }) => ({ query, tool, context }))).toEqual([
      { query: 'zqxv breakout', tool: 'canvas', context: 'speedgrader' },
    ]);
  });

  it('records one search per typed query when the box loses focus, never 1–2 letter ones', async () => {
    const box = await setUp();
    type(box, 'zq');
    await screen.findByTestId('search-empty');
    fireEvent.blur(box);
    for (const value of ['zqx', 'zqxv', 'zqxvw']) {
      type(box, value);
      await waitFor(() => expect(results().dataset.query).toBe(value));
    }
    fireEvent.blur(box);
    fireEvent.blur(box);
    // A search that finds something is not a miss.
    type(box, 'rubric');
    await screen.findByRole('region', { name: 'Best match' });
    fireEvent.blur(box);
    await waitFor(async () => expect((await db.searchMisses.toArray()).map((m) => m.query)).toEqual(['zqxvw']));
    expect((await db.searchMisses.toArray())[0]).toMatchObject({ query: 'zqxvw', tool: 'canvas', context: 'speedgrader' });
  });

  it('searches every tool on a page that is not a tool, in one group', async () => {
    const box = await setUp(CARDS, null);
    type(box, 'rubric');
    const all = await screen.findByRole('region', { name: 'All cards' });
    expect(titlesIn(screen.getByRole('region', { name: 'Best match' }))).toHaveLength(1);
    expect(titlesIn(all)).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'This page' })).toBeNull();
  });

  it('picks up cards added while the panel is open', async () => {
    const box = await setUp();
    type(box, 'journal');
    expect(titlesIn(await screen.findByRole('region', { name: 'Best match' }))).toEqual(['Approve journal posts']);
    await replacePack(
      {
        schemaVersion: 1,
        id: 'p2',
        name: 'p2',
        version: '1',
        cards: [card({ id: 'sg-journal', title: 'Link a journal in SpeedGrader', tools: ['canvas'], contexts: ['speedgrader'] })],
      },
      { kind: 'local' },
    );
    await waitFor(() => expect(titlesIn(screen.getByRole('region', { name: 'Best match' }))).toEqual(['Link a journal in SpeedGrader']), {
      timeout: 3000,
    });
    expect(titlesIn(screen.getByRole('region', { name: 'Other tools' }))).toEqual(['Approve journal posts']);
  });

  it('puts a better match from elsewhere in the tool above a weak match on this page', async () => {
    const box = await setUp([
      ...CARDS,
      card({ id: 'late', title: 'Set a late work policy', tools: ['canvas'], contexts: ['gradebook'], tags: ['late'] }),
    ]);
    type(box, 'late work');
    const best = await screen.findByRole('region', { name: 'Best match' });
    expect(titlesIn(best)).toEqual(['Set a late work policy']);
    // The rubric card on this page mentions "work" in passing only: below the floor, not listed at all.
    expect(results().querySelector('article[data-card-id=sg-rubric]')).toBeNull();
  });

  it('leaves out the tools the school hides, except on their own pages', async () => {
    await saveSettings({ hiddenTools: ['google-classroom'] });
    const box = await setUp();
    type(box, 'rubric');
    await screen.findByRole('region', { name: 'Best match' });
    await waitFor(() => expect(results().querySelector('[role=status]')?.textContent).toBe('2 cards found'));
    expect(results().querySelector('article[data-card-id=classroom-rubric]')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Other tools' })).toBeNull();
  });
});
