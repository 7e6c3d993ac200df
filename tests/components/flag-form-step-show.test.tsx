import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { FlagForm } from '../../components/panel/FlagForm';
import { db, toCardRecord } from '../../utils/platform/db';
import { saveSettings } from '../../utils/settings/settings';
import { ENDPOINT, SPEEDGRADER, card, previewBody, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

const noop = () => {};
const RUBRIC = toCardRecord(
  'district',
  card('rubric', ['speedgrader'], {
    title: 'Grade with a rubric',
    version: 3,
    steps: ['Open **SpeedGrader**.', 'Pick a student.', 'Click **View Rubric**.'],
  }),
);

function previewField(form: HTMLElement, id: string): string | undefined {
  return form.querySelector(`[data-field="${id}"] dd`)?.textContent ?? undefined;
}

describe('Flag a gap: about one step of a card', () => {
  it('says which step, prefills the note, and sends the step with the card', async () => {
    await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'json', teacherName: 'Ms. Rivera' });
    render(
      <FlagForm
        tabState={SPEEDGRADER}
        card={RUBRIC}
        kind="outdated"
        step={3}
        initialNote="“Show me” could not find this on the page."
        onDone={noop}
      />,
    );
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(within(form).getByText('About step 3 of the card “Grade with a rubric”')).toBeTruthy();
    const note = within(form).getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement;
    expect(note.value).toBe('“Show me” could not find this on the page.');
    expect((within(form).getByRole('radio', { name: 'This card is out of date' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.input(note, { target: { value: 'The View Rubric button is now “Rubric”.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    const shown = previewBody(form);
    expect(shown).toMatchObject({
      kind: 'outdated',
      note: 'The View Rubric button is now “Rubric”.',
      card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3, step: 3 },
    });
    // The readable preview and the line under the title both name the step.
    expect(previewField(form, 'card')).toBe('Grade with a rubric, step 3');
    expect(within(form).getByText('About step 3 of the card “Grade with a rubric”')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Send flag' }));
    await waitFor(async () => expect(await db.gaps.get(shown.id)).toBeDefined());
    expect(await db.gaps.get(shown.id)).toMatchObject({ kind: 'outdated', cardKey: 'district/rubric', cardStep: 3 });
    expect((await db.outbox.get(shown.id))?.payload).toEqual(shown);
  });

  it('leaves the step out when the teacher changes the reason to one about the page', async () => {
    render(<FlagForm tabState={SPEEDGRADER} card={RUBRIC} kind="outdated" step={2} onDone={noop} />);
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    fireEvent.click(await within(form).findByRole('radio', { name: 'No card for this page' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form)).not.toHaveProperty('card');
  });

  it('ignores a step the card does not have, and without a step reads as before', async () => {
    const { unmount } = render(<FlagForm tabState={SPEEDGRADER} card={RUBRIC} kind="outdated" step={4} onDone={noop} />);
    let form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(within(form).getByText('About the card “Grade with a rubric”')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form).card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3 });
    expect(previewField(form, 'card')).toBe('Grade with a rubric');
    unmount();

    render(<FlagForm tabState={SPEEDGRADER} card={RUBRIC} kind="unhelpful" onDone={noop} />);
    form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(within(form).getByText('About the card “Grade with a rubric”')).toBeTruthy();
    expect((within(form).getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement).value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form).card).not.toHaveProperty('step');
  });
});
