import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '../../components/studio/SettingsTab';
import { getSettings, saveSettings } from '../../utils/settings/settings';
import type { EndpointTestResult } from '../../utils/platform/messages';

type Policy = Record<string, unknown>;

function setPolicy(policy: Policy) {
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
}

let requested: string[][] = [];
let grantedOrigins: Set<string>;
let answerPermission: (value: boolean) => void;

beforeEach(() => {
  fakeBrowser.reset();
  setPolicy({});
  requested = [];
  grantedOrigins = new Set();
  // The permission prompt itself cannot appear in happy-dom: these stand in for the browser.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (permissions) =>
    (permissions.origins ?? []).every((origin) => grantedOrigins.has(origin)),
  );
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((permissions) => {
    requested.push(permissions.origins ?? []);
    return new Promise<boolean>((resolve) => {
      answerPermission = resolve;
    });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

async function type(name: string, value: string) {
  const input = field(name);
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
}

describe('SettingsTab', () => {
  it('saves the endpoint and asks for exactly its origin inside the click', async () => {
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Endpoint URL' });
    await type('Endpoint URL', '  https://hooks.slack.com/services/T000/B000/XXXX  ');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'slack' } });
    await type('Your name', 'Ms. Rivera');
    await type('School', 'Lincoln Elementary');
    fireEvent.click(screen.getByRole('checkbox', { name: /Coach mode/ }));
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Synchronously, before any await: the browser only shows the prompt during the gesture.
    expect(requested).toEqual([['https://hooks.slack.com/*']]);

    await screen.findByText('Saved.');
    const { values } = await getSettings();
    expect(values).toMatchObject({
      endpointUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
      endpointFormat: 'slack',
      teacherName: 'Ms. Rivera',
      schoolName: 'Lincoln Elementary',
      coachMode: true,
    });
    expect(screen.getByText(/is asking whether Coachmark may reach/).textContent).toBe(
      'Your browser is asking whether Coachmark may reach https://hooks.slack.com.',
    );

    answerPermission(false);
    const refused = await screen.findByText(/has no permission to reach https:\/\/hooks.slack.com/);
    expect(refused.textContent).toContain('CORS');
    // Still saved.
    expect((await getSettings()).values.endpointUrl).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
  });

  it('does not ask again for an origin it already has', async () => {
    grantedOrigins.add('http://127.0.0.1:8787/*');
    await saveSettings({ endpointUrl: 'http://127.0.0.1:8787/hook' });
    render(<SettingsTab />);
    expect(((await screen.findByRole('textbox', { name: 'Endpoint URL' })) as HTMLInputElement).value).toBe('http://127.0.0.1:8787/hook');
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1:8787/*'] }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(requested).toEqual([]);
  });

  it('shows an unusable URL inline and saves nothing', async () => {
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Endpoint URL' });
    await type('Endpoint URL', 'http://hooks.example.org/endpoint');
    const input = field('Endpoint URL');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(
      input
        .getAttribute('aria-describedby')!
        .split(' ')
        .find((id) => id.endsWith('error'))!,
    );
    expect(error?.textContent).toContain('https://');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toEqual([]);
    expect(screen.queryByText('Saved.')).toBeNull();
    expect((await getSettings()).values.endpointUrl).toBe('');
    expect(document.activeElement).toBe(input);
  });

  it('asks for the shared secret only for the generic JSON format', async () => {
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Endpoint URL' });
    expect((screen.getByLabelText('Shared secret (optional)') as HTMLInputElement).type).toBe('password');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'discord' } });
    expect(screen.queryByLabelText('Shared secret (optional)')).toBeNull();
    const options = [...screen.getByRole('combobox', { name: 'Format' }).querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toEqual([
      'Slack incoming webhook',
      'Microsoft Teams Workflows webhook',
      'Google Chat webhook',
      'Discord webhook',
      'Generic JSON',
    ]);
  });

  it('shows settings locked by the school as disabled, and saves the rest', async () => {
    setPolicy({
      endpointUrl: 'https://chat.district.example/hook',
      endpointFormat: 'teams',
      schoolName: 'District Default',
      lockedSettings: ['endpointUrl', 'endpointFormat'],
    });
    render(<SettingsTab />);
    const url = (await screen.findByRole('textbox', { name: 'Endpoint URL' })) as HTMLInputElement;
    expect(url.disabled).toBe(true);
    expect(url.value).toBe('https://chat.district.example/hook');
    const note = document.getElementById(url.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(note?.textContent).toBe('Set by your school');
    expect((screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).disabled).toBe(true);
    // A policy value that is not locked is only a default.
    const school = field('School');
    expect(school.disabled).toBe(false);
    expect(school.value).toBe('District Default');
    await type('School', 'Lincoln Elementary');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(requested).toEqual([['https://chat.district.example/*']]);
    await screen.findByText('Saved.');
    expect((await getSettings()).values).toMatchObject({
      endpointUrl: 'https://chat.district.example/hook',
      endpointFormat: 'teams',
      schoolName: 'Lincoln Elementary',
    });
  });

  it('shows the endpoint’s real answer to the test message', async () => {
    const sent: unknown[] = [];
    let reply: EndpointTestResult = { ok: false, status: 404, body: 'no_service' };
    // Stands in for the background, which the background's own tests cover against a real server.
    fakeBrowser.runtime.onMessage.addListener(
      (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
        if (message.type !== 'studioTestsEndpoint') return undefined;
        sent.push(message.data);
        sendResponse({ res: reply });
        return true;
      },
    );
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Endpoint URL' });
    await type('Endpoint URL', 'https://hooks.slack.com/services/T/B/X');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'slack' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send test message' }));
    const result = await screen.findByTestId('endpoint-test-result');
    expect(result.textContent).toContain('The endpoint answered 404');
    expect(result.querySelector('pre')?.textContent).toBe('no_service');
    expect(sent).toEqual([{ url: 'https://hooks.slack.com/services/T/B/X', format: 'slack', secret: '', teacherName: '', schoolName: '' }]);

    reply = { ok: false, error: 'network' };
    fireEvent.click(screen.getByRole('button', { name: 'Send test message' }));
    await waitFor(() => expect(screen.getByTestId('endpoint-test-result').textContent).toContain('no permission for its address yet'));
  });
});
