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
  it('keeps feedback behind one small menu per card, on this device, and moves nothing under the pointer', async () => {
    await install();
    const view = render(<PageCards detection={SPEEDGRADER} />);
    const page = await screen.findByRole('region', { name: 'On this page' });
    expect(titles(page)).toEqual(['Grade with a rubric', 'Leave a comment', 'Apply a curve']);
    fireEvent.click(toggleOf('Grade with a rubric'));
    const card = page.querySelector<HTMLElement>('article.card--open')!;
    // One control, not a row of them; its choices are listed only when asked for.
    const menu = await within(card).findByRole('button', { name: 'Feedback on “Grade with a rubric”' });
    expect(within(card).queryByRole('button', { name: 'I know this' })).toBeNull();
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const helped = within(card).getByRole('button', { name: 'This helped' });
    expect(helped.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(within(card).getByRole('button', { name: "This card didn't help: Grade with a rubric" }));
    expect(within(card).getByRole('status').textContent).toBe('Noted on this device.');
    await waitFor(async () => expect((await db.feedback.get('p/intermediate'))?.helpful).toBe('no'));
    // The flag form opens to tell the coach, if the teacher wants to.
    expect(await within(card).findByRole('region', { name: 'Flag a gap' })).toBeTruthy();
    // The list keeps its order while the teacher is looking at it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(titles(page)).toEqual(['Grade with a rubric', 'Leave a comment', 'Apply a curve']);

    // The next visit counts it: the card that didn't help comes after its equals.
    view.unmount();
    render(<PageCards detection={SPEEDGRADER} />);
    await waitFor(() => expect(titles(region('On this page'))).toEqual(['Leave a comment', 'Grade with a rubric', 'Apply a curve']));
    fireEvent.click(toggleOf('Grade with a rubric'));
    fireEvent.click(await screen.findByRole('button', { name: 'Feedback on “Grade with a rubric”' }));
    fireEvent.click(screen.getByRole('button', { name: 'This helped' }));
    await waitFor(async () => expect((await db.feedback.get('p/intermediate'))?.helpful).toBe('yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Feedback on “Grade with a rubric”' }));
    expect(screen.getByRole('button', { name: 'This helped' }).getAttribute('aria-pressed')).toBe('true');
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
    fireEvent.click(await screen.findByRole('button', { name: 'Feedback on “Leave a comment”' }));
    fireEvent.click(screen.getByRole('button', { name: 'I know this' }));

    // In its place: what happened, and Undo, which has focus.
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(within(region('On this page')).getByTestId('known-undo').textContent).toContain('“Leave a comment” moved to Cards you know.');
    const known = await screen.findByRole('region', { name: 'Cards you know' });
    expect((await db.feedback.get('p/beginner'))?.known).toBe(true);
    expect(titles(region('On this page'))).not.toContain('Leave a comment');

    // The group is collapsed: the card is listed only after "Show 1 known card".
    expect(titles(known)).toEqual([]);
    const show = within(known).getByRole('button', { name: 'Show 1 known card' });
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
    // The tool's other cards (and so a known one among them) come a moment after the page's own.
    const known = await screen.findByRole('region', { name: 'Cards you know' });
    fireEvent.click(await within(known).findByRole('button', { name: 'Show 2 known cards' }));
    expect(titles(known).sort()).toEqual(['Grade with a rubric', 'Publish a module']);

    fireEvent.click(toggleOf('Publish a module', known));
    fireEvent.click(await within(known).findByRole('button', { name: 'Feedback on “Publish a module”' }));
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
    fireEvent.click(
      within(await screen.findByRole('region', { name: 'More for Canvas' })).getByRole('button', { name: 'More for Canvas (1)' }),
    );
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
