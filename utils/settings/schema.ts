import { z } from 'zod';
import { ENDPOINT_FORMATS } from '../endpoints/types';
import { DEFAULT_SETTINGS, POLICY_KEYS, SETTING_KEYS } from './defaults';

/**
 * What a setting may hold, and how stored settings and the managed policy are read: key by
 * key, so that one bad value costs only itself, never the teacher's other choices.
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
  /** The tech coach's e-mail: the panel offers to e-mail a question to it (mailto:, nothing sent by Coachmark). */
  coachEmail: z.string(),
  /** Tool ids the school does not use: kept out of search results and the panel's lists of other tools. */
  hiddenTools: z.array(z.string()),
  /** How many days delivered pings and flags stay in the outbox (the teacher's "Your requests") before they are pruned. */
  sentHistoryDays: z.number().int().min(1).max(365),
  /** The district's Coachmark Hub (utils/hub/): the studio reads flags and volunteers there and publishes packs. */
  hubUrl: z.string(),
  /** The coach's token for the Hub: a secret like endpointSecret, sent only to hubUrl. */
  hubToken: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export { DEFAULT_SETTINGS, SETTING_KEYS };

/** The policy as read from storage.managed: same keys as Settings plus `lockedSettings`. */
const policySchema = settingsSchema.partial().extend({
  lockedSettings: z.array(z.string()).optional(),
});
export type Policy = z.infer<typeof policySchema>;

export { POLICY_KEYS };

/** Keeps each key of `raw` that `shape` knows and whose value it accepts; drops the rest. */
function keepValidKeys(raw: unknown, shape: Record<string, z.ZodType>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return kept;
  for (const [key, value] of Object.entries(raw)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) kept[key] = parsed.data;
  }
  return kept;
}

/** Keeps each valid policy key and drops invalid ones, so one typo does not void the policy. */
export function parsePolicy(raw: unknown): Policy {
  return keepValidKeys(raw, policySchema.shape) as Policy;
}

/** The teacher's stored choices, each valid one kept: a bad value falls back to its default alone. */
export function parseUserSettings(raw: unknown): Partial<Settings> {
  return keepValidKeys(raw, settingsSchema.shape) as Partial<Settings>;
}
