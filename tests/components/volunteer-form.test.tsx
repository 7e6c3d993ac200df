import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PlanView } from '../../components/panel/PlanView';
import { setComfort } from '../../utils/cards/comfort';
import { formatBody } from '../../utils/endpoints';
import type { MentorVolunteerPayload } from '../../utils/endpoints/types';
import { db } from '../../utils/platform/db';
import { saveSettings } from '../../utils/settings/settings';
import { kicks, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

const SLACK = 'https://hooks.slack.com/services/T0/B0/x';

/** The plan on a Canvas page, and the offer form opened from it. */
async function openOffer(tool: string | null = 'canvas'): Promise<HTMLElement> {
  render(<PlanView tool={tool} start="plan" onClose={() => {}} />);
  const section = await screen.findByRole('region', { name: 'Help your colleagues' });
  fireEvent.click(within(section).getByRole('button', { name: 'I can help others' }));
  return screen.findByRole('region', { name: 'Offer to help other teachers' });
}

function toolBoxes(form: HTMLElement): { name: string; checked: boolean }[] {
  const group = within(form).getByRole('group', { name: 'Tools you can help with' });
  return within(group)
    .getAllByRole('checkbox', { hidden: true })
    .map((box) => ({ name: box.closest('label')!.textContent!.trim(), checked: (box as HTMLInputElement).checked }));
}

describe('"I can help others"', () => {
  it('prefills the name, ticks the page’s tool then the expert ones, previews the offer and sends exactly that', async () => {
    await saveSettings({ teacherName: 'Maya Lopez', schoolName: 'Lincoln Elementary', endpointUrl: SLACK, endpointFormat: 'slack' });
    await setComfort('nearpod', 'expert');
    await setComfort('seesaw', 'comfortable');
    const form = await openOffer();

    const name = await within(form).findByRole('textbox', { name: 'Your name' });
    expect((name as HTMLInputElement).value).toBe('Maya Lopez');
    await waitFor(() => expect(document.activeElement).toBe(name));
    const handle = within(form).getByRole('textbox', { name: 'Your chat handle (optional)' });
    // The hint speaks of the school's chat as it is: Slack, here.
    expect(handle.getAttribute('aria-describedby')).toBe('volunteer-handle-hint');
    expect(document.getElementById('volunteer-handle-hint')!.textContent).toContain('Slack member ID');
    const boxes = toolBoxes(form);
    expect(boxes.slice(0, 2)).toEqual([
      { name: 'Canvas', checked: true },
      { name: 'Nearpod', checked: true },
    ]);
    expect(boxes.slice(2).every((box) => !box.checked)).toBe(true);
    expect(boxes.map((box) => box.name)).toContain('Seesaw');

    fireEvent.input(handle, { target: { value: ' U07MAYALOPEZ ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Seesaw', hidden: true }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Free 3rd period' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));

    await within(form).findByRole('heading', { name: 'Exactly what will be sent' });
    expect(within(form).getByTestId('volunteer-summary').textContent).toContain('To: hooks.slack.com');
    expect(within(form).getByTestId('volunteer-summary').textContent).toContain('It mentions nobody');
    const fields = within(form).getByTestId('volunteer-preview-fields').textContent!;
    expect(fields).toContain('Canvas, Nearpod, and Seesaw');
    expect(fields).toContain('U07MAYALOPEZ');
    // The exact data is the Slack message; it mentions nobody, not even the volunteer's own id.
    const body = within(form).getByTestId('volunteer-preview-body').textContent!;
    expect(body).toContain('Mentor volunteer: Maya Lopez');
    expect(body).not.toContain('"user"');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));
    await within(form).findByText('Your coach will add you as a mentor.');
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ kind: 'mentor-volunteer', status: 'queued', endpoint: { url: SLACK, format: 'slack' } });
    const sent = item!.payload as MentorVolunteerPayload;
    expect(sent).toMatchObject({
      type: 'mentor-volunteer',
      teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
      handle: 'U07MAYALOPEZ',
      tools: [
        { id: 'canvas', name: 'Canvas' },
        { id: 'nearpod', name: 'Nearpod' },
        { id: 'seesaw', name: 'Seesaw' },
      ],
      note: 'Free 3rd period',
    });
    expect(JSON.stringify(formatBody('slack', sent), null, 2)).toBe(body);
    expect(kicks).toHaveLength(1);
    expect((await within(form).findByTestId('volunteer-result')).textContent).toContain('hooks.slack.com');

    // Close: back in the plan, at the button, with the offer and its state in sight.
    fireEvent.click(within(form).getByRole('button', { name: 'Close' }));
    const again = await screen.findByRole('button', { name: 'I can help others' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    const last = await screen.findByTestId('volunteer-last-offer');
    expect(last.textContent).toMatch(/Offer to help with Canvas, Nearpod, and Seesaw, sent /);
    expect(last.getAttribute('data-state')).toBe('queued');
    const remove = within(last).getByRole('button', { name: /^Delete: Offer to help with Canvas, Nearpod, and Seesaw, sent / });
    expect(remove.textContent).toBe('Delete');
  });

  it('says what is missing and where: the name, a handle the chat cannot use, at least one tool', async () => {
    await saveSettings({ teacherName: '', endpointUrl: SLACK, endpointFormat: 'slack' });
    const form = await openOffer();
    const name = await within(form).findByRole('textbox', { name: 'Your name' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Your chat handle (optional)' }), { target: { value: '@maya' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Canvas' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));

    expect(within(form).getByText('Add your name so your coach knows who is offering.')).toBeTruthy();
    expect(within(form).getByText(/A Slack member ID starts with U or W/)).toBeTruthy();
    expect(within(form).getByText('Choose at least one tool.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(within(form).queryByRole('heading', { name: 'Exactly what will be sent' })).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('without an endpoint keeps the offer on this device, in sight in the plan; Escape goes back to the plan', async () => {
    await saveSettings({ teacherName: 'Sam Lee' });
    let form = await openOffer(null);
    expect(form.textContent).toContain('Your offer stays on this device');
    // Off a tool page with no expert tool, the whole list is open, nothing ticked.
    expect(toolBoxes(form).every((box) => !box.checked)).toBe(true);
    expect(within(form).getByText('More tools').closest('details')!.open).toBe(true);

    fireEvent.keyDown(await within(form).findByRole('textbox', { name: 'Your name' }), { key: 'Escape' });
    await screen.findByRole('region', { name: 'Help your colleagues' });
    fireEvent.click(screen.getByRole('button', { name: 'I can help others' }));
    form = await screen.findByRole('region', { name: 'Offer to help other teachers' });

    fireEvent.click(within(form).getByRole('checkbox', { name: 'Padlet' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    await within(form).findByText('Kept on this device until your school connects its chat.');
    fireEvent.click(within(form).getByRole('button', { name: 'Keep until connected' }));
    await within(form).findByText('Your coach will add you as a mentor.');
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ kind: 'mentor-volunteer', status: 'held', endpoint: null });
    expect(item!.payload).toMatchObject({ teacher: { name: 'Sam Lee' }, handle: '', tools: [{ id: 'padlet', name: 'Padlet' }], note: '' });
    expect(kicks).toEqual([]);

    fireEvent.click(within(form).getByRole('button', { name: 'Close' }));
    const last = await screen.findByTestId('volunteer-last-offer');
    expect(last.getAttribute('data-state')).toBe('held');
    expect(last.textContent).toContain("goes to your school's chat once Coachmark is connected");
  });
});
