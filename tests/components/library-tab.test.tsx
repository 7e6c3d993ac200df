import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryTab } from '../../components/studio/LibraryTab';
import { db } from '../../utils/platform/db';
import { RUBRIC_TITLE, TODAY, seedLibrary, seedManyCards } from './library-fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  // Only the clock: Dexie and the live queries keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  await db.delete();
  await db.open();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const params = (query = '') => new URLSearchParams(query);
const results = () => screen.getByRole('region', { name: 'Cards' });
const titles = () =>
  within(results())
    .queryAllByRole('listitem')
    .filter((item) => item.parentElement?.classList.contains('library-results'))
    .map((item) => item.querySelector('.library-result__open')?.textContent);
const count = () => screen.getByTestId('library-count').textContent;
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const optionLabels = (label: string) =>
  Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((option) => option.text);

async function renderLibrary(query = '') {
  render(<LibraryTab params={params(query)} />);
  await screen.findByRole('heading', { name: 'Card library' });
}

describe('LibraryTab: every card of every pack', () => {
  it('lists built-in, local, subscribed and policy cards, by title, with where each shows, its pack, language and state', async () => {
    await seedLibrary();
    await renderLibrary();
    expect(titles()).toEqual([
      'Add a rubric to an assignment',
      'Assign an activity',
      'Calificar con una rúbrica en SpeedGrader',
      RUBRIC_TITLE,
      'Leave comments in SpeedGrader',
      'Publish a module',
      'Set a late policy',
      'Start a live lesson',
    ]);
    expect(count()).toBe('8 cards');
    expect(screen.getByTestId('library-count').getAttribute('role')).toBe('status');

    const item = (title: string) => screen.getByRole('button', { name: title }).closest('li')!;
    const rubric = item(RUBRIC_TITLE);
    expect(rubric.querySelector('.pack__meta')?.textContent).toBe('Canvas › SpeedGraderin Coachmark starter packEnglish');
    expect(
      within(within(rubric).getByRole('list', { name: 'Status' }))
        .getAllByRole('listitem')
        .map((badge) => badge.textContent),
    ).toEqual(['Flagged out of date']);
    expect(item('Calificar con una rúbrica en SpeedGrader').textContent).toContain('Spanish');
    expect(item('Assign an activity').querySelector('.pack__meta span')?.textContent).toBe('Seesaw');
    expect(within(item('Assign an activity')).getByRole('list', { name: 'Status' }).textContent).toBe('Due for reviewNot verified');
    expect(within(item('Set a late policy')).getByRole('list', { name: 'Status' }).textContent).toBe('Current');
    expect(item('Set a late policy').textContent).toContain('in Lincoln cards');
    expect(item('Start a live lesson').textContent).toContain('in Valley feed');
    expect(item('Leave comments in SpeedGrader').textContent).toContain('in District policy pack');
  });

  it('says so when there are no cards at all', async () => {
    await renderLibrary();
    expect(screen.getByText('No cards on this device yet.')).toBeTruthy();
    expect(count()).toBe('0 cards');
  });
});

