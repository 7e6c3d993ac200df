// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  asksDataConsent,
  assertDataConsent,
  DATA_COLLECTION_PERMISSIONS,
  DataConsentRefused,
  hasDataConsent,
  OPTIONAL_DATA_COLLECTION,
  requestDataConsent,
  watchDataConsent,
} from '../../../utils/platform/data-consent';
import { installChromeManifest, installFirefoxDataConsent, type FirefoxDataConsent } from '../../support/firefox-data-consent';

const EVERY_CATEGORY = ['personallyIdentifyingInfo', 'personalCommunications', 'browsingActivity'];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the declaration', () => {
  it('requires nothing and makes optional exactly what Send transmits', () => {
    expect(OPTIONAL_DATA_COLLECTION).toEqual(EVERY_CATEGORY);
    expect(DATA_COLLECTION_PERMISSIONS).toEqual({ required: ['none'], optional: EVERY_CATEGORY });
  });
});

describe('in Chrome (no data collection in the manifest)', () => {
  let touched: string[];
  beforeEach(() => {
    installChromeManifest();
    touched = [];
    // Any use of the permissions API here would be a request Chrome does not understand.
    Object.assign(fakeBrowser.permissions, {
      contains: async () => void touched.push('contains'),
      request: async () => void touched.push('request'),
    });
  });

  it('asks nothing, and sending is allowed', async () => {
    expect(asksDataConsent()).toBe(false);
    expect(await requestDataConsent()).toBe(true);
    expect(await hasDataConsent()).toBe(true);
    await expect(assertDataConsent()).resolves.toBeUndefined();
    expect(touched).toEqual([]);
  });

  it('has nothing to watch', () => {
    let calls = 0;
    const stop = watchDataConsent(() => calls++);
    stop();
    expect(calls).toBe(0);
  });

  it('treats a manifest that cannot be read as no question', () => {
    Object.assign(fakeBrowser.runtime, {
      getManifest: () => {
        throw new Error('no manifest');
      },
    });
    expect(asksDataConsent()).toBe(false);
  });
});

describe('in Firefox (optional data collection in the manifest)', () => {
  let consent: FirefoxDataConsent;
  beforeEach(() => {
    consent = installFirefoxDataConsent();
  });

  it('asks for every category, synchronously in the caller’s click, and is then allowed', async () => {
    expect(asksDataConsent()).toBe(true);
    expect(await hasDataConsent()).toBe(false);
    const answer = requestDataConsent();
    // The request reached the browser before the caller awaited anything.
    expect(consent.requests).toEqual([EVERY_CATEGORY]);
    expect(await answer).toBe(true);
    expect(await hasDataConsent()).toBe(true);
    await expect(assertDataConsent()).resolves.toBeUndefined();
  });

  it('a teacher who declines is not allowed, and nothing may be queued', async () => {
    consent.answer = false;
    expect(await requestDataConsent()).toBe(false);
    expect(await hasDataConsent()).toBe(false);
    await expect(assertDataConsent()).rejects.toBeInstanceOf(DataConsentRefused);
  });

  it('needs every category: one turned off in the add-on’s settings is enough to stop sending', async () => {
    consent.allow();
    consent.withdraw(['browsingActivity']);
    expect(await hasDataConsent()).toBe(false);
  });

  it('counts a failing request or check as not allowed', async () => {
    Object.assign(fakeBrowser.permissions, {
      request: () => Promise.reject(new Error('permissions.request may only be called from a user input handler')),
      contains: () => Promise.reject(new Error('unavailable')),
    });
    expect(await requestDataConsent()).toBe(false);
    expect(await hasDataConsent()).toBe(false);
    Object.assign(fakeBrowser.permissions, {
      request: () => {
        throw new Error('thrown at once');
      },
    });
    expect(await requestDataConsent()).toBe(false);
  });

  it('tells the watcher when data collection is allowed or withdrawn, and nothing after the unsubscribe', () => {
    let calls = 0;
    const stop = watchDataConsent(() => calls++);
    consent.allow();
    expect(calls).toBe(1);
    consent.withdraw(['personalCommunications']);
    expect(calls).toBe(2);
    stop();
    consent.allow();
    expect(calls).toBe(2);
  });
});
