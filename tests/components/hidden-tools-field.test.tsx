import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HiddenToolsField } from '../../components/studio/HiddenToolsField';
import { SettingsTab } from '../../components/studio/SettingsTab';
import { getSettings } from '../../utils/settings/settings';
import { TOOLS } from '../../utils/tools/catalog';

function setPolicy(policy: Record<string, unknown>) {
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
}

beforeEach(() => {
  fakeBrowser.reset();
  setPolicy({});
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const legend = "Tools your school doesn't use";

describe('HiddenToolsField', () => {
  it('offers every catalogue tool once, grouped by category, and reports what is ticked', () => {
    const onChange = vi.fn();
    render(<HiddenToolsField value={['moodle']} onChange={onChange} />);
    const group = screen.getByRole('group', { name: legend });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(TOOLS.length);
    expect(within(group).getByRole('group', { name: 'Learning management systems' })).toBeTruthy();
    expect((within(group).getByRole('checkbox', { name: 'Moodle' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(group).getByRole('checkbox', { name: 'Schoology' }));
    expect(onChange).toHaveBeenLastCalledWith(['moodle', 'schoology']);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Moodle' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('is described by its hint', () => {
    render(<HiddenToolsField value={[]} onChange={() => {}} />);
    const group = screen.getByRole('group', { name: legend });
    const hint = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('search results');
  });
});

describe('hidden tools in the settings tab', () => {
  it('saves the ticked tools with the rest of the settings', async () => {
    render(<SettingsTab />);
    const group = await screen.findByRole('group', { name: legend });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Moodle' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Blackboard Learn' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect((await getSettings()).values.hiddenTools.sort()).toEqual(['blackboard', 'moodle']);
  });

  it('is locked when the school’s policy sets it', async () => {
    setPolicy({ hiddenTools: ['schoology'], lockedSettings: ['hiddenTools'] });
    render(<SettingsTab />);
    const group = await screen.findByRole('group', { name: legend });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.every((box) => box.disabled)).toBe(true);
    expect((within(group).getByRole('checkbox', { name: 'Schoology' }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByText('Set by your school')).toBeTruthy();
    const described = group.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described).toContain('settings-hiddenTools-locked');
  });
});
