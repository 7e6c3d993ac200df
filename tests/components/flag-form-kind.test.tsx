import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { FlagForm } from '../../components/panel/FlagForm';
import { Panel } from '../../components/panel/Panel';
import { resetSearchSession } from '../../components/panel/search-session';
import { replacePack } from '../../utils/cards/store';
import { db, toCardRecord } from '../../utils/platform/db';
import { saveTabState } from '../../utils/tabs/tab-state';
import { SPEEDGRADER, card, pack, previewBody, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

const noop = () => {};
const kindOf = (form: HTMLElement) => (within(form).getByRole('radio', { checked: true }) as HTMLInputElement).value;

describe('Flag a gap: the reason', () => {
  it('with one reason that applies, says it as text, and starts in the note', async () => {
    render(<FlagForm tabState={SPEEDGRADER} onDone={noop} />);
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    const reason = await within(form).findByTestId('flag-kind');
    expect(reason.textContent).toBe('What is missing? No card for this page');
    expect(within(form).queryByRole('radio')).toBeNull();
    expect(within(form).queryByRole('group', { name: 'What is missing?' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Note (optional)' })));
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form).kind).toBe('missing');
  });

  it('opened for a search that found nothing, starts as being about that search', async () => {
    await db.searchMisses.add({ query: 'breakout rooms', tool: 'canvas', context: 'speedgrader', at: 5 });
    render(<FlagForm tabState={SPEEDGRADER} kind="search-found-nothing" onDone={noop} />);
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    await within(form).findByRole('group', { name: 'What is missing?' });
    expect(kindOf(form)).toBe('search-found-nothing');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form)).toMatchObject({ kind: 'search-found-nothing', searches: ['breakout rooms'] });
  });

  it('a preset reason this page does not offer falls back to the first that applies', async () => {
    render(<FlagForm tabState={SPEEDGRADER} kind="search-found-nothing" onDone={noop} />);
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect((await within(form).findByTestId('flag-kind')).textContent).toBe('What is missing? No card for this page');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form).kind).toBe('missing');
  });

  it('about a card, offers the card reasons and the page one, starting with the preset', async () => {
    const record = toCardRecord('district', card('rubric', ['speedgrader'], { title: 'Grade with a rubric' }));
    render(<FlagForm tabState={SPEEDGRADER} card={record} kind="outdated" onDone={noop} />);
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    const group = await within(form).findByRole('group', { name: 'What is missing?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement!.textContent!.trim()),
    ).toEqual(["This card didn't help", 'This card is out of date', 'No card for this page']);
    expect(kindOf(form)).toBe('outdated');
  });

  it('from the panel: "Flag a gap" under a search that found nothing preselects "My search found nothing"', async () => {
    resetSearchSession();
    await replacePack(pack('1', [card('rubric', ['speedgrader'], { title: 'Grade with a rubric' })]), { kind: 'local' });
    await saveTabState(SPEEDGRADER);
    render(<Panel />);
    const box = (await screen.findByRole('searchbox', { name: 'Search cards' })) as HTMLInputElement;
    fireEvent.focus(box);
    box.focus();
    fireEvent.input(box, { target: { value: 'zqxv breakout' } });
    const empty = await screen.findByTestId('search-empty');
    fireEvent.click(within(empty).getByRole('button', { name: 'Flag a gap' }));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    await within(form).findByRole('group', { name: 'What is missing?' });
    expect(kindOf(form)).toBe('search-found-nothing');
    expect((within(form).getByRole('checkbox', { name: '“zqxv breakout”' }) as HTMLInputElement).checked).toBe(true);

    // The help bar's own button opens the page reason, as before.
    const bar = screen.getByRole('region', { name: 'Get more help' });
    const flag = within(bar).getByRole('button', { name: 'Flag a gap' });
    expect(flag.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(flag);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Flag a gap' })).toBeNull());
    fireEvent.click(flag);
    const again = await screen.findByRole('region', { name: 'Flag a gap' });
    await within(again).findByRole('group', { name: 'What is missing?' });
    expect(kindOf(again)).toBe('missing');
  });
});
