import { storage, type StorageItemKey, type Unwatch, type WxtStorageItem } from 'wxt/utils/storage';
import type { MessageKey } from './i18n';
import { POLICY_KEYS } from '../settings/defaults';

/**
 * Every value Coachmark keeps in extension storage, declared once, each with a version. Modules
 * read and write through the items below and never touch browser.storage themselves, so this
 * list is the whole truth the privacy page and docs/privacy.md are checked against.
 *
 * Version 1 is the shape the first release wrote, with no version mark beside it: WXT reads a
 * missing mark as version 1, so those values are read as they are. A change of shape raises
 * `version` and adds `migrations[version]`, which WXT runs on old values when a page or the
 * background starts; the key itself never changes.
 */

export type StoredArea = 'local' | 'session' | 'managed';

/** Turns the value stored at version n - 1 into its shape at version n. */
export type Migrations = Record<number, (previous: unknown) => unknown>;

export interface StoredValue<T> {
  area: StoredArea;
  /** The key in its area as shipped; `<tabId>` stands for a tab's number. */
  key: string;
  /** What it holds, for whoever reads the code or checks the privacy page. */
  holds: string;
  /** The Privacy tab's sentence that tells teachers about it. */
  privacyMessage: MessageKey;
  version: number;
  migrations: Migrations;
  /** Read when nothing is stored. */
  fallback: T;
}

/** The teacher's own choices: a partial Settings, read key by key (utils/settings/schema.ts). */
export const USER_SETTINGS: StoredValue<Record<string, unknown>> = {
  area: 'local',
  key: 'settings',
  holds: 'The teacher’s own settings: endpoint URL, format and secret, name, school, pack URLs, school domains, coach mode.',
  privacyMessage: 'privacyStoreLocalBody',
  version: 1,
  migrations: {},
  fallback: {},
};

/** `{ [toolId]: Comfort }` (utils/cards/comfort.ts). */
export const COMFORT: StoredValue<Record<string, unknown>> = {
  area: 'local',
  key: 'comfort',
  holds: 'The teacher’s comfort level with each tool.',
  privacyMessage: 'privacyStoreLocalBody',
  version: 1,
  migrations: {},
  fallback: {},
};

/** The last mentor directory sync (utils/mentors/store.ts); absent before the first one. */
export const DIRECTORY_STATUS: StoredValue<unknown> = {
  area: 'local',
  key: 'mentorDirectoryStatus',
  holds:
    'The school’s mentor directory address, its ETag, when it last synced, how many mentors it brought, its warnings and why the last sync failed.',
  privacyMessage: 'privacyStoreLocalMentorDirectory',
  version: 1,
  migrations: {},
  fallback: null,
};

/** One per open tab (utils/tabs/tab-state.ts); the browser empties the area when it quits. */
export const TAB_STATE: StoredValue<unknown> = {
  area: 'session',
  key: 'tab:<tabId>',
  holds: 'For each open tab: its URL and the detected tool and page type, so that the panel can follow the tab.',
  privacyMessage: 'privacyStoreSessionBody',
  version: 1,
  migrations: {},
  fallback: null,
};

/** One per policy key, set by the school's IT (public/managed-schema.json); read only. */
const POLICY: ReadonlyArray<StoredValue<unknown>> = POLICY_KEYS.map((key) => ({
  area: 'managed',
  key,
  holds: `The school’s policy for ${key}, set by IT. Read only.`,
  privacyMessage: 'privacyStoreManagedBody',
  version: 1,
  migrations: {},
  fallback: null,
}));

/** One per open tab on a tool's page (utils/tabs/first-screen.ts), written by the background. */
export const FIRST_SCREEN: StoredValue<unknown> = {
  area: 'session',
  key: 'firstScreen:<tabId>',
  holds:
    'For each open tab on a tool’s page: the cards “On this page” lists and the teacher’s marks on them, so that the panel shows them as it opens.',
  privacyMessage: 'privacyStoreSessionBody',
  version: 1,
  migrations: {},
  fallback: null,
};

/** One per tab with a walkthrough (utils/show-me/show-me.background.ts), written by the background. */
export const WALKTHROUGH: StoredValue<unknown> = {
  area: 'session',
  key: 'walkthrough:<tabId>',
  holds:
    'For each tab where the teacher asked to be walked through a card: the card, the step they are on, and which steps’ controls were not found.',
  privacyMessage: 'privacyStoreSessionBody',
  version: 1,
  migrations: {},
  fallback: null,
};

