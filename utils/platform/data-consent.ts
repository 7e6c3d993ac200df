import { browser } from 'wxt/browser';

/**
 * Firefox's own data consent. By Mozilla's definition, data "handled outside of the add-on or
 * the local browser" is transmitted, whoever receives it, so a ping, a flag or a growth plan
 * sent to the school's endpoint carries, in Firefox's categories: the teacher's name and school
 * and the mentors' names and handles (personallyIdentifyingInfo), the teacher's words
 * (personalCommunications), and the redacted page address, tool and page type
 * (browsingActivity). None of it is needed to use Coachmark, so the manifest declares all of it
 * optional and Firefox asks at the teacher's first Send. Chrome has no such question: there the
 * manifest declares nothing and every function here answers "allowed" without asking.
 */

/** What Send transmits, in Firefox's data-collection categories. The manifest and the runtime both read this list. */
export const OPTIONAL_DATA_COLLECTION = ['personallyIdentifyingInfo', 'personalCommunications', 'browsingActivity'] as const;

/** The Firefox manifest's `browser_specific_settings.gecko.data_collection_permissions`. */
export const DATA_COLLECTION_PERMISSIONS = { required: ['none'], optional: [...OPTIONAL_DATA_COLLECTION] };

interface DataCollection {
  data_collection: string[];
}

/** Firefox's permissions API with its data-collection field, which the shared browser types do not describe. */
interface DataCollectionPermissionsApi {
  contains(permissions: DataCollection): Promise<boolean>;
  request(permissions: DataCollection): Promise<boolean>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}
interface PermissionEvent {
  addListener(listener: (change: Partial<DataCollection>) => void): void;
  removeListener(listener: (change: Partial<DataCollection>) => void): void;
}

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

const permissionsApi = () => browser.permissions as unknown as DataCollectionPermissionsApi;
const wanted = (): DataCollection => ({ data_collection: [...OPTIONAL_DATA_COLLECTION] });

/**
 * Whether this browser asks the data-consent question: the running manifest declares the optional
 * data, as only the Firefox build's does. A manifest that cannot be read means no question.
 */
export function asksDataConsent(): boolean {
  try {
    const manifest = browser.runtime.getManifest() as GeckoManifest;
    return (manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? []).length > 0;
  } catch {
    return false;
  }
}

/**
 * Whether Coachmark may send: always where the browser does not ask; in Firefox, once the teacher
 * allowed every category (each can be turned off on its own in the add-on's settings). A failing
 * permissions API counts as not allowed.
 */
export async function hasDataConsent(): Promise<boolean> {
  if (!asksDataConsent()) return true;
  try {
    return await permissionsApi().contains(wanted());
  } catch {
    return false;
  }
}

/**
 * Asks Firefox's question. Call it inside the click, before anything is awaited: Firefox refuses a
 * request once it has finished handling the click ("may only be called from a user input
 * handler"). Once allowed it answers true at once, with no prompt; a refusal or a failure answers
 * false; where the browser does not ask, true.
 */
export function requestDataConsent(): Promise<boolean> {
  if (!asksDataConsent()) return Promise.resolve(true);
  try {
    return permissionsApi()
      .request(wanted())
      .catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Calls `listener` when the teacher allows or withdraws data collection (in the add-on's settings or
 * at a Send); returns the unsubscribe. Nothing to watch where the browser does not ask.
 */
export function watchDataConsent(listener: () => void): () => void {
  if (!asksDataConsent()) return () => {};
  const { onAdded, onRemoved } = permissionsApi();
  const onChange = (change: Partial<DataCollection>) => {
    if ((change.data_collection ?? []).length > 0) listener();
  };
  onAdded.addListener(onChange);
  onRemoved.addListener(onChange);
  return () => {
    onAdded.removeListener(onChange);
    onRemoved.removeListener(onChange);
  };
}

/** Thrown where a payload would be queued while Firefox's data consent is not given: nothing was stored. */
export class DataConsentRefused extends Error {
  constructor() {
    super('Firefox’s data consent is not given');
    this.name = 'DataConsentRefused';
  }
}

/** Rejects with DataConsentRefused unless Coachmark may send (see hasDataConsent). */
export async function assertDataConsent(): Promise<void> {
  if (!(await hasDataConsent())) throw new DataConsentRefused();
}
