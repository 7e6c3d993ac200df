import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORED_VALUES, TAB_STATE, defineStoredItem, watchValue, type StoredValue } from '../../../utils/platform/storage';
import { readPolicy, readUserSettings } from '../../../utils/settings/settings';
import { getComfort } from '../../../utils/cards/comfort';
import { readDirectoryStatus } from '../../../utils/mentors/store';
import { readTabState } from '../../../utils/tabs/tab-state';

/**
 * Stored values outlive the code that wrote them. Each sample below is frozen: exactly what a
 * shipped version wrote under its key. Version 1 wrote no version mark, so its samples are
 * stored bare. Raising a value's version fails the first test until its new shape gets a sample
 * here and a migration, and every older sample must still read as the current shape.
 */

type AreaKey = `${StoredValue<unknown>['area']}:${string}`;

/** Version 1 of each value, as the first release wrote it. */
const SETTINGS_V1 = {
  endpointUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
  endpointFormat: 'slack',
  endpointSecret: '',
  teacherName: 'Ms. Rivera',
  schoolName: 'Lincoln Elementary',
  packUrls: ['https://packs.district.example/canvas.json'],
  selfHostedDomains: ['moodle.district.org'],
  mentorDirectoryUrl: 'https://district.example/mentors.json',
  coachMode: true,
};
const COMFORT_V1 = { canvas: 'expert', seesaw: 'new', 'google-classroom': 'comfortable' };
const DIRECTORY_STATUS_V1 = {
  url: 'https://district.example/mentors.json',
  etag: '"v7"',
  lastSyncAt: 1_790_000_000_000,
  lastSuccessAt: 1_789_990_000_000,
  lastError: 'http: 503',
  mentorCount: 12,
  warnings: ['mentors[3].tools[0]: unknown tool "canva"'],
};
const TAB_STATE_V1 = {
  tabId: 12,
  url: 'https://district.instructure.com/courses/4821/gradebook/speed_grader?assignment_id=93',
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1_790_000_000_000,
};

const FIRST_SCREEN_V1 = {
  place: 'canvas/speedgrader',
  language: 'en-US',
  cards: [
    {
      id: 'sg-rubric',
      title: 'Grade with a rubric',
      summary: 'Score each criterion.',
      steps: ['Click **View Rubric**.'],
      tools: ['canvas'],
      contexts: ['speedgrader'],
      tags: [],
      level: 'beginner',
      links: [],
      version: 1,
      key: 'district/sg-rubric',
      pack: 'district',
      places: ['canvas/speedgrader'],
    },
  ],
  marks: [{ cardKey: 'district/sg-rubric', helpful: 'yes' }],
};

const WALKTHROUGH_V1 = {
  tabId: 12,
  cardKey: 'district/sg-rubric',
  title: 'Score a rubric',
  step: 1,
  total: 3,
  status: 'found',
  requestId: 4711,
  updatedAt: 1_764_633_600_000,
};

/** Every shipped version's sample, by value. */
const FROZEN: Record<AreaKey, Record<number, unknown>> = {
  'local:settings': { 1: SETTINGS_V1 },
  'local:comfort': { 1: COMFORT_V1 },
  'local:mentorDirectoryStatus': { 1: DIRECTORY_STATUS_V1 },
  'session:tab:<tabId>': { 1: TAB_STATE_V1 },
  'session:firstScreen:<tabId>': { 1: FIRST_SCREEN_V1 },
  'session:walkthrough:<tabId>': { 1: WALKTHROUGH_V1 },
};

/** Each sample as the current version reads it (while every value is at version 1: unchanged). */
const CURRENT: Record<AreaKey, unknown> = {
  'local:settings': SETTINGS_V1,
  'local:comfort': COMFORT_V1,
  'local:mentorDirectoryStatus': DIRECTORY_STATUS_V1,
  'session:tab:<tabId>': TAB_STATE_V1,
  'session:firstScreen:<tabId>': FIRST_SCREEN_V1,
  'session:walkthrough:<tabId>': WALKTHROUGH_V1,
};

const written = STORED_VALUES.filter((value) => value.area !== 'managed');
const areaKey = (value: StoredValue<unknown>): AreaKey => `${value.area}:${value.key}`;
const concreteKey = (value: StoredValue<unknown>) => value.key.replace('<tabId>', '12');

function area(name: StoredValue<unknown>['area']) {
  return fakeBrowser.storage[name] as unknown as {
    get: (keys?: string | string[] | null) => Promise<Record<string, unknown>>;
    set: (items: Record<string, unknown>) => Promise<void>;
  };
}

// Some tests stand in for the managed area's reader; each test starts with the fake's own.
const managedGet = fakeBrowser.storage.managed.get;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.storage.managed.get = managedGet;
});

