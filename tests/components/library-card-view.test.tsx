import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryTab } from '../../components/studio/LibraryTab';
import { CardsTab } from '../../components/studio/CardsTab';
import { Studio } from '../../components/studio/Studio';
import { db } from '../../utils/platform/db';
import { adaptCard, createLocalPack } from '../../utils/cards/authoring';
import { replacePack } from '../../utils/cards/store';
import * as make from '../support/factories';
import { RUBRIC_KEY, RUBRIC_TITLE, TODAY, seedLibrary } from './library-fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  await db.delete();
  await db.open();
  location.hash = '';
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const params = (query = '') => new URLSearchParams(query);
const cardView = () => screen.getByRole('region', { name: RUBRIC_TITLE });
const facts = (region: HTMLElement) => {
  const list = region.querySelector('dl')!;
  return Object.fromEntries(
    Array.from(list.querySelectorAll('dt')).map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );
};

async function openRubric() {
  render(<LibraryTab params={params()} />);
  fireEvent.click(await screen.findByRole('button', { name: RUBRIC_TITLE }));
  return cardView();
}

describe('Library card view', () => {
  it('shows the card as teachers see it, with its pack, versions, dates, source and review state', async () => {
    await seedLibrary();
    const view = await openRubric();
    expect(document.activeElement).toBe(within(view).getByRole('heading', { name: RUBRIC_TITLE }));
    const preview = within(view).getByRole('region', { name: 'Preview' });
    expect(preview.querySelector('.card__summary')?.textContent).toBe('Score each criterion and let Canvas total the grade.');
    expect(Array.from(preview.querySelectorAll('.card__steps li')).map((step) => step.textContent?.trim())).toEqual([
      'Open the assignment in SpeedGrader.',
      'Click View Rubric.',
    ]);
    expect(preview.querySelector('.card__steps li strong')?.textContent).toBe('SpeedGrader');
    expect(facts(view)).toEqual({
      Pack: 'Coachmark starter pack, version 2026.12.1',
      'Shows on': 'Canvas › SpeedGrader',
      'Card version': '2',
      Updated: 'Wed, Nov 4, 2026',
      Verified: 'Fri, Nov 20, 2026 · What it was checked against (opens in a new tab)',
      'Review by': 'Sun, Aug 1, 2027',
      Language: 'English',
      'Flagged out of date': '2 open flags from teachers See them in Gaps',
    });
    const source = within(view).getByRole('link', { name: 'What it was checked against (opens in a new tab)' });
    expect(source.getAttribute('href')).toBe('https://community.instructure.com/en/kb/articles/661173');
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(view).getByRole('list', { name: 'Status' }).textContent).toBe('Flagged out of date');
    // The list marks the open card.
    expect(screen.getByRole('button', { name: RUBRIC_TITLE }).getAttribute('aria-current')).toBe('true');
  });

  it('says "Not set" and "Not verified" for what a card does not have', async () => {
    await seedLibrary();
    render(<LibraryTab params={params('card=coachmark-starter/classroom-rubric')} />);
    const view = await screen.findByRole('region', { name: 'Add a rubric to an assignment' });
    expect(facts(view)).toMatchObject({ 'Card version': 'Not set', Updated: 'Not set', Verified: 'Not verified' });
    expect(within(view).queryByRole('link', { name: /What it was checked against/ })).toBeNull();
  });

  it('closes with its button, back to the card in the list', async () => {
    await seedLibrary();
    const view = await openRubric();
    fireEvent.click(within(view).getByRole('button', { name: `Close ${RUBRIC_TITLE}` }));
    expect(screen.queryByRole('region', { name: RUBRIC_TITLE })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: RUBRIC_TITLE })));
  });
});

