import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ENDPOINT_FORMATS } from '../endpoints/types';

/**
 * Settings: managed policy (set by district IT) over the user's choice over defaults.
 * User choices live in storage.local under one key; policy comes from storage.managed, whose
 * shape is public/managed-schema.json.
 */

export const settingsSchema = z.object({
  endpointUrl: z.string(),
  endpointFormat: z.enum(ENDPOINT_FORMATS),
  endpointSecret: z.string(),
  teacherName: z.string(),
  schoolName: z.string(),
  packUrls: z.array(z.string()),
  selfHostedDomains: z.array(z.string()),
  mentorDirectoryUrl: z.string(),
  /** Shows coach tools in the panel ("New card for this page"). */
  coachMode: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  endpointUrl: '',
  endpointFormat: 'json',
  endpointSecret: '',
  teacherName: '',
  schoolName: '',
  packUrls: [],
  selfHostedDomains: [],
  mentorDirectoryUrl: '',
  coachMode: false,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
const USER_KEY = 'settings';

export interface EffectiveSettings {
  values: Settings;
  /** Keys whose value comes from policy and cannot be changed here ("Set by your school"). */
  locked: ReadonlySet<SettingKey>;
  /** Keys that policy sets at all (locked or only a default). */
  managed: ReadonlySet<SettingKey>;
}

/** The policy as read from storage.managed: same keys as Settings plus `lockedSettings`. */
const policySchema = settingsSchema.partial().extend({
  lockedSettings: z.array(z.string()).optional(),
});
export type Policy = z.infer<typeof policySchema>;

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
    const raw = await browser.storage.managed.get(null);
    return parsePolicy(raw);
  } catch {
    return {};
  }
}

/** Keeps each valid policy key and drops invalid ones, so one typo does not void the policy. */
export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null) return {};
  const policy: Record<string, unknown> = {};
  const shape = policySchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key as keyof typeof shape];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) policy[key] = parsed.data;
  }
  return policy as Policy;
}

export async function readUserSettings(): Promise<Partial<Settings>> {
  const stored = await browser.storage.local.get(USER_KEY);
  const parsed = settingsSchema.partial().safeParse(stored[USER_KEY] ?? {});
  return parsed.success ? parsed.data : {};
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
  await browser.storage.local.set({ [USER_KEY]: settingsSchema.partial().parse({ ...current, ...changes }) });
}

/** Calls back whenever user settings or policy change; returns the unsubscribe. */
export function watchSettings(callback: (settings: EffectiveSettings) => void): () => void {
  let active = true;
  const refresh = () =>
    void getSettings().then((settings) => {
      if (active) callback(settings);
    });
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && USER_KEY in changes)) refresh();
  };
  browser.storage.onChanged.addListener(listener);
  refresh();
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
