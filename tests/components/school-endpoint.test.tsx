import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelActions } from '../../components/panel/PanelActions';
import { usePanelForm } from '../../components/panel/use-panel-form';
import { SettingsTab } from '../../components/studio/SettingsTab';
import { db } from '../../utils/platform/db';
import { readUserSettings } from '../../utils/settings/settings';
import type { TabState } from '../../utils/tabs/tab-state';

const SPEEDGRADER: TabState = {
  tabId: 7,
  url: 'https://district.instructure.com/courses/12345/gradebook/speed_grader?assignment_id=9',
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1,
};
const INVALID_NOTICE = "Your school's endpoint setting (endpointUrl) is invalid: tell IT.";
const STORAGE_FULL = 'This device is out of storage space: nothing was saved';
const TEACHERS_OWN = 'https://hooks.slack.com/services/T0/B0/XXXX';

function setPolicy(policy: Record<string, unknown>) {
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
}

function Actions() {
  const [form, setForm] = usePanelForm();
  return <PanelActions tabState={SPEEDGRADER} form={form} onForm={setForm} />;
}

async function sendPing(text: string, whileWriting: (region: HTMLElement) => void = () => {}) {
  fireEvent.click(screen.getByRole('button', { name: 'Ping a mentor' }));
  const region = await screen.findByRole('region', { name: 'Ask a mentor for help' });
  fireEvent.input(await within(region).findByRole('textbox', { name: 'What do you need?' }), { target: { value: text } });
  whileWriting(region);
  fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
  fireEvent.click(await within(region).findByRole('button', { name: /^(Keep until connected|Send)$/ }));
  return region;
}

beforeEach(async () => {
  fakeBrowser.reset();
  setPolicy({});
  await db.delete();
  await db.open();
  // The panel asks the background to deliver; nobody answers here.
  fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse: (response: unknown) => void) => {
    sendResponse({ res: undefined });
    return true;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('an endpoint the school locked to an address Coachmark cannot send to', () => {
  beforeEach(async () => {
    // The teacher's own endpoint, saved before the school locked the key.
    await fakeBrowser.storage.local.set({ settings: { endpointUrl: TEACHERS_OWN, endpointFormat: 'slack' } });
    setPolicy({ endpointUrl: 'javascript:alert(document.domain)', lockedSettings: ['endpointUrl'] });
  });

  it('is named in the help bar and in the ping form, and the ping is held, never sent to the teacher’s own endpoint', async () => {
    render(<Actions />);
    const bar = screen.getByRole('region', { name: /help/i });
    await waitFor(() => expect(bar.textContent).toContain(INVALID_NOTICE));

    await sendPing('How do I hide grades?', (region) => {
      expect(region.textContent).toContain(INVALID_NOTICE);
      expect(region.textContent).not.toContain("Your school hasn't connected Coachmark to its chat yet");
    });
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ status: 'held', endpoint: null });
    expect(item!.payload).toMatchObject({ type: 'help-request', message: 'How do I hide grades?' });
  });

  it('is named under the studio’s Endpoint URL, and does not stop the teacher saving the rest', async () => {
    render(<SettingsTab />);
    const url = (await screen.findByRole('textbox', { name: 'Endpoint URL' })) as HTMLInputElement;
    expect(url.value).toBe('javascript:alert(document.domain)');
    expect(url.disabled).toBe(true);
    expect(screen.getByTestId('school-endpoint-invalid').textContent).toContain(INVALID_NOTICE);

    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Ms. Rivera' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.', { exact: false });
    expect(await readUserSettings()).toMatchObject({ teacherName: 'Ms. Rivera', endpointUrl: TEACHERS_OWN });
  });
});

describe('a full disk when the teacher sends a ping', () => {
  const disk = {
    stack: 'dbcore' as const,
    name: 'disk-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
      },
    }),
  };
  afterEach(async () => {
    db.close({ disableAutoOpen: false });
    db.unuse(disk);
    await db.open();
  });

  it('says the device is out of space (not the browser’s error name), and the form stays on the preview', async () => {
    // Middleware takes effect when the database opens.
    db.close({ disableAutoOpen: false });
    db.use(disk);
    await db.open();
    render(<Actions />);
    const region = await sendPing('How do I hide grades?');
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain(STORAGE_FULL);
    expect(alert.textContent).not.toMatch(/QuotaExceeded/);
    expect(within(region).getByRole('button', { name: 'Keep until connected' })).toBeTruthy();
  });
});
