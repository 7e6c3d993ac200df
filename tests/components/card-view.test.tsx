import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Panel } from '../../components/panel/Panel';
import { PageCards } from '../../components/panel/PageCards';
import { resetSearchSession } from '../../components/panel/search-session';
import { db } from '../../utils/platform/db';
import { replacePack } from '../../utils/cards/store';
import { saveTabState } from '../../utils/tabs/tab-state';
import { COMFORT_STORAGE_KEY } from '../../utils/cards/comfort';
import type { Card, Level } from '../../utils/cards/schema';
import * as make from '../support/factories';

const TAB = 42;
const SPEEDGRADER = { tool: 'canvas', context: 'speedgrader' };

function card(id: string, title: string, level: Level, contexts: string[] = ['speedgrader'], steps?: string[]): Card {
  return make.card({
    id,
    title,
    summary: `When you need to ${title.toLowerCase()}.`,
    steps: steps ?? ['Open **SpeedGrader**.', 'Select **Save**.'],
    contexts,
    level,
  });
}

const CARDS = [
  card('advanced', 'Apply a curve', 'advanced'),
  card('beginner', 'Leave a comment', 'beginner'),
  card('intermediate', 'Grade with a rubric', 'intermediate'),
  card('modules', 'Publish a module', 'beginner', ['modules']),
];

async function install(cards: Card[] = CARDS) {
  await replacePack({ schemaVersion: 1, id: 'p', name: 'p', version: '1', cards }, { kind: 'local' });
}

const region = (name: string) => screen.getByRole('region', { name });
const titles = (element: HTMLElement) =>
  Array.from(element.querySelectorAll('.card__toggle > span:first-child'), (node) => node.textContent);
const toggleOf = (title: string, within_: HTMLElement = document.body) =>
  within(within_).getByRole('button', { name: new RegExp(`^${title}`) });

beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  resetSearchSession();
  await db.delete();
  await db.open();
  window.history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
});
afterEach(cleanup);

