import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MentorsTab } from '../../components/studio/MentorsTab';
import { db, type Mentor } from '../../utils/platform/db';
import { writeDirectoryStatus } from '../../utils/mentors/store';
import { saveSettings } from '../../utils/settings/settings';
import type { MentorDirectorySyncResult } from '../../utils/mentors/directory';
import { formatWhen } from '../../components/studio/sync-text';
import { mentor } from '../support/factories';

const DIRECTORY_URL = 'https://lincoln.k12.example/mentors.json';
const mine: Mentor = mentor({ id: 'm1', name: 'Ben Okafor', handles: { slack: 'U02BEN' } });
const ana: Mentor = mentor({ id: 'directory:ana', handles: { slack: 'U01ANA' }, tools: ['nearpod'], source: 'directory' });
const dev: Mentor = mentor({ id: 'directory:dev', name: 'Dev Patel', handles: {}, tools: ['canvas', 'seesaw'], source: 'directory' });

let answers: MentorDirectorySyncResult[] = [];
let requests = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  answers = [];
  requests = 0;
  // Stands in for the background's handler of studioSyncsMentors.
  fakeBrowser.runtime.onMessage.addListener((message: { type?: string }, _sender, sendResponse: (response: unknown) => void) => {
    if (message.type !== 'studioSyncsMentors') return undefined;
    requests++;
    sendResponse({ res: answers.shift() });
    return true;
  });
});
afterEach(cleanup);

const directorySection = async () => within(await screen.findByRole('region', { name: "From your school's directory" }));

describe('MentorsTab: the school’s directory', () => {
  it('lists the directory’s mentors read-only, apart from the coach’s own, with where they come from and when they synced', async () => {
    await saveSettings({ mentorDirectoryUrl: DIRECTORY_URL });
    await db.mentors.bulkPut([mine, ana, dev]);
    const syncedAt = Date.UTC(2026, 8, 1, 9, 30);
    await writeDirectoryStatus({
      url: DIRECTORY_URL,
      etag: '"v1"',
      lastSyncAt: syncedAt,
      lastSuccessAt: syncedAt,
      mentorCount: 2,
      warnings: [],
    });
    render(<MentorsTab />);

    const section = await directorySection();
    expect(section.getByText(DIRECTORY_URL).parentElement?.textContent).toBe(`Directory file: ${DIRECTORY_URL}`);
    await waitFor(() => expect(section.getByText(/^Last sync: /).textContent).toBe(`Last sync: ${formatWhen(syncedAt)}`));
    const rows = section.getAllByTestId('directory-mentor-row');
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Ana Ruiz', 'Dev Patel']);
    expect(rows[1]!.textContent).toContain('Canvas, Seesaw');
    expect(rows[0]!.textContent).toContain('U01ANA');
    // Read-only: no edit or delete for the directory's mentors, anywhere on the tab.
    expect(section.queryAllByRole('button').map((button) => button.textContent)).toEqual(['Sync now']);
    expect(screen.queryByRole('button', { name: 'Edit Ana Ruiz' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Dev Patel' })).toBeNull();

    // The coach's own mentors stay in the editable table.
    expect(screen.getAllByTestId('mentor-row').map((row) => row.querySelector('th')?.textContent)).toEqual(['Ben Okafor']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Ben Okafor' }));
    await waitFor(async () =>
      expect((await db.mentors.toArray()).map((mentor) => mentor.id).sort()).toEqual(['directory:ana', 'directory:dev']),
    );
    await screen.findByText('You have not added mentors of your own.');
    expect(screen.queryAllByTestId('mentor-row')).toHaveLength(0);
  });

  it('says why the last sync failed and that the list is the last good copy', async () => {
    await saveSettings({ mentorDirectoryUrl: DIRECTORY_URL });
    await db.mentors.put(ana);
    await writeDirectoryStatus({
      url: DIRECTORY_URL,
      lastSyncAt: 2,
      lastSuccessAt: 1,
      lastError: 'http: 500',
      mentorCount: 1,
      warnings: [],
    });
    render(<MentorsTab />);
    const section = await directorySection();
    await waitFor(() =>
      expect(section.getByText('Last sync failed: the server answered 500. The mentors below are the last good copy.').className).toBe(
        'error',
      ),
    );
    expect(section.getAllByTestId('directory-mentor-row')).toHaveLength(1);
  });

  it('says when the directory has never loaded, and shows its warnings', async () => {
    await saveSettings({ mentorDirectoryUrl: DIRECTORY_URL });
    await writeDirectoryStatus({
      url: DIRECTORY_URL,
      lastSyncAt: 2,
      lastError: 'invalid: mentors[0].tools: must list at least one tool',
      mentorCount: 0,
      warnings: [],
    });
    render(<MentorsTab />);
    const section = await directorySection();
    await waitFor(() =>
      expect(
        section.getByText(
          'The directory could not be loaded: the file is not a valid mentor directory (mentors[0].tools: must list at least one tool).',
        ).className,
      ).toBe('error'),
    );
    expect(section.queryAllByTestId('directory-mentor-row')).toHaveLength(0);
    await screen.findByText('No mentors yet.');
    expect(screen.queryAllByTestId('mentor-row')).toHaveLength(0);

    await writeDirectoryStatus({
      url: DIRECTORY_URL,
      lastSyncAt: 3,
      lastSuccessAt: 3,
      mentorCount: 0,
      warnings: ['mentors[0].tools[0]: "canvs" is not a tool Coachmark knows'],
    });
    // The warnings are listed but folded away: the coach opens them when ready.
    await waitFor(() =>
      expect((section.getByText('Warnings in the directory file (1)').closest('details') as HTMLDetailsElement).open).toBe(false),
    );
    expect(section.getByText(/"canvs" is not a tool/).textContent).toBe('mentors[0].tools[0]: "canvs" is not a tool Coachmark knows');
    expect(section.getByText('The directory lists no mentors.').className).toBe('empty');
  });

  it('syncs on "Sync now" and announces the result', async () => {
    await saveSettings({ mentorDirectoryUrl: DIRECTORY_URL });
    render(<MentorsTab />);
    const section = await directorySection();
    expect(section.getByText('Not synced yet').parentElement?.className).toBe('mentor-directory__meta');
    answers = [
      { outcome: 'updated', url: DIRECTORY_URL, mentors: 2, added: 2, updated: 0, removed: 0, warnings: 0 },
      { outcome: 'failed', url: DIRECTORY_URL, error: 'too-large' },
    ];
    fireEvent.click(section.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(section.getByRole('status').textContent).toBe('Directory synced. Mentors listed: 2.'));
    fireEvent.click(section.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(section.getByRole('status').textContent).toBe('Sync failed: the file is over 1 MB.'));
    expect(requests).toBe(2);
  });

  it('shows nothing of a directory when the school sets none', async () => {
    await db.mentors.put(mine);
    render(<MentorsTab />);
    await screen.findByRole('row', { name: /Ben Okafor/ });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('region', { name: "From your school's directory" })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});
