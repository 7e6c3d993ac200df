import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../utils/platform/db';
import { sendGapFlag } from '../../../utils/gaps/send';
import { gapFlag } from '../../support/payloads';
import { installChromeManifest, installFirefoxDataConsent } from '../../support/firefox-data-consent';
import { DataConsentRefused } from '../../../utils/platform/data-consent';

const ENDPOINT = { url: 'https://hooks.district.example/coachmark', format: 'json' as const };
let wakes: unknown[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  installChromeManifest();
  await db.delete();
  await db.open();
  wakes = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== 'panelKicksOutbox') return undefined;
      wakes.push(message.data);
      sendResponse({ res: undefined });
      return true;
    },
  );
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('sendGapFlag', () => {
  it('keeps the flag under "My flags", queues it and wakes the background', async () => {
    await sendGapFlag(gapFlag({ id: 'flag-1' }), ENDPOINT);
    expect(await db.gaps.get('flag-1')).toMatchObject({ id: 'flag-1', origin: 'mine' });
    expect(await db.outbox.get('flag-1')).toMatchObject({ kind: 'gap-flag', endpoint: ENDPOINT, status: 'queued' });
    await expect.poll(() => wakes).toEqual([{ reason: 'gap' }]);
  });

  it('without an endpoint, keeps the flag on the device and wakes nothing', async () => {
    await sendGapFlag(gapFlag({ id: 'flag-2' }), null);
    expect(await db.gaps.get('flag-2')).toMatchObject({ id: 'flag-2', origin: 'mine' });
    expect(await db.outbox.get('flag-2')).toBeUndefined();
    await settle();
    expect(wakes).toEqual([]);
  });

  it('in Firefox without the teacher’s data consent, keeps nothing, queues nothing and wakes nothing', async () => {
    installFirefoxDataConsent();
    await expect(sendGapFlag(gapFlag({ id: 'flag-3' }), ENDPOINT)).rejects.toBeInstanceOf(DataConsentRefused);
    await expect(sendGapFlag(gapFlag({ id: 'flag-4' }), null)).rejects.toBeInstanceOf(DataConsentRefused);
    expect(await db.gaps.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await settle();
    expect(wakes).toEqual([]);
  });
});
