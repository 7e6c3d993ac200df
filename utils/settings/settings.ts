import { policyItems, readPolicyValues, userSettingsItem, watchItems } from '../platform/storage';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  parsePolicy,
  parseUserSettings,
  settingsSchema,
  type Policy,
  type SettingKey,
  type Settings,
} from './schema';

export { DEFAULT_SETTINGS, SETTING_KEYS, parsePolicy, parseUserSettings, settingsSchema, type Policy, type SettingKey, type Settings };

/**
 * Settings: managed policy (set by district IT) over the user's choice over defaults.
 * User choices are one stored value (utils/platform/storage.ts); policy comes from
 * storage.managed, whose shape is public/managed-schema.json.
 */

export interface EffectiveSettings {
  values: Settings;
  /** Keys whose value comes from policy and cannot be changed here ("Set by your school"). */
  locked: ReadonlySet<SettingKey>;
  /** Keys that policy sets at all (locked or only a default). */
  managed: ReadonlySet<SettingKey>;
}

/** The two layers as stored, for views that show where each value comes from. */
export interface SettingSources {
  user: Partial<Settings>;
  policy: Policy;
}

/**
 * Merges the three layers. A policy value is a default the teacher may change unless its key
 * is in lockedSettings (or lockedSettings is "*"-containing, locking everything policy sets).
 */
export function mergeSettings(user: Partial<Settings>, policy: Policy): EffectiveSettings {
  const values: Settings = { ...DEFAULT_SETTINGS };
  const managed = new Set<SettingKey>();
  const locked = new Set<SettingKey>();
  const lockAll = policy.lockedSettings?.includes('*') ?? false;
  for (const key of SETTING_KEYS) {
    const fromPolicy = policy[key];
    if (fromPolicy !== undefined) {
      managed.add(key);
      if (lockAll || policy.lockedSettings?.includes(key)) locked.add(key);
    }
  }
  for (const key of SETTING_KEYS) {
    const fromUser = user[key];
    const fromPolicy = policy[key];
    const value = locked.has(key) ? fromPolicy : (fromUser ?? fromPolicy);
    if (value !== undefined) (values as Record<SettingKey, unknown>)[key] = value;
  }
  return { values, locked, managed };
}

/** Reads the managed policy; an absent or malformed policy counts as none (never throws). */
export async function readPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await readPolicyValues());
  } catch {
    return {};
  }
}

/** The teacher's saved choices, each valid key kept even when another is bad. */
export async function readUserSettings(): Promise<Partial<Settings>> {
  return parseUserSettings(await userSettingsItem.getValue());
}

export async function getSettings(): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([readUserSettings(), readPolicy()]);
  return mergeSettings(user, policy);
}

/** Saves the teacher's choices; refuses (and names) any key the school has locked. */
export async function saveSettings(changes: Partial<Settings>): Promise<void> {
  const policy = await readPolicy();
  const { locked } = mergeSettings({}, policy);
  const refused = Object.keys(changes).filter((key) => locked.has(key as SettingKey));
  if (refused.length > 0) throw new Error(`Set by your school: ${refused.join(', ')}`);
  const current = await readUserSettings();
  await userSettingsItem.setValue(settingsSchema.partial().parse({ ...current, ...changes }));
}

/** Calls back after every change to the teacher's settings or the policy (not at once); returns the unsubscribe. */
export function watchSettingsChanges(callback: () => void): () => void {
  return watchItems([userSettingsItem, ...policyItems], callback);
}

/** Calls back with both layers now and whenever either changes; returns the unsubscribe. */
export function watchSettingSources(callback: (sources: SettingSources) => void): () => void {
  let active = true;
  const refresh = () =>
    void Promise.all([readUserSettings(), readPolicy()]).then(([user, policy]) => {
      if (active) callback({ user, policy });
    });
  const stop = watchSettingsChanges(refresh);
  refresh();
  return () => {
    active = false;
    stop();
  };
}

/** Calls back whenever user settings or policy change; returns the unsubscribe. */
export function watchSettings(callback: (settings: EffectiveSettings) => void): () => void {
  return watchSettingSources(({ user, policy }) => callback(mergeSettings(user, policy)));
}
