import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GapsTab } from '../../components/studio/GapsTab';
import { MentorsTab } from '../../components/studio/MentorsTab';
import { PacksTab } from '../../components/studio/PacksTab';
import { replacePack } from '../../utils/cards/store';
import { setupHub } from '../../utils/hub/hub.background';
import { setupMentorDirectorySync, type MentorDirectorySyncHandle } from '../../utils/mentors/directory-sync.background';
import { db } from '../../utils/platform/db';
import { saveSettings } from '../../utils/settings/settings';
import { deliverMessagesInProcess, loopbackFetch, hubFlag, hubVolunteer, startFakeHub, type FakeHub } from '../utils/hub/fake-hub';

/**
 * The studio's Hub sections against the background's real handlers and a stand-in Hub on
 * 127.0.0.1: flags in the Gaps tab, publishing a pack, and approving volunteers.
 */

let hub: FakeHub;
let stops: Array<() => void>;

beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(() => hub.close());
beforeEach(async () => {
  fakeBrowser.reset();
  hub.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  await db.delete();
  await db.open();
  deliverMessagesInProcess();
  const fetchLoopback = loopbackFetch;
  const directory: MentorDirectorySyncHandle = setupMentorDirectorySync({ fetch: fetchLoopback });
  stops = [setupHub({ fetch: fetchLoopback }), () => directory.stop()];
});
afterEach(() => {
  cleanup();
  for (const stop of stops) stop();
  vi.restoreAllMocks();
});

const useHub = () => saveSettings({ hubUrl: hub.url, hubToken: hub.token });

describe('Studio with a Hub: Gaps', () => {
  it('without a Hub, shows no Hub controls and calls nothing', async () => {
    render(<GapsTab />);
    await screen.findByTestId('gaps-import-result');
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    expect(hub.received).toEqual([]);
  });

  it('shows every teacher’s flag with note, name and school, counts, and resolves one on the Hub', async () => {
    hub.flags = [
      hubFlag('f2', {
        note: 'Where is the mute button?',
        teacher: { name: 'Ms. Lee', school: 'Roosevelt Middle' },
        createdAt: '2026-11-22T10:00:00.000Z',
      }),
      hubFlag('f1'),
      hubFlag('f3', {
        tool: { id: 'seesaw', name: 'Seesaw' },
        page: { context: 'journal', name: 'Journal', url: '' },
        note: 'Journal help',
      }),
    ];
    await useHub();
    render(<GapsTab />);
    expect(await screen.findByText(/^3 flags from the Hub, 3 not resolved/)).toBeTruthy();
    const list = await screen.findAllByTestId('hub-flag-list');
    const speedgrader = within(list[0]!);
    // Every note of the page, not only the newest, each with who sent it.
    expect(speedgrader.getByText('Where is the mute button?')).toBeTruthy();
    expect(speedgrader.getByText('How do I hide grades until I post them?')).toBeTruthy();
    expect(speedgrader.getByText(/^Ms\. Lee, Roosevelt Middle ·/)).toBeTruthy();
    expect(
      speedgrader.getByRole('link', { name: 'Write a card for this: flag from Mr. Okafor, Lincoln Elementary' }).getAttribute('href'),
    ).toBe('#cards?tool=canvas&context=speedgrader');
    const summary = within(screen.getByTestId('hub-flag-summary'));
    expect(summary.getAllByTestId('summary-tool').map((row) => row.textContent)).toEqual(['Canvas22', 'Seesaw11']);

    fireEvent.click(speedgrader.getByRole('button', { name: 'Mark resolved: flag from Mr. Okafor, Lincoln Elementary' }));
    expect(await screen.findByText('1 flag resolved on the Hub.')).toBeTruthy();
    expect(hub.flags.find((flag) => flag.id === 'f1')).toMatchObject({ status: 'resolved' });
    await waitFor(async () => expect(await db.gaps.get('f1')).toMatchObject({ status: 'resolved', hub: { status: 'resolved' } }));
    expect(await screen.findByText(/^3 flags from the Hub, 2 not resolved/)).toBeTruthy();
  });

  it('says the token was refused', async () => {
    await saveSettings({ hubUrl: hub.url, hubToken: 'wrong' });
    render(<GapsTab />);
    expect(await screen.findByText(/^The token was refused\./)).toBeTruthy();
    const asked = () => hub.received.filter((request) => request.path === '/v1/flags').length;
    const before = asked();
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(asked()).toBeGreaterThan(before));
    expect(screen.getByText(/^The token was refused\./)).toBeTruthy();
  });
});

