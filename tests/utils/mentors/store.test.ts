import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB, type Mentor } from '../../../utils/platform/db';
import {
  DIRECTORY_STATUS_KEY,
  clearDirectoryMentors,
  readDirectoryStatus,
  replaceDirectoryMentors,
  watchDirectoryStatus,
  writeDirectoryStatus,
  type MentorDirectoryStatus,
} from '../../../utils/mentors/store';

const local = (id: string, name: string, source?: 'local'): Mentor => ({
  id,
  name,
  handles: { slack: 'U0LOCAL' },
  tools: ['canvas'],
  ...(source ? { source } : {}),
});
const fromDirectory = (key: string, name: string, tools = ['nearpod']): Mentor => ({
  id: `directory:${key}`,
  name,
  handles: {},
  tools,
  source: 'directory',
});

let database: CoachmarkDB;
beforeEach(async () => {
  fakeBrowser.reset();
  database = new CoachmarkDB(`mentors-${Math.random()}`);
  await database.open();
});

const all = async () => (await database.mentors.toArray()).sort((a, b) => a.id.localeCompare(b.id));

describe('replaceDirectoryMentors', () => {
  it('replaces every directory mentor and never touches local ones', async () => {
    const mine = [
      local('5f0c7a4e-1111-4aaa-8bbb-000000000001', 'Ana Ruiz'),
      local('5f0c7a4e-1111-4aaa-8bbb-000000000002', 'Ben Okafor', 'local'),
    ];
    await database.mentors.bulkPut(mine);
    expect(await replaceDirectoryMentors(database, [fromDirectory('cleo', 'Cleo'), fromDirectory('dev', 'Dev')])).toEqual({
      added: 2,
      updated: 0,
      removed: 0,
    });

    const counts = await replaceDirectoryMentors(database, [
      fromDirectory('cleo', 'Cleo', ['nearpod', 'seesaw']),
      fromDirectory('eli', 'Eli'),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, removed: 1 });
    expect(await all()).toEqual([...mine, fromDirectory('cleo', 'Cleo', ['nearpod', 'seesaw']), fromDirectory('eli', 'Eli')]);

    // An empty directory leaves only the local mentors.
    expect(await replaceDirectoryMentors(database, [])).toEqual({ added: 0, updated: 0, removed: 2 });
    expect(await all()).toEqual(mine);
  });

  it('counts an unchanged copy as unchanged, whatever order the handles come in', async () => {
    const withHandles: Mentor = { ...fromDirectory('cleo', 'Cleo'), handles: { slack: 'U0CLEO', discord: '123456789012345678' } };
    await replaceDirectoryMentors(database, [withHandles]);
    const reordered: Mentor = { ...withHandles, handles: { discord: '123456789012345678', slack: 'U0CLEO' } };
    expect(await replaceDirectoryMentors(database, [reordered])).toEqual({ added: 0, updated: 0, removed: 0 });
  });

  it('leaves out an incoming mentor whose key a local mentor holds, rather than overwrite it', async () => {
    const clash = { ...local('directory:cleo', 'Cleo (mine)') };
    await database.mentors.put(clash);
    await replaceDirectoryMentors(database, [fromDirectory('cleo', 'Cleo'), fromDirectory('dev', 'Dev')]);
    expect(await all()).toEqual([clash, fromDirectory('dev', 'Dev')]);
  });

  it('marks what it stores as the directory’s', async () => {
    await replaceDirectoryMentors(database, [{ id: 'directory:x', name: 'X', handles: {}, tools: ['canvas'] }]);
    expect((await database.mentors.get('directory:x'))?.source).toBe('directory');
  });

  it('is one transaction: a failure half-way keeps the previous copy whole', async () => {
    await replaceDirectoryMentors(database, [fromDirectory('cleo', 'Cleo')]);
    // A mentor without a key makes bulkPut throw after the old copy was deleted in the same transaction.
    const broken = { name: 'No key', handles: {}, tools: ['canvas'], source: 'directory' } as unknown as Mentor;
    await expect(replaceDirectoryMentors(database, [fromDirectory('dev', 'Dev'), broken])).rejects.toThrow();
    expect(await all()).toEqual([fromDirectory('cleo', 'Cleo')]);
  });
});

describe('clearDirectoryMentors', () => {
  it('removes the directory’s mentors only', async () => {
    const mine = local('5f0c7a4e-1111-4aaa-8bbb-000000000001', 'Ana Ruiz');
    await database.mentors.bulkPut([mine, fromDirectory('cleo', 'Cleo'), fromDirectory('dev', 'Dev')]);
    expect(await clearDirectoryMentors(database)).toBe(2);
    expect(await all()).toEqual([mine]);
  });
});

describe('directory status', () => {
  const status: MentorDirectoryStatus = {
    url: 'https://district.example/mentors.json',
    etag: '"v1"',
    lastSyncAt: 5,
    lastSuccessAt: 5,
    mentorCount: 3,
    warnings: ['w'],
  };

  it('round-trips through storage.local, and drops what it cannot read', async () => {
    expect(await readDirectoryStatus()).toBeNull();
    await writeDirectoryStatus({ ...status, lastError: undefined });
    expect(await readDirectoryStatus()).toEqual(status);
    const stored = (await fakeBrowser.storage.local.get(DIRECTORY_STATUS_KEY))[DIRECTORY_STATUS_KEY] as Record<string, unknown>;
    expect(Object.keys(stored)).not.toContain('lastError');

    await fakeBrowser.storage.local.set({ [DIRECTORY_STATUS_KEY]: { url: 42 } });
    expect(await readDirectoryStatus()).toBeNull();
    await writeDirectoryStatus(status);
    await writeDirectoryStatus(null);
    expect(await fakeBrowser.storage.local.get(DIRECTORY_STATUS_KEY)).toEqual({});
  });

  it('tells a watcher the status now and after each change, until it stops', async () => {
    const seen: Array<MentorDirectoryStatus | null> = [];
    const stop = watchDirectoryStatus((value) => seen.push(value));
    await expect.poll(() => seen.length).toBe(1);
    await writeDirectoryStatus(status);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([null, status]);
    stop();
    await writeDirectoryStatus({ ...status, mentorCount: 4 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(2);
  });
});
