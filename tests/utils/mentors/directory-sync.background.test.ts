// @vitest-environment node
// A real HTTP server on 127.0.0.1 and Node's own fetch: happy-dom's fetch would apply CORS.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFileServer } from '../../support/file-server';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB, type Mentor } from '../../../utils/platform/db';
import {
  MENTOR_DIRECTORY_ALARM,
  MENTOR_DIRECTORY_PERIOD_MINUTES,
  isDirectoryDue,
  setupMentorDirectorySync,
  syncMentorDirectory,
  type DirectorySyncEnvironment,
  type MentorDirectorySyncHandle,
} from '../../../utils/mentors/directory-sync.background';
import { readDirectoryStatus } from '../../../utils/mentors/store';
import { saveSettings } from '../../../utils/settings/settings';
import { mentor } from '../../support/factories';
import { sendMessage } from '../../support/messages';

const files = useFileServer();
const { routes, seen } = files;

let database: CoachmarkDB;
let clock: number;
let env: DirectorySyncEnvironment;

beforeEach(async () => {
  fakeBrowser.reset();
  database = new CoachmarkDB(`directory-${Math.random()}`);
  await database.open();
  clock = 1_000_000;
  env = { fetch: (input, init) => fetch(input, init), now: () => clock, database, timeoutMs: 2_000 };
});

const url = (path: string) => files.url(path);
const ana = { id: 'ana', name: 'Ana Ruiz', handles: { slack: 'U01ANA' }, tools: ['canvas'] };
const ben = { id: 'ben', name: 'Ben Okafor', handles: { discord: '123456789012345678' }, tools: ['nearpod', 'seesaw'] };
const directory = (mentors: unknown[]) => JSON.stringify({ schemaVersion: 1, mentors });
const mine: Mentor = mentor({ id: '0b9d3c4e-2222-4ccc-8ddd-000000000001', name: 'Cleo (added here)', handles: {} });
const names = async () =>
  (await database.mentors.toArray()).map((mentor) => `${mentor.name}${mentor.source === 'directory' ? ' [directory]' : ''}`).sort();

