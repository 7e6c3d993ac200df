import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  mergeSettings,
  parsePolicy,
  readUserSettings,
  saveSettings,
  watchSettings,
  type EffectiveSettings,
} from '../../../utils/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings precedence', () => {
  it('uses defaults when nothing is set', () => {
    const merged = mergeSettings({}, {});
    expect(merged.values).toEqual(DEFAULT_SETTINGS);
    expect(merged.locked.size).toBe(0);
  });

  it('lets the user override an unlocked policy value, never a locked one', () => {
    const merged = mergeSettings(
      { endpointUrl: 'https://mine.example/hook', schoolName: 'My school' },
      { endpointUrl: 'https://district.example/hook', schoolName: 'Lincoln Elementary', lockedSettings: ['endpointUrl'] },
    );
    expect(merged.values.endpointUrl).toBe('https://district.example/hook');
    expect(merged.values.schoolName).toBe('My school');
    expect([...merged.locked]).toEqual(['endpointUrl']);
    expect([...merged.managed].sort()).toEqual(['endpointUrl', 'schoolName']);
  });

  it('locks everything the policy sets with "*"', () => {
    const merged = mergeSettings(
      { schoolName: 'x' },
      { schoolName: 'Lincoln', packUrls: ['https://p.example/a.json'], lockedSettings: ['*'] },
    );
    expect(merged.values.schoolName).toBe('Lincoln');
    expect([...merged.locked].sort()).toEqual(['packUrls', 'schoolName']);
  });

  it('keeps the valid keys of a policy with a bad value', () => {
    expect(parsePolicy({ endpointFormat: 'fax', schoolName: 'Lincoln', unknown: 1 })).toEqual({ schoolName: 'Lincoln' });
    expect(parsePolicy(null)).toEqual({});
  });
});

describe('saving settings', () => {
  it('stores the user’s choices and reads them back over the defaults', async () => {
    const managed = fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> };
    managed.get = async () => ({});
    await saveSettings({ teacherName: 'Ms. Rivera', endpointFormat: 'slack' });
    const settings = await getSettings();
    expect(settings.values.teacherName).toBe('Ms. Rivera');
    expect(settings.values.endpointFormat).toBe('slack');
  });

  it('refuses to save a locked key and names it', async () => {
    const managed = fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> };
    managed.get = async () => ({ endpointUrl: 'https://district.example/hook', lockedSettings: ['endpointUrl'] });
    await expect(saveSettings({ endpointUrl: 'https://other.example' })).rejects.toThrow(/Set by your school: endpointUrl/);
  });
});

describe('reading saved settings', () => {
  it('keeps every valid saved choice when one is bad', async () => {
    await fakeBrowser.storage.local.set({
      settings: { teacherName: 'Ms. Rivera', endpointFormat: 'fax', packUrls: ['https://p.example/a.json'], coachMode: 'yes', stray: 1 },
    });
    expect(await readUserSettings()).toEqual({ teacherName: 'Ms. Rivera', packUrls: ['https://p.example/a.json'] });
    const managed = fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> };
    managed.get = async () => ({});
    const { values } = await getSettings();
    expect(values).toMatchObject({ teacherName: 'Ms. Rivera', endpointFormat: DEFAULT_SETTINGS.endpointFormat, coachMode: false });
  });

  it('drops only the bad key on the next save, never the other choices', async () => {
    const managed = fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> };
    managed.get = async () => ({});
    await fakeBrowser.storage.local.set({ settings: { schoolName: 'Lincoln', endpointFormat: 'fax' } });
    await saveSettings({ teacherName: 'Ms. Rivera' });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ schoolName: 'Lincoln', teacherName: 'Ms. Rivera' });
  });

  it('reads anything but an object as no choices', async () => {
    await fakeBrowser.storage.local.set({ settings: ['teacherName'] });
    expect(await readUserSettings()).toEqual({});
  });
});

describe('watching settings', () => {
  it('tells a watcher the settings now, after a save and after a policy change, until it stops', async () => {
    // The fake's managed.get is replaced above; a change event still comes from managed.set.
    let policy: Record<string, unknown> = {};
    (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
    const seen: EffectiveSettings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    await expect.poll(() => seen.length).toBe(1);
    await saveSettings({ teacherName: 'Ms. Rivera' });
    await expect.poll(() => seen.at(-1)?.values.teacherName).toBe('Ms. Rivera');
    policy = { schoolName: 'Lincoln', lockedSettings: ['schoolName'] };
    await fakeBrowser.storage.managed.set(policy);
    await expect.poll(() => seen.at(-1)?.locked.has('schoolName')).toBe(true);
    expect(seen.at(-1)?.values.schoolName).toBe('Lincoln');
    const count = seen.length;
    stop();
    await saveSettings({ teacherName: 'Mr. Chen' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(count);
  });
});

describe('the plain key lists (read without the schema library)', () => {
  it('name exactly the schema’s settings, and the policy’s keys', async () => {
    const { settingsSchema } = await import('../../../utils/settings/schema');
    const { POLICY_KEYS, SETTING_KEYS, DEFAULT_SETTINGS } = await import('../../../utils/settings/defaults');
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect([...POLICY_KEYS].sort()).toEqual([...Object.keys(settingsSchema.shape), 'lockedSettings'].sort());
  });
});

describe('a policy with keys named like built-in object members', () => {
  // As IT's JSON arrives: JSON.parse makes "__proto__" an own key, not the object's prototype.
  const POLICY_TEXT = JSON.stringify({
    endpointUrl: 'https://chat.lincoln.example/hook',
    schoolName: 'Lincoln Middle School',
    coachMode: true,
    lockedSettings: ['endpointUrl', 'coachMode', 'constructor'],
  }).replace(/^\{/, '{"constructor":"x","toString":"y","__proto__":{"coachMode":false},"hasOwnProperty":1,"valueOf":[],');

  it('drops those keys alone and keeps every other key', () => {
    expect(parsePolicy(JSON.parse(POLICY_TEXT))).toEqual({
      endpointUrl: 'https://chat.lincoln.example/hook',
      schoolName: 'Lincoln Middle School',
      coachMode: true,
      lockedSettings: ['endpointUrl', 'coachMode', 'constructor'],
    });
  });

  it('still applies the values and the locks when read from storage.managed', async () => {
    const managed = fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> };
    managed.get = async () => JSON.parse(POLICY_TEXT);
    await fakeBrowser.storage.local.set({ settings: { endpointUrl: 'https://mine.example/hook', coachMode: false, schoolName: 'Mine' } });
    const settings = await getSettings();
    expect(settings.values.endpointUrl).toBe('https://chat.lincoln.example/hook');
    expect(settings.values.coachMode).toBe(true);
    // Not locked: the teacher's own value wins over the school's default.
    expect(settings.values.schoolName).toBe('Mine');
    expect([...settings.locked].sort()).toEqual(['coachMode', 'endpointUrl']);
    await expect(saveSettings({ endpointUrl: 'https://other.example' })).rejects.toThrow(/Set by your school: endpointUrl/);
  });
});
