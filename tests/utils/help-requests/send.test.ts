import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../utils/platform/db';
import { sendHelpRequest } from '../../../utils/help-requests/send';
import { answerMessages } from '../../support/messages';
import { helpRequest } from '../../support/payloads';
import { installChromeManifest, installFirefoxDataConsent } from '../../support/firefox-data-consent';
import { DataConsentRefused } from '../../../utils/platform/data-consent';

const ENDPOINT = { url: 'https://hooks.district.example/coachmark', format: 'json' as const };
let wakes: unknown[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  installChromeManifest();
  await db.delete();
  await db.open();
  wakes = answerMessages('panelKicksOutbox');
});

describe('sendHelpRequest', () => {
  it('stores exactly the payload in the outbox for the endpoint, then wakes the background', async () => {
    const payload = helpRequest({ id: 'req-1' });
    await sendHelpRequest(payload, ENDPOINT);
    expect(await db.outbox.get('req-1')).toMatchObject({
      id: 'req-1',
      kind: 'help-request',
      payload,
      endpoint: ENDPOINT,
      status: 'queued',
    });
    await expect.poll(() => wakes).toEqual([{ reason: 'ping' }]);
  });

  it('rejects, and wakes nothing, when the request cannot be stored', async () => {
    const payload = helpRequest({ id: 'req-2' });
    await sendHelpRequest(payload, ENDPOINT);
    wakes = [];
    // The same id twice: the outbox refuses a second item with one Idempotency-Key.
    await expect(sendHelpRequest(payload, ENDPOINT)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wakes).toEqual([]);
  });

  it('with no endpoint, holds the request on this device and wakes nothing', async () => {
    const payload = helpRequest({ id: 'req-3' });
    await sendHelpRequest(payload, null);
    expect(await db.outbox.get('req-3')).toMatchObject({ id: 'req-3', payload, endpoint: null, status: 'held', attempts: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wakes).toEqual([]);
  });

  it('in Firefox without the teacher’s data consent, stores nothing and wakes nothing; with it, queues as before', async () => {
    const consent = installFirefoxDataConsent();
    await expect(sendHelpRequest(helpRequest({ id: 'req-4' }), ENDPOINT)).rejects.toBeInstanceOf(DataConsentRefused);
    await expect(sendHelpRequest(helpRequest({ id: 'req-5' }), null)).rejects.toBeInstanceOf(DataConsentRefused);
    expect(await db.outbox.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wakes).toEqual([]);

    consent.allow();
    await sendHelpRequest(helpRequest({ id: 'req-4' }), ENDPOINT);
    expect(await db.outbox.get('req-4')).toMatchObject({ status: 'queued', endpoint: ENDPOINT });
    await expect.poll(() => wakes).toEqual([{ reason: 'ping' }]);
  });
});
