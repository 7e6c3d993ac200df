import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATA_COLLECTION_PERMISSIONS } from '../../utils/platform/data-consent';

/**
 * Firefox's data consent as the fake browser lacks it: the Firefox build's manifest (with its
 * optional data collection), the categories the teacher allowed, the answer the prompt gives,
 * and onAdded/onRemoved firing as Firefox fires them (with the changed `data_collection`).
 */

type Change = { permissions: string[]; origins: string[]; data_collection: string[] };
type Listener = (change: Change) => void;

export interface FirefoxDataConsent {
  /** The categories allowed now. */
  granted: Set<string>;
  /** What the prompt answers to the next request (the teacher's choice). */
  answer: boolean;
  /** Each request's categories, recorded when request is called (not when it resolves). */
  requests: string[][];
  /** The teacher turns categories off in the add-on's settings (all of them by default). */
  withdraw(categories?: readonly string[]): void;
  /** The teacher turns categories back on in the add-on's settings (all of them by default). */
  allow(categories?: readonly string[]): void;
}

const ALL = DATA_COLLECTION_PERMISSIONS.optional;

/** Installs the Firefox manifest and permission store on the fake browser (after fakeBrowser.reset()). */
export function installFirefoxDataConsent(): FirefoxDataConsent {
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const event = (set: Set<Listener>) => ({
    addListener: (listener: Listener) => void set.add(listener),
    removeListener: (listener: Listener) => void set.delete(listener),
    hasListener: (listener: Listener) => set.has(listener),
  });
  const fire = (set: Set<Listener>, data_collection: string[]) => {
    for (const listener of set) listener({ permissions: [], origins: [], data_collection });
  };

  const consent: FirefoxDataConsent = {
    granted: new Set(),
    answer: true,
    requests: [],
    withdraw: (categories = ALL) => {
      const changed = categories.filter((category) => consent.granted.delete(category));
      if (changed.length > 0) fire(removed, changed);
    },
    allow: (categories = ALL) => {
      const changed = categories.filter((category) => !consent.granted.has(category));
      for (const category of changed) consent.granted.add(category);
      if (changed.length > 0) fire(added, changed);
    },
  };

  Object.assign(fakeBrowser.permissions, {
    contains: async ({ data_collection = [] }: { data_collection?: string[] }) =>
      data_collection.every((category) => consent.granted.has(category)),
    request: ({ data_collection = [] }: { data_collection?: string[] }) => {
      consent.requests.push(data_collection);
      const answer = consent.answer;
      return Promise.resolve().then(() => {
        if (answer) consent.allow(data_collection);
        return answer;
      });
    },
    onAdded: event(added),
    onRemoved: event(removed),
  });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({
      manifest_version: 2,
      name: 'Coachmark',
      version: '0',
      browser_specific_settings: { gecko: { id: 'coachmark@coachmark.app', data_collection_permissions: DATA_COLLECTION_PERMISSIONS } },
    }),
  });
  return consent;
}

/** The Chrome build's manifest: no data collection declared, so nothing may ask. */
export function installChromeManifest(): void {
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'Coachmark', version: '0' }),
  });
}