describe('syncMentorDirectory against a real HTTP server', () => {
  it('stores the directory beside local mentors with its ETag, then revalidates with If-None-Match and keeps it on 304', async () => {
    await database.mentors.put(mine);
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v1"' });
    const first = await syncMentorDirectory(url('/mentors.json'), env);
    expect(first).toEqual({ outcome: 'updated', url: url('/mentors.json'), mentors: 2, added: 2, updated: 0, removed: 0, warnings: 0 });
    expect(seen[0]!.headers['if-none-match']).toBeUndefined();
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(await names()).toEqual(['Ana Ruiz [directory]', 'Ben Okafor [directory]', 'Cleo (added here)']);
    expect(await database.mentors.get('directory:ben')).toEqual({ ...ben, id: 'directory:ben', source: 'directory' });
    expect(await readDirectoryStatus()).toEqual({
      url: url('/mentors.json'),
      etag: '"v1"',
      lastSyncAt: 1_000_000,
      lastSuccessAt: 1_000_000,
      mentorCount: 2,
      warnings: [],
    });

    clock = 2_000_000;
    expect(await syncMentorDirectory(url('/mentors.json'), env)).toEqual({ outcome: 'unchanged', url: url('/mentors.json'), mentors: 2 });
    expect(seen[1]!.headers['if-none-match']).toBe('"v1"');
    expect(await names()).toEqual(['Ana Ruiz [directory]', 'Ben Okafor [directory]', 'Cleo (added here)']);
    expect(await readDirectoryStatus()).toMatchObject({ etag: '"v1"', lastSyncAt: 2_000_000, lastSuccessAt: 2_000_000 });
  });

  it('replaces the whole directory when it changes, and leaves local mentors alone', async () => {
    await database.mentors.put(mine);
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v1"' });
    await syncMentorDirectory(url('/mentors.json'), env);
    routes.set('/mentors.json', {
      body: directory([
        { ...ana, tools: ['canvas', 'kami'] },
        { id: 'dev', name: 'Dev Patel', tools: ['kahoot'] },
      ]),
      etag: '"v2"',
    });
    const result = await syncMentorDirectory(url('/mentors.json'), env);
    expect(result).toMatchObject({ outcome: 'updated', mentors: 2, added: 1, updated: 1, removed: 1 });
    expect(seen[1]!.headers['if-none-match']).toBe('"v1"');
    expect(await names()).toEqual(['Ana Ruiz [directory]', 'Cleo (added here)', 'Dev Patel [directory]']);
    expect(await database.mentors.get(mine.id)).toEqual(mine);
    expect(await readDirectoryStatus()).toMatchObject({ etag: '"v2"', mentorCount: 2 });
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' }, /^http: 500$/],
    ['invalid JSON', { body: '{ "schemaVersion": 1, "mentors": [' }, /^invalid: file: invalid JSON at line 1/],
    [
      'an invalid directory',
      { body: directory([ana, { ...ben, tools: [] }]) },
      /^invalid: mentors\[1\]\.tools: must list at least one tool/,
    ],
    ['a file over the size limit', { streamBytes: 2 * 1024 * 1024 }, /^too-large$/],
  ])('keeps the last good copy after %s and records the error and the time', async (_name, route, error) => {
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v1"' });
    await syncMentorDirectory(url('/mentors.json'), env);
    const before = await database.mentors.toArray();
    routes.set('/mentors.json', route);
    clock = 5_000_000;
    const result = await syncMentorDirectory(url('/mentors.json'), env);
    expect(result).toEqual({ outcome: 'failed', url: url('/mentors.json'), error: expect.stringMatching(error) });
    expect(await database.mentors.toArray()).toEqual(before);
    expect(await readDirectoryStatus()).toEqual({
      url: url('/mentors.json'),
      etag: '"v1"',
      lastSyncAt: 5_000_000,
      lastSuccessAt: 1_000_000,
      lastError: expect.stringMatching(error),
      mentorCount: 2,
      warnings: [],
    });

    // The next good answer clears the error.
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v1"' });
    clock = 6_000_000;
    expect(await syncMentorDirectory(url('/mentors.json'), env)).toMatchObject({ outcome: 'unchanged' });
    const status = await readDirectoryStatus();
    expect(status).toMatchObject({ lastSyncAt: 6_000_000, lastSuccessAt: 6_000_000 });
    expect(status).not.toHaveProperty('lastError');
  });

  it('fetches the whole file when the conditional request is refused before it leaves (a CORS preflight the server does not answer)', async () => {
    routes.set('/mentors.json', { body: directory([ana]), etag: '"v1"' });
    await syncMentorDirectory(url('/mentors.json'), env);
    // What the browser does when the preflight for If-None-Match fails: the fetch rejects.
    const preflightRefused: typeof fetch = (input, init) =>
      new Headers(init?.headers).has('If-None-Match') ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v2"' });
    const result = await syncMentorDirectory(url('/mentors.json'), { ...env, fetch: preflightRefused });
    expect(result).toMatchObject({ outcome: 'updated', mentors: 2, added: 1 });
    expect(await readDirectoryStatus()).toMatchObject({ etag: '"v2"', mentorCount: 2 });
    expect(await readDirectoryStatus()).not.toHaveProperty('lastError');
  });

  it('gives up after the time limit', async () => {
    routes.set('/slow.json', { body: directory([ana]), delayMs: 1_500 });
    expect(await syncMentorDirectory(url('/slow.json'), { ...env, timeoutMs: 200 })).toMatchObject({ outcome: 'failed', error: 'timeout' });
  });

  it('records why the first sync failed, with nothing to keep', async () => {
    const result = await syncMentorDirectory('http://127.0.0.1:9/mentors.json', env);
    expect(result).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^network/) });
    expect(await readDirectoryStatus()).toMatchObject({
      url: 'http://127.0.0.1:9/mentors.json',
      mentorCount: 0,
      lastSyncAt: 1_000_000,
      lastError: expect.stringMatching(/^network/),
    });
    expect(await readDirectoryStatus()).not.toHaveProperty('lastSuccessAt');
  });

  it('keeps the stored warnings and counts them in the result', async () => {
    routes.set('/mentors.json', { body: directory([{ ...ana, tools: ['canvas', 'canvs'] }]) });
    expect(await syncMentorDirectory(url('/mentors.json'), env)).toMatchObject({ outcome: 'updated', warnings: 1 });
    expect((await readDirectoryStatus())?.warnings).toEqual([expect.stringContaining('mentors[0].tools[1]: "canvs"')]);
    expect((await readDirectoryStatus())?.etag).toBeUndefined();
  });

  it('refuses an address that is not https before any request', async () => {
    await database.mentors.put(mine);
    const result = await syncMentorDirectory('http://district.example/mentors.json', env);
    expect(result).toEqual({
      outcome: 'failed',
      url: 'http://district.example/mentors.json',
      error: 'bad-url: http://district.example/mentors.json',
    });
    expect(seen).toHaveLength(0);
    expect(await names()).toEqual(['Cleo (added here)']);
  });

  it('drops the copy of a directory the school replaced or removed, never the local mentors', async () => {
    await database.mentors.put(mine);
    routes.set('/old.json', { body: directory([ana]), etag: '"old"' });
    await syncMentorDirectory(url('/old.json'), env);

    // A new address that fails: the old directory's mentors are not this directory's copy.
    const failed = await syncMentorDirectory(url('/new.json'), env);
    expect(failed).toMatchObject({ outcome: 'failed', error: 'http: 404' });
    expect(seen.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(await names()).toEqual(['Cleo (added here)']);

    routes.set('/new.json', { body: directory([ben]) });
    await syncMentorDirectory(url('/new.json'), env);
    expect(await names()).toEqual(['Ben Okafor [directory]', 'Cleo (added here)']);

    expect(await syncMentorDirectory('  ', env)).toEqual({ outcome: 'none' });
    expect(await names()).toEqual(['Cleo (added here)']);
    expect(await readDirectoryStatus()).toBeNull();
  });

  it('does not trust a 304 when the stored copy has gone missing', async () => {
    routes.set('/mentors.json', { body: directory([ana, ben]), etag: '"v1"' });
    await syncMentorDirectory(url('/mentors.json'), env);
    await database.mentors.clear();
    expect(await syncMentorDirectory(url('/mentors.json'), env)).toMatchObject({ outcome: 'updated', mentors: 2 });
    expect(seen[1]!.headers['if-none-match']).toBeUndefined();
  });
});

