import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, mergeSettings, parsePolicy, saveSettings } from '../../../utils/settings/settings';

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