describe('card view', () => {
  it('asks "Was this helpful?" and keeps the answer on this device', async () => {
    await install();
    render(<PageCards detection={SPEEDGRADER} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Leave a comment/ }));
    const question = screen.getByRole('group', { name: 'Was this helpful?' });
    const yes = within(question).getByRole('button', { name: 'Yes' });
    const no = within(question).getByRole('button', { name: 'No' });
    expect(yes.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(no);
    expect(screen.getByText('Thanks, noted on this device.').getAttribute('role')).toBe('status');
    await waitFor(() => expect(no.getAttribute('aria-pressed')).toBe('true'));
    expect(await db.feedback.get('p/beginner')).toMatchObject({ cardKey: 'p/beginner', helpful: 'no' });
    fireEvent.click(yes);
    await waitFor(() => expect(yes.getAttribute('aria-pressed')).toBe('true'));
    expect(no.getAttribute('aria-pressed')).toBe('false');
    expect((await db.feedback.get('p/beginner'))?.helpful).toBe('yes');
  });

  it('renders steps only through the sanitiser', async () => {
    await install([
      card(
        'hostile',
        'Hostile steps',
        'beginner',
        ['speedgrader'],
        ['<img src=x onerror="alert(1)">Look', '[click](javascript:alert(1)) and <script>alert(2)</script>**bold**'],
      ),
    ]);
    render(<PageCards detection={SPEEDGRADER} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Hostile steps/ }));
    const steps = document.querySelector('.card__steps')!;
    expect(steps.querySelector('img, script, [onerror]')).toBeNull();
    expect(Array.from(steps.querySelectorAll('a'), (a) => a.getAttribute('href'))).not.toContain('javascript:alert(1)');
    expect(steps.querySelector('strong')?.textContent).toBe('bold');
  });

  it('"I know this" moves the card to a collapsed group, with Undo right there', async () => {
    await install();
    render(<PageCards detection={SPEEDGRADER} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Leave a comment/ }));
    fireEvent.click(screen.getByRole('button', { name: 'I know this' }));

    // In its place: what happened, and Undo, which has focus.
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(within(region('On this page')).getByTestId('known-undo').textContent).toContain('“Leave a comment” moved to Cards you know.');
    const known = await screen.findByRole('region', { name: 'Cards you know' });
    expect((await db.feedback.get('p/beginner'))?.known).toBe(true);
    expect(titles(region('On this page'))).not.toContain('Leave a comment');

    // The group is collapsed: the card is listed only after "Show known cards".
    expect(titles(known)).toEqual([]);
    const show = within(known).getByRole('button', { name: 'Show known cards (1)' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(within(known).getByRole('button', { name: 'Hide known cards' }).getAttribute('aria-expanded')).toBe('true');
    expect(titles(known)).toEqual(['Leave a comment']);
    expect(within(known).getByText('You know this').closest('li')?.textContent).toContain('Leave a comment');

    // Undo brings it back where it was, and focus with it.
    fireEvent.click(undo);
    await waitFor(() => expect(titles(region('On this page'))).toContain('Leave a comment'));
    expect(screen.queryByRole('region', { name: 'Cards you know' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(toggleOf('Leave a comment', region('On this page'))));
    expect((await db.feedback.get('p/beginner'))?.known).toBe(false);
  });

  it('keeps known cards out of the way next time, and "I still need this" brings one back', async () => {
    await install();
    await db.feedback.put({ cardKey: 'p/intermediate', known: true });
    await db.feedback.put({ cardKey: 'p/modules', known: true });
    render(<PageCards detection={SPEEDGRADER} />);
    const page = await screen.findByRole('region', { name: 'On this page' });
    expect(titles(page)).toEqual(['Leave a comment', 'Apply a curve']);
    expect(screen.queryByRole('region', { name: 'More for Canvas' })).toBeNull();
    const known = region('Cards you know');
    fireEvent.click(within(known).getByRole('button', { name: 'Show known cards (2)' }));
    expect(titles(known).sort()).toEqual(['Grade with a rubric', 'Publish a module']);

    fireEvent.click(toggleOf('Publish a module', known));
    fireEvent.click(within(known).getByRole('button', { name: 'I still need this' }));
    await waitFor(() => expect(titles(region('More for Canvas'))).toEqual(['Publish a module']));
    expect(titles(region('Cards you know'))).toEqual(['Grade with a rubric']);
    await waitFor(() => expect(document.activeElement).toBe(toggleOf('Publish a module', region('More for Canvas'))));
  });

  it('orders cards by the comfort level chosen for the tool, and remembers it per tool', async () => {
    await install();
    render(<PageCards detection={SPEEDGRADER} />);
    const page = await screen.findByRole('region', { name: 'On this page' });
    const select = screen.getByRole('combobox', { name: 'Your level with Canvas' }) as HTMLSelectElement;
    // Comfortable (the default): the library's order (by title), advanced after the rest.
    expect(select.value).toBe('comfortable');
    expect(titles(page)).toEqual(['Grade with a rubric', 'Leave a comment', 'Apply a curve']);

    fireEvent.change(select, { target: { value: 'new' } });
    await waitFor(() => expect(titles(page)).toEqual(['Leave a comment', 'Grade with a rubric', 'Apply a curve']));
    fireEvent.change(select, { target: { value: 'expert' } });
    await waitFor(() => expect(titles(page)).toEqual(['Apply a curve', 'Grade with a rubric', 'Leave a comment']));
    expect((await fakeBrowser.storage.local.get(COMFORT_STORAGE_KEY))[COMFORT_STORAGE_KEY]).toEqual({ canvas: 'expert' });

    // Another tool has its own level.
    cleanup();
    render(<PageCards detection={{ tool: 'seesaw', context: 'journal' }} />);
    const other = (await screen.findByRole('combobox', { name: 'Your level with Seesaw' })) as HTMLSelectElement;
    await waitFor(() => expect(other.value).toBe('comfortable'));
  });

  it('shows recently viewed cards of the tool after the page’s own, when there is no query', async () => {
    await install();
    await saveTabState({ tabId: TAB, url: 'x', detection: SPEEDGRADER, updatedAt: 1 });
    render(<Panel />);
    // Nothing viewed yet: no strip.
    await screen.findByRole('region', { name: 'On this page' });
    expect(screen.queryByRole('region', { name: 'Recently viewed' })).toBeNull();
    fireEvent.click(toggleOf('Publish a module', region('More for Canvas')));
    fireEvent.click(toggleOf('Leave a comment', region('On this page')));
    await waitFor(async () => expect(await db.feedback.where('viewedAt').above(0).count()).toBe(2));
    // Opening cards does not shuffle the page under the teacher's eyes.
    expect(screen.queryByRole('region', { name: 'Recently viewed' })).toBeNull();

    // The next time the page is shown: the tool's card opened before, not the page's own.
    await saveTabState({ tabId: TAB, url: 'y', detection: { tool: 'canvas', context: 'modules' }, updatedAt: 2 });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Canvas › Modules'));
    await saveTabState({ tabId: TAB, url: 'x', detection: SPEEDGRADER, updatedAt: 3 });
    const recent = await screen.findByRole('region', { name: 'Recently viewed' });
    expect(titles(recent)).toEqual(['Publish a module']);
    const main = document.querySelector('main')!;
    const order = Array.from(main.querySelectorAll('section h2'), (heading) => heading.textContent);
    expect(order.slice(0, 3)).toEqual(['On this page', 'Recently viewed', 'More for Canvas']);
  });

  it('lists every tool’s recently viewed cards on a page that is not a tool', async () => {
    await install();
    await db.feedback.bulkPut([
      { cardKey: 'p/beginner', viewedAt: 10 },
      { cardKey: 'p/modules', viewedAt: 20 },
      { cardKey: 'p/advanced', viewedAt: 30, known: true },
    ]);
    await saveTabState({ tabId: TAB, url: 'https://example.org/', detection: null, updatedAt: 1 });
    render(<Panel />);
    const recent = await screen.findByRole('region', { name: 'Recently viewed' });
    expect(titles(recent)).toEqual(['Publish a module', 'Leave a comment']);
  });
});
