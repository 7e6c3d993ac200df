import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings } from '../../../components/hooks/use-settings';
import { saveSettings } from '../../../utils/settings/settings';

let policy: Record<string, unknown> = {};

beforeEach(() => {
  fakeBrowser.reset();
  policy = {};
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
});
afterEach(cleanup);

function TeacherName() {
  const settings = useSettings();
  if (!settings) return <p>reading</p>;
  return (
    <p data-testid="name" data-locked={settings.locked.has('teacherName')}>
      {settings.values.teacherName || 'unnamed'}
    </p>
  );
}

describe('useSettings', () => {
  it('is undefined until read, then follows saved changes', async () => {
    await saveSettings({ teacherName: 'Ms. Rivera' });
    render(<TeacherName />);
    expect(screen.getByText('reading').tagName).toBe('P');
    const name = await screen.findByTestId('name');
    expect(name.textContent).toBe('Ms. Rivera');
    expect(name.dataset.locked).toBe('false');

    await saveSettings({ teacherName: 'Mr. Okafor' });
    await waitFor(() => expect(screen.getByTestId('name').textContent).toBe('Mr. Okafor'));
  });

  it('gives the effective settings: what the school locks wins', async () => {
    await saveSettings({ teacherName: 'Ms. Rivera' });
    policy = { teacherName: 'Set by district', lockedSettings: ['teacherName'] };
    render(<TeacherName />);
    const name = await screen.findByTestId('name');
    expect(name.textContent).toBe('Set by district');
    expect(name.dataset.locked).toBe('true');
  });
});