/** Everything stored, for the privacy checks. */
export const STORED_VALUES: ReadonlyArray<StoredValue<unknown>> = [
  USER_SETTINGS,
  COMFORT,
  DIRECTORY_STATUS,
  TAB_STATE,
  FIRST_SCREEN,
  WALKTHROUGH,
  ...POLICY,
];

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- WXT's own default: no metadata beyond the version.
export type StoredItem<T> = WxtStorageItem<T, {}>;

/** The WXT item for a declared value; `key` fills in a per-tab key. */
export function defineStoredItem<T>(value: StoredValue<T>, key = value.key): StoredItem<T> {
  const storageKey = `${value.area}:${key}` as StorageItemKey;
  // Policy is written by IT, never by Coachmark: no version mark is ever written there.
  if (value.area === 'managed') return storage.defineItem<T>(storageKey, { fallback: value.fallback });
  // Still in its first shape, a value needs no migration run and no version mark: WXT reads a
  // missing mark as version 1. Passing migrations would make WXT read the value and its mark
  // each time an item is defined, and write a mark beside every first write.
  if (value.version === 1) return storage.defineItem<T>(storageKey, { fallback: value.fallback });
  return storage.defineItem<T>(storageKey, { fallback: value.fallback, version: value.version, migrations: value.migrations });
}

export const userSettingsItem = defineStoredItem(USER_SETTINGS);
export const comfortItem = defineStoredItem(COMFORT);
export const directoryStatusItem = defineStoredItem(DIRECTORY_STATUS);

/** One item per tab, defined once: defining one reads storage, and tab updates are frequent. */
const tabStateItems = new Map<number, StoredItem<unknown>>();

export function tabStateItem(tabId: number): StoredItem<unknown> {
  let item = tabStateItems.get(tabId);
  if (!item) {
    item = defineStoredItem(TAB_STATE, TAB_STATE.key.replace('<tabId>', String(tabId)));
    tabStateItems.set(tabId, item);
  }
  return item;
}

/** Drops a closed tab's item (its value is removed with it). */
export function forgetTabStateItem(tabId: number): void {
  tabStateItems.delete(tabId);
}

/** The first screen kept for a tab (see FIRST_SCREEN); not cached, as it is read once per panel. */
export function firstScreenItem(tabId: number): StoredItem<unknown> {
  return defineStoredItem(FIRST_SCREEN, FIRST_SCREEN.key.replace('<tabId>', String(tabId)));
}

/** The tab's walkthrough (see WALKTHROUGH); not cached, as tabs with one are few. */
export function walkthroughItem(tabId: number): StoredItem<unknown> {
  return defineStoredItem(WALKTHROUGH, WALKTHROUGH.key.replace('<tabId>', String(tabId)));
}

/** Read-only by type: nothing here may write the school's policy. */
export type ReadonlyStoredItem<T> = Pick<StoredItem<T>, 'key' | 'getValue' | 'watch'>;

const policyStorageItems = POLICY.map((value) => defineStoredItem(value));
export const policyItems: ReadonlyArray<ReadonlyStoredItem<unknown>> = policyStorageItems;

/** The policy as IT set it, unchecked: every policy key that holds a value, in one read. */
export async function readPolicyValues(): Promise<Record<string, unknown>> {
  const values = await storage.getItems(policyStorageItems);
  const policy: Record<string, unknown> = {};
  values.forEach(({ value }, index) => {
    if (value !== null && value !== undefined) policy[POLICY[index]!.key] = value;
  });
  return policy;
}

/**
 * Calls back once after any of `items` changes. Changes that land together (a policy update
 * touches several keys at once) are reported once.
 */
export function watchItems(items: ReadonlyArray<Pick<StoredItem<unknown>, 'watch'>>, onChange: () => void): Unwatch {
  let pending = false;
  let active = true;
  const report = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (active) onChange();
    });
  };
  const stops = items.map((item) => item.watch(report));
  return () => {
    active = false;
    for (const stop of stops) stop();
  };
}

/**
 * Calls back with the item's value, read through `read`, now and after every change; returns
 * the unsubscribe. A change that arrives before the first read finishes wins over that read.
 */
export function watchValue<T, R>(
  item: Pick<StoredItem<T>, 'getValue' | 'watch'>,
  read: (value: T) => R,
  callback: (value: R) => void,
): Unwatch {
  let active = true;
  let changed = false;
  const stop = item.watch((value) => {
    changed = true;
    callback(read(value));
  });
  void item.getValue().then((value) => {
    if (active && !changed) callback(read(value));
  });
  return () => {
    active = false;
    stop();
  };
}