describe('declared stored values', () => {
  it('have a frozen sample of every version they have had, and a migration into each version after the first', () => {
    expect(written.map(areaKey).sort()).toEqual(Object.keys(FROZEN).sort());
    for (const value of written) {
      const versions = Array.from({ length: value.version }, (_, index) => index + 1);
      expect(Object.keys(FROZEN[areaKey(value)]!).map(Number), areaKey(value)).toEqual(versions);
      expect(Object.keys(value.migrations).map(Number), areaKey(value)).toEqual(versions.slice(1));
    }
  });

  it('are declared once each, in the areas the privacy page names', () => {
    const keys = STORED_VALUES.map(areaKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const value of STORED_VALUES) expect(['local', 'session', 'managed']).toContain(value.area);
  });

  for (const value of written) {
    for (const version of Object.keys(FROZEN[areaKey(value)] ?? {}).map(Number)) {
      it(`reads ${areaKey(value)} as written by version ${version} in its current shape`, async () => {
        const key = concreteKey(value);
        const sample = FROZEN[areaKey(value)]![version];
        await area(value.area).set(version === 1 ? { [key]: sample } : { [key]: sample, [`${key}$`]: { v: version } });
        const item = defineStoredItem(value, key);
        expect(await item.getValue()).toEqual(CURRENT[areaKey(value)]);
        if (version < value.version) expect(await item.getMeta()).toEqual({ v: value.version });
      });
    }
  }
});

describe('what the modules read from values written by version 1', () => {
  it('settings, comfort, directory status and tab state come back as they were saved', async () => {
    (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
    await area('local').set({
      settings: SETTINGS_V1,
      comfort: COMFORT_V1,
      mentorDirectoryStatus: DIRECTORY_STATUS_V1,
    });
    await area('session').set({ 'tab:12': TAB_STATE_V1 });
    expect(await readUserSettings()).toEqual(SETTINGS_V1);
    expect(await getComfort('canvas')).toBe('expert');
    expect(await getComfort('seesaw')).toBe('new');
    expect(await readDirectoryStatus()).toEqual(DIRECTORY_STATUS_V1);
    expect(await readTabState(12)).toEqual(TAB_STATE_V1);
  });
});

describe('versions through WXT storage', () => {
  const scratch: StoredValue<Record<string, unknown>> = {
    area: 'local',
    key: 'scratch',
    holds: 'A test value.',
    privacyMessage: 'privacyStoreLocalBody',
    version: 2,
    migrations: { 2: (previous) => ({ names: [(previous as { name: string }).name] }) },
    fallback: {},
  };

  it('takes a value with no version mark for version 1 and migrates it', async () => {
    await area('local').set({ scratch: { name: 'Ana' } });
    const item = defineStoredItem(scratch);
    expect(await item.getValue()).toEqual({ names: ['Ana'] });
    expect((await area('local').get('scratch$'))['scratch$']).toEqual({ v: 2 });
  });

  it('marks a first value with the current version, so no migration runs on it later', async () => {
    await defineStoredItem(scratch).setValue({ names: ['Ana'] });
    expect((await area('local').get('scratch$'))['scratch$']).toEqual({ v: 2 });
    expect(await defineStoredItem(scratch).getValue()).toEqual({ names: ['Ana'] });
  });

  it('writes nothing into the school’s policy when reading it', async () => {
    await fakeBrowser.storage.managed.set({ schoolName: 'Lincoln' });
    expect(await readPolicy()).toEqual({ schoolName: 'Lincoln' });
    expect(await area('managed').get(null)).toEqual({ schoolName: 'Lincoln' });
  });

  it('writes no version mark beside a value still in its first shape', async () => {
    for (const value of STORED_VALUES.filter((stored) => stored.area !== 'managed' && stored.version === 1)) {
      const key = value.key.replace('<tabId>', '3');
      await defineStoredItem(value, key).setValue(CURRENT[areaKey(value)] ?? {});
      const stored = await area(value.area).get(null);
      expect(Object.keys(stored), key).toContain(key);
      expect(Object.keys(stored), key).not.toContain(`${key}$`);
    }
  });

  it('keeps a tab’s key as shipped: tab:<tabId> in storage.session', async () => {
    expect(TAB_STATE.key).toBe('tab:<tabId>');
    await defineStoredItem(TAB_STATE, 'tab:12').setValue(TAB_STATE_V1);
    expect(Object.keys(await area('session').get(null))).toContain('tab:12');
  });
});

describe('watchValue', () => {
  const scratch: StoredValue<{ n: number }> = {
    area: 'local',
    key: 'counter',
    holds: 'A test value.',
    privacyMessage: 'privacyStoreLocalBody',
    version: 1,
    migrations: {},
    fallback: { n: 0 },
  };

  it('calls back with the value now and after each change, read through the mapping, until stopped', async () => {
    await area('local').set({ counter: { n: 1 } });
    const item = defineStoredItem(scratch);
    const seen: number[] = [];
    const stop = watchValue(
      item,
      (value) => value.n * 10,
      (value) => seen.push(value),
    );
    await expect.poll(() => seen).toEqual([10]);
    await item.setValue({ n: 2 });
    await expect.poll(() => seen).toEqual([10, 20]);
    stop();
    await item.setValue({ n: 3 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([10, 20]);
  });

  it('does not report the first read after a newer change: the change wins', async () => {
    await area('local').set({ counter: { n: 1 } });
    const item = defineStoredItem(scratch);
    let releaseRead!: () => void;
    const slowItem = {
      watch: item.watch,
      // The first read answers only after a change has already been reported.
      getValue: async () => {
        const value = await item.getValue();
        await new Promise<void>((resolve) => (releaseRead = resolve));
        return value;
      },
    };
    const seen: number[] = [];
    watchValue(
      slowItem,
      (value) => value.n,
      (value) => seen.push(value),
    );
    await expect.poll(() => typeof releaseRead).toBe('function');
    await item.setValue({ n: 2 });
    await expect.poll(() => seen).toEqual([2]);
    releaseRead();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([2]);
  });
});