describe('isDirectoryDue', () => {
  const status = { url: 'https://d.example/m.json', lastSyncAt: 0, mentorCount: 1, warnings: [] };
  const period = MENTOR_DIRECTORY_PERIOD_MINUTES * 60_000;
  it('is due for a new address, a period after the last sync, and to remove a directory the settings dropped', () => {
    expect(isDirectoryDue('https://d.example/m.json', null, false, 0)).toBe(true);
    expect(isDirectoryDue('https://d.example/m.json', status, true, period - 1)).toBe(false);
    expect(isDirectoryDue('https://d.example/m.json', status, true, period)).toBe(true);
    expect(isDirectoryDue('https://d.example/other.json', status, true, 1)).toBe(true);
    expect(isDirectoryDue('', status, true, 1)).toBe(true);
    expect(isDirectoryDue('', null, false, 1)).toBe(false);
  });
});

describe('setupMentorDirectorySync', () => {
  let handle: MentorDirectorySyncHandle | undefined;
  afterEach(() => {
    handle?.stop();
    handle = undefined;
  });

  it('syncs at start, when the address changes, on its alarm and on "Sync now"', async () => {
    routes.set('/a.json', { body: directory([ana]), etag: '"a"' });
    routes.set('/b.json', { body: directory([ben]), etag: '"b"' });
    await saveSettings({ mentorDirectoryUrl: url('/a.json') });
    handle = setupMentorDirectorySync({ database, fetch });
    await vi.waitFor(async () => expect(await names()).toEqual(['Ana Ruiz [directory]']));
    expect(await fakeBrowser.alarms.get(MENTOR_DIRECTORY_ALARM)).toMatchObject({ periodInMinutes: MENTOR_DIRECTORY_PERIOD_MINUTES });
    expect(seen.map((request) => request.path)).toEqual(['/a.json']);

    await saveSettings({ mentorDirectoryUrl: url('/b.json') });
    await vi.waitFor(async () => expect(await names()).toEqual(['Ben Okafor [directory]']));

    await fakeBrowser.alarms.onAlarm.trigger({ name: MENTOR_DIRECTORY_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(seen.map((request) => request.path)).toEqual(['/a.json', '/b.json', '/b.json']));
    expect(seen[2]!.headers['if-none-match']).toBe('"b"');

    expect(await sendMessage('studioSyncsMentors', {})).toEqual({ outcome: 'unchanged', url: url('/b.json'), mentors: 1 });
    expect(seen).toHaveLength(4);

    // An unrelated settings change fetches nothing.
    await saveSettings({ teacherName: 'Ana' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(4);

    await saveSettings({ mentorDirectoryUrl: '' });
    await vi.waitFor(async () => expect(await names()).toEqual([]));
    expect(await sendMessage('studioSyncsMentors', {})).toEqual({ outcome: 'none' });
  });

  it('takes the address from policy too', async () => {
    routes.set('/policy.json', { body: directory([ana, ben]) });
    await fakeBrowser.storage.managed.set({ mentorDirectoryUrl: url('/policy.json') });
    handle = setupMentorDirectorySync({ database, fetch });
    await vi.waitFor(async () => expect(await names()).toEqual(['Ana Ruiz [directory]', 'Ben Okafor [directory]']));
  });

  it('does not fetch again at start when the copy is fresh', async () => {
    routes.set('/a.json', { body: directory([ana]) });
    await saveSettings({ mentorDirectoryUrl: url('/a.json') });
    await syncMentorDirectory(url('/a.json'), { ...env, now: () => Date.now() });
    handle = setupMentorDirectorySync({ database, fetch });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
  });

  it('runs one sync at a time, and a request made during one gets a fresh one after it', async () => {
    routes.set('/slow.json', { body: directory([ana]), delayMs: 200 });
    await saveSettings({ mentorDirectoryUrl: url('/slow.json') });
    handle = setupMentorDirectorySync({ database, fetch });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const [first, second] = await Promise.all([handle.sync(), handle.sync()]);
    expect(first).toBe(second);
    expect(seen).toHaveLength(2);
  });
});
