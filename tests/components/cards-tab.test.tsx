import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardsTab, placeFromParams } from '../../components/studio/CardsTab';
import { filterByTitle } from '../../components/studio/CardList';
import { db } from '../../utils/platform/db';
import { createLocalPack, saveCard } from '../../utils/cards/authoring';
import { replacePack } from '../../utils/cards/store';
import type { Card } from '../../utils/cards/schema';
import * as make from '../support/factories';

function card(id: string, title: string, extra: Partial<Card> = {}): Card {
  return make.card({ id, title, ...extra });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const params = (query = '') => new URLSearchParams(query);
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });

describe('CardsTab: a new card from a link', () => {
  it('opens a new card pre-filled with the tool and page from #cards?tool=…&context=…', async () => {
    render(<CardsTab params={params('tool=canvas&context=speedgrader')} />);
    const editor = await screen.findByRole('form', { name: 'New card' });
    const tools = within(editor).getByRole('group', { name: 'Tools' });
    expect(
      within(tools)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Canvas×']);
    expect(within(tools).getByRole('button', { name: 'Remove Canvas' }).textContent).toBe('×');
    const pages = within(editor).getByRole('group', { name: 'Pages in Canvas' });
    expect((within(pages).getByLabelText('SpeedGrader') as HTMLInputElement).checked).toBe(true);
    expect((within(pages).getByLabelText('Modules') as HTMLInputElement).checked).toBe(false);
  });

  it('ignores tools and pages the catalogue does not know', () => {
    expect(placeFromParams(params('tool=canvas&context=speedgrader'))).toEqual({ tool: 'canvas', context: 'speedgrader' });
    expect(placeFromParams(params('tool=canvas&context=nope'))).toEqual({ tool: 'canvas', context: null });
    expect(placeFromParams(params('tool=nope'))).toBeNull();
    expect(placeFromParams(params())).toBeNull();
  });
});

describe('CardsTab: writing a card', () => {
  it('saves the first card into a new "My school\'s cards" pack, with a preview as the coach types', async () => {
    render(<CardsTab params={params('tool=canvas&context=speedgrader')} />);
    await screen.findByRole('form', { name: 'New card' });
    type('Title', 'Reuse a rubric');
    expect(input('Card id').value).toBe('reuse-a-rubric');
    type('Summary', 'Attach a rubric you already made.');
    type('Step 1', 'Open **Rubrics** in the course.');
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview.querySelector('.card__steps li strong')?.textContent).toBe('Rubrics');
    expect(preview.textContent).toContain('Reuse a rubric');
    type('Tags', 'rubric, grading');
    fireEvent.change(input('Level'), { target: { value: 'intermediate' } });
    fireEvent.input(input('Review by'), { target: { value: '2027-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));

    await screen.findByText("Saved “Reuse a rubric” in “My school's cards”.");
    const pack = await db.packs.get('my-schools-cards');
    expect(pack).toMatchObject({ name: "My school's cards", source: { kind: 'local' }, cardCount: 1 });
    expect(await db.cards.get('my-schools-cards/reuse-a-rubric')).toMatchObject({
      title: 'Reuse a rubric',
      steps: ['Open **Rubrics** in the course.'],
      tools: ['canvas'],
      contexts: ['speedgrader'],
      tags: ['rubric', 'grading'],
      level: 'intermediate',
      reviewBy: '2027-06-30',
      version: 1,
    });
    // The saved card is now being edited, and listed.
    await screen.findByRole('form', { name: 'Edit card' });
    const listed = await within(screen.getByRole('region', { name: 'Your cards' })).findByText('Reuse a rubric');
    expect(listed.closest('li')?.className).toBe('is-selected');
  });

  it('shows schema errors next to the fields and refuses to save until they are fixed', async () => {
    render(<CardsTab params={params('tool=canvas')} />);
    await screen.findByRole('form', { name: 'New card' });
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    type('Link 1 title', 'Guide');
    type('Link 1 URL', 'javascript:alert(1)');
    // Only the touched field speaks up while typing.
    expect(screen.getByText('Use a full https link, for example https://example.com/help.').id).toBe('editor-link-0-url-error');
    expect(input('Link 1 URL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Required.')).toBeNull();
    // The preview never offers the bad link.
    expect(screen.getByRole('region', { name: 'Preview' }).querySelector('a')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Fix the 4 marked fields to save.');
    expect(input('Title').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('editor-title-error')?.textContent).toBe('Required.');
    expect(document.getElementById('editor-summary-error')?.textContent).toBe('Required.');
    expect(document.getElementById('editor-step-0-error')?.textContent).toBe('Required.');
    expect(await db.cards.count()).toBe(0);

    type('Title', 'Find a course');
    type('Summary', 'Get to a course fast.');
    type('Step 1', 'Open **Courses**.');
    type('Link 1 URL', 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor');
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText(/^Saved “Find a course”/);
    expect((await db.cards.toArray())[0]!.links).toEqual([
      { title: 'Guide', url: 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor', kind: 'help' },
    ]);
  });

  it('adds, reorders and removes steps', async () => {
    render(<CardsTab params={params('tool=canvas')} />);
    await screen.findByRole('form', { name: 'New card' });
    type('Step 1', 'First');
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    type('Step 2', 'Second');
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    type('Step 3', 'Third');
    fireEvent.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    expect([input('Step 1').value, input('Step 2').value, input('Step 3').value]).toEqual(['First', 'Third', 'Second']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect([input('Step 1').value, input('Step 2').value]).toEqual(['Third', 'Second']);
    expect(screen.queryByLabelText('Step 3')).toBeNull();
    expect((screen.getByRole('button', { name: 'Move step 1 up' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('picks tools and pages from the catalogue', async () => {
    render(<CardsTab params={params()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New card' }));
    fireEvent.change(input('Add a tool'), { target: { value: 'google-classroom' } });
    const pages = screen.getByRole('group', { name: 'Pages in Google Classroom' });
    fireEvent.click(within(pages).getByLabelText('Classwork'));
    expect((within(pages).getByLabelText('Classwork') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Google Classroom' }));
    expect(screen.queryByRole('group', { name: 'Pages in Google Classroom' })).toBeNull();
  });

  it('saves into the chosen local pack and says when the id is taken', async () => {
    const mine = await createLocalPack('Lincoln cards', db);
    await saveCard(mine.id, card('rubric', 'Rubric'), {}, db);
    render(<CardsTab params={params('tool=canvas&context=speedgrader')} />);
    await screen.findByRole('form', { name: 'New card' });
    expect(input('Pack').value).toBe('lincoln-cards');
    type('Title', 'Rubric');
    type('Summary', 'S.');
    type('Step 1', 'Do it.');
    // The id follows the title and steps around the one taken.
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Saved “Rubric” in “Lincoln cards”.');
    expect((await db.cards.toArray()).map((c) => c.key).sort()).toEqual(['lincoln-cards/rubric', 'lincoln-cards/rubric-2']);

    fireEvent.click(screen.getByRole('button', { name: 'New card' }));
    type('Title', 'Other');
    fireEvent.change(input('Add a tool'), { target: { value: 'canvas' } });
    type('Card id', 'rubric');
    type('Summary', 'S.');
    type('Step 1', 'Do it.');
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() =>
      expect(document.getElementById('editor-id-error')?.textContent).toBe('Another card in this pack already has this id.'),
    );
    expect(await db.cards.count()).toBe(2);
  });
});

describe('CardsTab: the list', () => {
  it('lists only the coach’s local cards and searches them by title', async () => {
    await replacePack(
      { schemaVersion: 1, id: 'coachmark-starter', name: 'Starter', version: '1', cards: [card('s', 'Starter card')] },
      { kind: 'builtin' },
    );
    const mine = await createLocalPack('Mine', db);
    await saveCard(mine.id, card('a', 'Grade with a rubric'), {}, db);
    await saveCard(mine.id, card('b', 'Post an announcement'), {}, db);
    render(<CardsTab params={params()} />);
    const list = await screen.findByRole('region', { name: 'Your cards' });
    await waitFor(() => expect(list.textContent).toContain('Grade with a rubric'));
    expect(list.textContent).not.toContain('Starter card');
    type('Search by title', 'RUBRIC');
    expect(list.textContent).toContain('Grade with a rubric');
    expect(list.textContent).not.toContain('Post an announcement');
    type('Search by title', 'quiz');
    expect(list.textContent).toContain('No card title contains “quiz”.');
  });

  it('matches titles without case or accents', () => {
    const cards = [{ title: 'Calificar con rúbrica' }, { title: 'Publicar un anuncio' }];
    expect(filterByTitle(cards, 'RUBRICA').map((c) => c.title)).toEqual(['Calificar con rúbrica']);
  });

  it('duplicates a card and opens the copy', async () => {
    const mine = await createLocalPack('Mine', db);
    await saveCard(mine.id, card('a', 'Grade with a rubric'), {}, db);
    render(<CardsTab params={params()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate Grade with a rubric' }));
    await screen.findByRole('form', { name: 'Edit card' });
    expect(input('Title').value).toBe('Grade with a rubric (copy)');
    expect(input('Card id').value).toBe('a-copy');
    expect(await db.packs.get(mine.id)).toMatchObject({ cardCount: 2 });
  });

  it('edits a card, raising its version', async () => {
    const mine = await createLocalPack('Mine', db);
    await saveCard(mine.id, card('a', 'Grade with a rubric'), {}, db);
    render(<CardsTab params={params()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Grade with a rubric' }));
    await screen.findByRole('form', { name: 'Edit card' });
    type('Title', 'Grade with a saved rubric');
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Saved “Grade with a saved rubric” in “Mine”.');
    expect(await db.cards.get('mine/a')).toMatchObject({ title: 'Grade with a saved rubric', version: 2 });
  });

  it('deletes a card and brings it back with Undo', async () => {
    const mine = await createLocalPack('Mine', db);
    await saveCard(mine.id, card('a', 'Grade with a rubric'), {}, db);
    const before = await db.cards.toArray();
    render(<CardsTab params={params()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Grade with a rubric' }));
    await screen.findByText('Deleted “Grade with a rubric”.');
    await waitFor(async () => expect(await db.cards.count()).toBe(0));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.cards.toArray()).toEqual(before));
    await screen.findByRole('button', { name: 'Edit Grade with a rubric' });
  });
});
