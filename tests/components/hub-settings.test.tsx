import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '../../components/studio/SettingsTab';
import { setupHub } from '../../utils/hub/hub.background';
import { getSettings, saveSettings } from '../../utils/settings/settings';
import { deliverMessagesInProcess, loopbackFetch, startFakeHub, type FakeHub } from '../utils/hub/fake-hub';

let hub: FakeHub;
let stopHub: () => void;
let requested: string[][];

beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(() => hub.close());
beforeEach(() => {
  fakeBrowser.reset();
  hub.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  requested = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => false);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (permissions) => {
    requested.push(permissions.origins ?? []);
    return true;
  });
  deliverMessagesInProcess();
  stopHub = setupHub({ fetch: loopbackFetch });
});
afterEach(() => {
  stopHub();
  cleanup();
  vi.restoreAllMocks();
});

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => {
  fireEvent.input(field(name), { target: { value } });
  fireEvent.blur(field(name));
};

describe('Settings: Hub', () => {
  it('checks the Hub and says who the token belongs to, or that it was refused', async () => {
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Hub URL' });
    type('Hub URL', hub.url);
    type('Coach token', hub.token);
    fireEvent.click(screen.getByRole('button', { name: 'Check Hub' }));
    expect(await screen.findByText('Connected as Ms. Rivera.')).toBeTruthy();

    type('Coach token', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Check Hub' }));
    expect(await screen.findByText(/^The token was refused\./)).toBeTruthy();
  });

  it('says plainly when no Hub answers at the address', async () => {
    const address = hub.url;
    await hub.close();
    try {
      render(<SettingsTab />);
      await screen.findByRole('textbox', { name: 'Hub URL' });
      type('Hub URL', address);
      type('Coach token', 'token');
      fireEvent.click(screen.getByRole('button', { name: 'Check Hub' }));
      expect(await screen.findByText(`No Hub answered at ${address}.`)).toBeTruthy();
    } finally {
      hub = await startFakeHub();
    }
  });

  it('saves the Hub with the other settings, the token as a secret field, and refuses a plain-http address', async () => {
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Hub URL' });
    expect(field('Coach token').type).toBe('password');
    type('Hub URL', 'http://hub.district.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter the Hub’s address/)).toBeTruthy();
    expect((await getSettings()).values.hubUrl).toBe('');

    type('Hub URL', `${hub.url}/`);
    type('Coach token', '  secret-token  ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(requested).toEqual([[`${hub.url}/*`]]);
    await screen.findByText('Saved.');
    expect((await getSettings()).values).toMatchObject({ hubUrl: `${hub.url}`, hubToken: 'secret-token' });
  });

  it('uses the Hub for pings and mentors, asking for its site in the click and before replacing another directory', async () => {
    await saveSettings({ mentorDirectoryUrl: 'https://district.example/mentors.json' });
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Hub URL' });
    type('Hub URL', `${hub.url}`);
    type('Coach token', 'secret-token');
    fireEvent.click(screen.getByRole('button', { name: 'Use this Hub for pings, packs and mentors' }));
    expect(await screen.findByText(/The mentor directory is https:\/\/district.example\/mentors.json\. Replace it/)).toBeTruthy();
    expect(requested).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Replace it' }));
    expect(requested).toEqual([[`${hub.url}/*`]]);
    await screen.findByText(`Mentors now come from ${hub.url}/v1/mentors.`);
    expect((await getSettings()).values).toMatchObject({
      hubUrl: `${hub.url}`,
      hubToken: 'secret-token',
      endpointUrl: `${hub.url}/v1/events`,
      endpointFormat: 'json',
      mentorDirectoryUrl: `${hub.url}/v1/mentors`,
    });
    await waitFor(() => expect(field('Endpoint URL').value).toBe(`${hub.url}/v1/events`));
  });

  it('keeps the directory when the coach says so, and leaves settings the school locked', async () => {
    (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({
      endpointUrl: 'https://hooks.slack.com/services/T/B/X',
      lockedSettings: ['endpointUrl'],
    });
    await saveSettings({ mentorDirectoryUrl: 'https://district.example/mentors.json' });
    render(<SettingsTab />);
    await screen.findByRole('textbox', { name: 'Hub URL' });
    type('Hub URL', `${hub.url}`);
    type('Coach token', 'secret-token');
    fireEvent.click(screen.getByRole('button', { name: 'Use this Hub for pings, packs and mentors' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep the current directory' }));
    await screen.findByText('The mentor directory stays https://district.example/mentors.json.');
    expect(screen.getByText('Set by your school and left as it is: endpointUrl.')).toBeTruthy();
    expect((await getSettings()).values).toMatchObject({
      endpointUrl: 'https://hooks.slack.com/services/T/B/X',
      endpointFormat: 'json',
      mentorDirectoryUrl: 'https://district.example/mentors.json',
      hubUrl: `${hub.url}`,
    });
  });
});
