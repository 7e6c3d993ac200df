import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MentorsTab } from '../../components/studio/MentorsTab';
import { db } from '../../utils/platform/db';

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const setValue = (name: string, value: string) => fireEvent.input(input(name), { target: { value } });

describe('MentorsTab', () => {
  it('adds a mentor with handles and tools', async () => {
    render(<MentorsTab />);
    await screen.findByText('No mentors yet.');
    expect(screen.queryAllByTestId('mentor-row')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Add a mentor' }));
    const form = screen.getByRole('form', { name: 'New mentor' });
    setValue('Name', ' Ana Ruiz ');
    setValue('Slack member ID', 'U01ANARUIZ');
    setValue('Discord user ID', '123456789012345678');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Nearpod' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Canvas' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save mentor' }));

    const row = await screen.findByRole('row', { name: /Ana Ruiz/ });
    expect(row.textContent).toContain('Canvas, Nearpod');
    expect(row.textContent).toContain('U01ANARUIZ');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved Ana Ruiz.'));
    const [stored] = await db.mentors.toArray();
    expect(stored).toMatchObject({
      name: 'Ana Ruiz',
      handles: { slack: 'U01ANARUIZ', discord: '123456789012345678' },
      tools: ['canvas', 'nearpod'],
    });
    expect(Object.keys(stored!.handles).sort()).toEqual(['discord', 'slack']);
  });

  it('says what is wrong and keeps the form until it is right', async () => {
    render(<MentorsTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a mentor' }));
    setValue('Slack member ID', '@ana');
    setValue('Microsoft Teams e-mail', 'Ana Ruiz');
    fireEvent.click(screen.getByRole('button', { name: 'Save mentor' }));
    await screen.findByText('Enter the mentor’s name.');
    expect(input('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('Name'));
    expect(input('Slack member ID').getAttribute('aria-invalid')).toBe('true');
    expect(input('Slack member ID').getAttribute('aria-describedby')?.split(' ')).toContain(
      screen.getByText(/A Slack member ID starts with U or W/).id,
    );
    expect(input('Microsoft Teams e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(input('Microsoft Teams e-mail').getAttribute('aria-describedby')?.split(' ')).toContain(
      screen.getByText(/Enter an e-mail address/).id,
    );
    expect(screen.getByRole('group', { name: 'Tools they help with' }).getAttribute('aria-describedby')).toBe(
      screen.getByText('Choose at least one tool.').id,
    );
    expect(await db.mentors.count()).toBe(0);

    setValue('Name', 'Ana Ruiz');
    setValue('Slack member ID', 'U01ANA');
    setValue('Microsoft Teams e-mail', 'ana@lincoln.example.org');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seesaw' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save mentor' }));
    await screen.findByRole('row', { name: /Ana Ruiz/ });
    expect(await db.mentors.count()).toBe(1);
  });

  it('edits a mentor in place', async () => {
    await db.mentors.put({ id: 'm1', name: 'Ben Okafor', handles: { slack: 'U02BEN' }, tools: ['canvas'] });
    render(<MentorsTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Ben Okafor' }));
    const form = screen.getByRole('form', { name: 'Edit Ben Okafor' });
    expect(input('Slack member ID').value).toBe('U02BEN');
    expect((within(form).getByRole('checkbox', { name: 'Canvas' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Canvas' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Google Classroom' }));
    setValue('Slack member ID', '');
    fireEvent.click(within(form).getByRole('button', { name: 'Save mentor' }));
    await waitFor(async () =>
      expect(await db.mentors.get('m1')).toEqual({ id: 'm1', name: 'Ben Okafor', handles: {}, tools: ['google-classroom'] }),
    );
    expect(await db.mentors.count()).toBe(1);
  });

  it('deletes a mentor, with undo', async () => {
    await db.mentors.bulkPut([
      { id: 'm1', name: 'Ben Okafor', handles: {}, tools: ['canvas'] },
      { id: 'm2', name: 'Ana Ruiz', handles: {}, tools: ['nearpod'] },
    ]);
    render(<MentorsTab />);
    const rows = await screen.findAllByTestId('mentor-row');
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ben Okafor' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Ben Okafor/ })).toBeNull());
    expect(await db.mentors.get('m1')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Undo: restore Ben Okafor' }));
    await screen.findByRole('row', { name: /Ben Okafor/ });
    expect(await db.mentors.get('m1')).toEqual({ id: 'm1', name: 'Ben Okafor', handles: {}, tools: ['canvas'] });
  });
});