describe('LibraryTab: the review summary', () => {
  it('counts due and flagged cards, and each count is a button that shows just those', async () => {
    await seedLibrary();
    await renderLibrary();
    const summary = screen.getByTestId('library-summary');
    expect(summary.textContent).toMatch(/^3 cards due for review · 2 flagged out of date · \d+ not verified$/);

    fireEvent.click(within(summary).getByRole('button', { name: '3 cards due for review' }));
    expect(titles()).toEqual(['Assign an activity', 'Leave comments in SpeedGrader', 'Publish a module']);
    expect(count()).toBe('3 cards');
    expect((screen.getByLabelText('Review state') as HTMLSelectElement).value).toBe('due');

    fireEvent.click(within(summary).getByRole('button', { name: '2 flagged out of date' }));
    expect(titles()).toEqual([RUBRIC_TITLE, 'Start a live lesson']);
    expect((screen.getByLabelText('Review state') as HTMLSelectElement).value).toBe('outdated');

    const unverified = within(summary).getByRole('button', { name: /not verified$/ });
    fireEvent.click(unverified);
    expect(count()).toBe(`${unverified.textContent!.split(' ')[0]} cards`);
    expect((screen.getByLabelText('Review state') as HTMLSelectElement).value).toBe('unverified');
  });

  it('clears the search and other filters when a count is pressed, so the list shows that many', async () => {
    await seedLibrary();
    await renderLibrary();
    fireEvent.input(screen.getByLabelText('Search the library'), { target: { value: 'rubric' } });
    choose('Tool', 'google-classroom');
    fireEvent.click(screen.getByRole('button', { name: '3 cards due for review' }));
    expect((screen.getByLabelText('Search the library') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Tool') as HTMLSelectElement).value).toBe('');
    expect(titles()).toHaveLength(3);
  });

  it('shows a zero count as text, not a button', async () => {
    await seedLibrary();
    await db.gaps.clear();
    await renderLibrary();
    await waitFor(() =>
      expect(screen.getByTestId('library-summary').textContent).toMatch(/^3 cards due for review · 0 flagged out of date · /),
    );
    expect(screen.queryByRole('button', { name: '0 flagged out of date' })).toBeNull();
  });

  it('follows new flags as teachers send them', async () => {
    await seedLibrary();
    await renderLibrary();
    await db.gaps.update('outdated-3', { status: 'resolved' });
    await screen.findByRole('button', { name: '1 flagged out of date' });
  });
});

describe('LibraryTab: search and filters', () => {
  it("searches with the panel's engine: typos, translations and tags find cards, best first", async () => {
    await seedLibrary();
    await renderLibrary();
    const search = screen.getByLabelText('Search the library');
    fireEvent.input(search, { target: { value: 'rubric speedgrader' } });
    expect(titles()[0]).toBe(RUBRIC_TITLE);
    // A typo the title filter of the Cards tab would never match.
    fireEvent.input(search, { target: { value: 'rubrik' } });
    expect(titles()).toEqual(expect.arrayContaining([RUBRIC_TITLE, 'Add a rubric to an assignment']));
    expect(titles()).not.toContain('Publish a module');
    fireEvent.input(search, { target: { value: 'nothing like this anywhere' } });
    expect(screen.getByText('No card matches this search and these filters.')).toBeTruthy();
    expect(count()).toBe('0 cards');
  });

  it("offers the chosen tool's pages from the catalogue, and filters by tool and page", async () => {
    await seedLibrary();
    await renderLibrary();
    const page = screen.getByLabelText('Page') as HTMLSelectElement;
    expect(page.disabled).toBe(true);
    expect(optionLabels('Tool')).toEqual(['All tools', 'Canvas', 'Google Classroom', 'Nearpod', 'Seesaw']);

    choose('Tool', 'canvas');
    expect(page.disabled).toBe(false);
    expect(optionLabels('Page')).toEqual(expect.arrayContaining(['All pages', 'SpeedGrader', 'Gradebook', 'Modules', 'Rubrics']));
    expect(titles()).toEqual([
      'Calificar con una rúbrica en SpeedGrader',
      RUBRIC_TITLE,
      'Leave comments in SpeedGrader',
      'Publish a module',
      'Set a late policy',
    ]);
    choose('Page', 'speedgrader');
    expect(titles()).toEqual(['Calificar con una rúbrica en SpeedGrader', RUBRIC_TITLE, 'Leave comments in SpeedGrader']);

    // Another tool starts again from all its pages.
    choose('Tool', 'google-classroom');
    expect(page.value).toBe('');
    expect(titles()).toEqual(['Add a rubric to an assignment']);
  });

  it('filters by pack (grouped by where packs come from), level, language and review state, and clears them all', async () => {
    await seedLibrary();
    await renderLibrary();
    const packSelect = screen.getByLabelText('Pack') as HTMLSelectElement;
    expect(
      Array.from(packSelect.querySelectorAll('optgroup')).map((group) => [
        group.label,
        Array.from(group.children).map((option) => option.textContent),
      ]),
    ).toEqual([
      ['Built in', ['Coachmark starter pack']],
      ['Your packs', ['Lincoln cards']],
      ['Subscribed', ['District policy pack', 'Valley feed']],
    ]);
    choose('Pack', 'coachmark-starter');
    expect(titles()).toHaveLength(5);
    choose('Level', 'intermediate');
    expect(titles()).toEqual(['Add a rubric to an assignment']);
    choose('Level', '');
    expect(optionLabels('Language')).toEqual(['All languages', 'English', 'Spanish', 'Not set']);
    choose('Language', 'es');
    expect(titles()).toEqual(['Calificar con una rúbrica en SpeedGrader']);
    choose('Language', '');
    choose('Review state', 'unverified');
    expect(titles()).toEqual(['Add a rubric to an assignment', 'Assign an activity', 'Calificar con una rúbrica en SpeedGrader']);
    choose('Review state', 'current');
    expect(titles()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(titles()).toHaveLength(8);
    expect((screen.getByRole('button', { name: 'Clear filters' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts a card without a language of its own in its pack’s language, and one with neither as "Not set"', async () => {
    await seedLibrary();
    await renderLibrary();
    // The local pack and its card say no language.
    expect(optionLabels('Language')).toEqual(['All languages', 'English', 'Spanish', 'Not set']);
    choose('Language', '-');
    expect(titles()).toEqual(['Leave comments in SpeedGrader', 'Set a late policy', 'Start a live lesson']);
  });
});

describe('LibraryTab: paging', () => {
  it('lists 25 at a time; "Show more" adds the next ones, moves focus to the first of them, and the count says how many are shown', async () => {
    await seedManyCards(60);
    await renderLibrary();
    expect(titles()).toHaveLength(25);
    expect(count()).toBe('60 cards, first 25 shown');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(titles()).toHaveLength(50);
    expect(count()).toBe('60 cards, first 50 shown');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Bulk card 025'));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(titles()).toHaveLength(60);
    expect(count()).toBe('60 cards');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    // A new search starts from the first page again.
    fireEvent.input(screen.getByLabelText('Search the library'), { target: { value: 'bulk' } });
    expect(titles()).toHaveLength(25);
  });
});