describe('Studio with a Hub: Publish to Hub', () => {
  it('publishes a local pack, shows its version and address, and offers to raise a version that did not rise', async () => {
    await replacePack({ schemaVersion: 1, id: 'district', name: 'District cards', version: '1.2.0', cards: [] }, { kind: 'local' });
    hub.packs.set('district', { version: '1.2.0', text: '{}' });
    await useHub();
    render(<PacksTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish to Hub: District cards' }));
    expect(await screen.findByText(/^The version did not rise: this pack is still version 1\.2\.0/)).toBeTruthy();
    expect(screen.getByText('version: 1.2.0 must be higher than the published 1.2.0')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Raise the version to 1.2.1 and publish' }));
    expect(await screen.findByText('Published District cards, version 1.2.1.')).toBeTruthy();
    expect(screen.getByText(`${hub.url}/v1/packs/district`)).toBeTruthy();
    expect((await db.packs.get('district'))?.version).toBe('1.2.1');
    expect(JSON.parse(hub.packs.get('district')!.text)).toMatchObject({ schemaVersion: 1, id: 'district', version: '1.2.1' });
  });

  it('offers nothing without a Hub', async () => {
    await replacePack({ schemaVersion: 1, id: 'district', name: 'District cards', version: '1.0.0', cards: [] }, { kind: 'local' });
    render(<PacksTab />);
    await screen.findByRole('heading', { name: 'District cards' });
    expect(screen.queryByRole('button', { name: /Publish to Hub/ })).toBeNull();
  });
});

describe('Studio with a Hub: Volunteers', () => {
  it('lists pending volunteers and approves one into the synced mentor directory', async () => {
    hub.volunteers = [
      hubVolunteer('v1'),
      hubVolunteer('v2', { teacher: { name: 'Mr. Diaz' }, handle: '', note: '' }),
      hubVolunteer('v0', { teacher: { name: 'Already Decided' }, status: 'declined' }),
    ];
    await saveSettings({ hubUrl: hub.url, hubToken: hub.token, mentorDirectoryUrl: `${hub.url}/v1/mentors` });
    render(<MentorsTab />);
    const rows = await screen.findAllByTestId('volunteer-row');
    expect(rows.map((row) => row.dataset.id)).toEqual(['v1', 'v2']);
    expect(rows[0]!.textContent).toContain('Lincoln Elementary');
    expect(rows[0]!.textContent).toContain('U0CHEN');
    expect(rows[0]!.textContent).toContain('Canvas');
    expect(rows[0]!.textContent).toContain('Free 3rd period');

    fireEvent.click(screen.getByRole('button', { name: 'Approve Ms. Chen' }));
    expect(await screen.findByText('Ms. Chen is approved and now in the Hub’s mentor directory.')).toBeTruthy();
    await waitFor(async () => expect((await db.mentors.toArray()).map((mentor) => mentor.name)).toEqual(['Ms. Chen']));
    expect((await db.mentors.toArray())[0]).toMatchObject({ source: 'directory', tools: ['canvas'] });
    await waitFor(() => expect(screen.getAllByTestId('volunteer-row').map((row) => row.dataset.id)).toEqual(['v2']));

    fireEvent.click(screen.getByRole('button', { name: 'Decline Mr. Diaz' }));
    expect(await screen.findByText('Mr. Diaz was declined.')).toBeTruthy();
    expect(await screen.findByText('No volunteers waiting.')).toBeTruthy();
  });
});
