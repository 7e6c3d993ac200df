import type { Policy, SettingKey, Settings } from './schema';

/*
 * What every setting starts as, and the keys a policy may set: plain data, so the storage
 * layer and the panel's first screen can name them without loading the schema library.
 * tests/utils/settings pins these to the schema's own shape.
 */

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
  coachEmail: '',
  hiddenTools: [],
  sentHistoryDays: 30,
  hubUrl: '',
  hubToken: '',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** Every key a policy may set (public/managed-schema.json lists the same). */
export const POLICY_KEYS: Array<keyof Policy> = [...SETTING_KEYS, 'lockedSettings'];
