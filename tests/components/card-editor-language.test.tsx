import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardsTab } from '../../components/studio/CardsTab';
import { db } from '../../utils/platform/db';
import { adaptCard, createLocalPack, saveCard } from '../../utils/cards/authoring';
import { replacePack, STARTER_PACK_ID } from '../../utils/cards/store';
import * as make from '../support/factories';

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('the card editor: language and replacements', () => {
  it('saves the language the coach picks, and the pack’s language when she picks none', async () => {
    const mine = await createLocalPack('Mine', db);
    await saveCard(mine.id, make.card({ id: 'a', title: 'Calificar con una rúbrica' }), {}, db);
    render(<CardsTab params={new URLSearchParams()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Calificar con una rúbrica' }));
    await screen.findByRole('form', { name: 'Edit card' });
    expect(select('Language').value).toBe('');
    expect([...select('Language').options].map((option) => option.textContent)).toEqual([
      'Same as the pack',
      'English (en)',
      'Spanish (es)',
    ]);

    fireEvent.change(select('Language'), { target: { value: 'es' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Saved “Calificar con una rúbrica” in “Mine”.');
    expect(await db.cards.get('mine/a')).toMatchObject({ lang: 'es', version: 2 });

    fireEvent.change(select('Language'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Saved “Calificar con una rúbrica” in “Mine”.');
    expect((await db.cards.get('mine/a'))?.lang).toBeUndefined();
  });

  it('says which card a district copy stands in for, and keeps that when saved', async () => {
    await replacePack(
      make.pack({
        id: STARTER_PACK_ID,
        name: 'Coachmark starter pack',
        cards: [make.card({ id: 'rubric', title: 'Grade with a rubric' })],
      }),
      { kind: 'builtin' },
      db,
    );
    const mine = await createLocalPack('District cards', db);
    const copy = await adaptCard(`${STARTER_PACK_ID}/rubric`, mine.id, db);
    if (!copy.ok) throw new Error(copy.error);
    render(<CardsTab params={new URLSearchParams()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Grade with a rubric' }));
    await screen.findByText(
      'Teachers see this card instead of “Grade with a rubric” from Coachmark starter pack. Delete this card and they see that one again.',
    );
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Grade with our rubric' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Saved “Grade with our rubric” in “District cards”.');
    expect(await db.cards.get(copy.value.key)).toMatchObject({
      title: 'Grade with our rubric',
      replaces: `${STARTER_PACK_ID}/rubric`,
      version: 2,
    });
  });
});