describe('Library: "Duplicate to my pack"', () => {
  it('with no pack of the coach’s own, creates "District cards", copies the card there and opens the copy in the editor', async () => {
    await replacePack(
      make.pack({
        id: 'coachmark-starter',
        name: 'Coachmark starter pack',
        cards: [make.card({ id: 'canvas-speedgrader-rubric', title: RUBRIC_TITLE })],
      }),
      {
        kind: 'builtin',
      },
    );
    const view = await openRubric();
    expect(within(view).getByText(/The copy goes into a new pack, “District cards”\./)).toBeTruthy();
    fireEvent.click(within(view).getByRole('button', { name: 'Duplicate to my pack' }));
    await waitFor(() => expect(location.hash).toBe('#cards?edit=district-cards%2Fcanvas-speedgrader-rubric'));
    expect(await db.packs.get('district-cards')).toMatchObject({ name: 'District cards', source: { kind: 'local' }, cardCount: 1 });
    expect(await db.cards.get('district-cards/canvas-speedgrader-rubric')).toMatchObject({
      title: RUBRIC_TITLE,
      replaces: RUBRIC_KEY,
      version: 1,
    });
  });

  it('with one pack of their own, copies into it; with several, into the one chosen', async () => {
    await seedLibrary();
    const view = await openRubric();
    expect(within(view).queryByLabelText('Copy into')).toBeNull();
    expect(within(view).getByText(/The copy goes into “Lincoln cards”\./)).toBeTruthy();

    await createLocalPack('Algebra team');
    const into = (await within(view).findByLabelText('Copy into')) as HTMLSelectElement;
    expect(Array.from(into.options).map((option) => option.text)).toEqual(['Algebra team', 'Lincoln cards']);
    fireEvent.change(into, { target: { value: 'lincoln-cards' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Duplicate to my pack' }));
    await waitFor(() => expect(location.hash).toBe('#cards?edit=lincoln-cards%2Fcanvas-speedgrader-rubric'));
    expect((await db.cards.get('lincoln-cards/canvas-speedgrader-rubric'))?.replaces).toBe(RUBRIC_KEY);
    expect(await db.cards.where('pack').equals('algebra-team').count()).toBe(0);
  });

  it('shows what replaces what: the built-in card "Replaced by" the copy, the copy "Replaces" the built-in card', async () => {
    await seedLibrary();
    const copy = await adaptCard(RUBRIC_KEY, 'lincoln-cards');
    if (!copy.ok) throw new Error(copy.error);
    await db.cards.update(copy.value.key, { title: 'Grade with our district rubric' });

    const view = await openRubric();
    const replacement = view.querySelector('.library-card__replacement')!;
    expect(replacement.textContent).toContain('Replaced by “Grade with our district rubric” in Lincoln cards.');
    expect(within(view).getByRole('list', { name: 'Status' }).textContent).toContain('Replaced');
    // Its Spanish translation is replaced along with it.
    const spanish = screen.getByRole('button', { name: 'Calificar con una rúbrica en SpeedGrader' }).closest('li')!;
    expect(spanish.textContent).toContain('Replaced');

    fireEvent.click(screen.getByRole('button', { name: 'Grade with our district rubric' }));
    const copyView = screen.getByRole('region', { name: 'Grade with our district rubric' });
    expect(copyView.querySelector('.library-card__replacement')?.textContent).toContain(
      `Replaces “${RUBRIC_TITLE}” from Coachmark starter pack.`,
    );
    // The coach's own card is edited, not duplicated.
    expect(within(copyView).queryByRole('button', { name: 'Duplicate to my pack' })).toBeNull();
    fireEvent.click(within(copyView).getByRole('button', { name: 'Edit Grade with our district rubric' }));
    expect(location.hash).toBe('#cards?edit=lincoln-cards%2Fcanvas-speedgrader-rubric');
  });
});

describe('CardsTab: #cards?edit=<card key>', () => {
  it("opens the coach's own card in the editor, focused on its title", async () => {
    await seedLibrary();
    render(<CardsTab params={params('edit=lincoln-cards/canvas-late-policy')} />);
    const editor = await screen.findByRole('form', { name: 'Edit card' });
    expect((within(editor).getByLabelText('Title') as HTMLInputElement).value).toBe('Set a late policy');
    await waitFor(() => expect(document.activeElement).toBe(within(editor).getByLabelText('Title')));
    expect(
      within(screen.getByRole('region', { name: 'Your cards' }))
        .getByText('Set a late policy')
        .closest('li')?.className,
    ).toBe('is-selected');
  });

  it('ignores a card of a pack the coach does not edit here, and a key that is not stored', async () => {
    await seedLibrary();
    render(<CardsTab params={params(`edit=${RUBRIC_KEY}`)} />);
    await screen.findByRole('region', { name: 'Your cards' });
    cleanup();
    render(<CardsTab params={params('edit=lincoln-cards/nope')} />);
    await screen.findByRole('region', { name: 'Your cards' });
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('Studio: the Library tab', () => {
  it('is a tab named "Library" at #library, and "Duplicate to my pack" lands in the Cards tab editing the copy', async () => {
    await seedLibrary();
    location.hash = '#library';
    render(<Studio />);
    const tab = screen.getByRole('tab', { name: 'Library' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(await screen.findByRole('button', { name: RUBRIC_TITLE }));
    fireEvent.click(within(cardView()).getByRole('button', { name: 'Duplicate to my pack' }));
    const editor = await screen.findByRole('form', { name: 'Edit card' });
    expect(screen.getByRole('tab', { name: 'Cards' }).getAttribute('aria-selected')).toBe('true');
    expect((within(editor).getByLabelText('Title') as HTMLInputElement).value).toBe(RUBRIC_TITLE);
    expect((within(editor).getByLabelText('Pack') as HTMLSelectElement).value).toBe('lincoln-cards');
  });
});
