// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB, type OutboxItem } from '../../../utils/platform/db';
import { followDataConsent } from '../../../utils/outbox/consent-hold';
import { enqueue, releaseHeld } from '../../../utils/outbox/queue';
import { describeOutboxItem } from '../../../utils/outbox/describe';
import { needsAttention } from '../../../utils/outbox/attention';
import { OUTBOX_ALARM, setupOutbox, type OutboxRunner } from '../../../utils/outbox/runner.background';
import type { DeliveryEnvironment } from '../../../utils/outbox/delivery.background';
import { installChromeManifest, installFirefoxDataConsent, type FirefoxDataConsent } from '../../support/firefox-data-consent';
import { outboxItem } from '../../support/factories';
import { helpRequest } from '../../support/payloads';
import { startHookServer, type HookServer } from '../../support/hook-server';

const ENDPOINT = { url: 'https://hooks.district.example/coachmark', format: 'json' as const };

let database: CoachmarkDB;
beforeEach(async () => {
  fakeBrowser.reset();
  installChromeManifest();
  database = new CoachmarkDB(`consent-hold-${Math.random()}`);
  await database.open();
});

const byId = async () => Object.fromEntries((await database.outbox.toArray()).map((item) => [item.id, item]));

describe('followDataConsent', () => {
  const items: OutboxItem[] = [
    outboxItem({ id: 'waiting', status: 'queued', nextAttemptAt: 5_000 }),
    outboxItem({ id: 'retrying', status: 'queued', attempts: 2, lastError: 'http', lastStatus: 503, nextAttemptAt: 9_000 }),
    outboxItem({ id: 'no-endpoint', status: 'held', endpoint: null }),
    outboxItem({ id: 'in-flight', status: 'sending', attempts: 1, lastAttemptAt: 4_000 }),
    outboxItem({ id: 'delivered', status: 'sent', attempts: 1, sentAt: 4_500 }),
    outboxItem({ id: 'refused', status: 'failed', attempts: 1, lastError: 'http', lastStatus: 404 }),
  ];

  it('withdrawn: holds every waiting item with its endpoint, attempts and due time, and nothing else', async () => {
    await database.outbox.bulkAdd(items);
    expect(await followDataConsent(database, false)).toBe(false);
    const after = await byId();
    expect(after.waiting).toEqual({ ...items[0], status: 'held', heldFor: 'consent' });
    expect(after.retrying).toEqual({ ...items[1], status: 'held', heldFor: 'consent' });
    for (const [index, id] of ['no-endpoint', 'in-flight', 'delivered', 'refused'].entries()) expect(after[id]).toEqual(items[index + 2]);
  });

  it('given again: queues exactly the items it held, as they were, and leaves one waiting for an endpoint', async () => {
    await database.outbox.bulkAdd(items);
    await followDataConsent(database, false);
    expect(await followDataConsent(database, true)).toBe(true);
    expect(await byId()).toEqual(Object.fromEntries(items.map((item) => [item.id, item])));
  });

  it('a held item says why and needs the teacher; setting an endpoint does not move it to another one', async () => {
    await database.outbox.add(outboxItem({ id: 'waiting', status: 'queued' }));
    await followDataConsent(database, false);
    const held = (await database.outbox.get('waiting'))!;
    expect(describeOutboxItem(held, String)).toEqual({
      state: 'held',
      text: 'Not sent: Coachmark’s permission to send data is turned off in Firefox. It stays on this device until you allow it again.',
    });
    expect(needsAttention(held)).toBe(true);

    const other = { url: 'https://hooks.other.example/in', format: 'slack' as const };
    expect(await releaseHeld(other, database)).toBe(0);
    expect(await database.outbox.get('waiting')).toMatchObject({ status: 'held', heldFor: 'consent', endpoint: ENDPOINT });
  });
});

describe('delivery in Firefox follows the teacher’s data consent', () => {
  let hook: HookServer;
  let consent: FirefoxDataConsent;
  let runner: OutboxRunner | undefined;
  const environment = (): DeliveryEnvironment => ({
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => 0.5,
    secret: async () => '',
    timeoutMs: 2_000,
  });
  const ping = (id: string) => helpRequest({ id });

  beforeAll(async () => {
    hook = await startHookServer();
  });
  afterAll(() => hook.close());
  beforeEach(() => {
    hook.reset();
    consent = installFirefoxDataConsent();
  });
  afterEach(() => {
    runner?.dispose();
    runner = undefined;
  });

  it('withdrawn: nothing reaches the endpoint and no alarm is set; given again: the held items go, in order', async () => {
    const endpoint = { url: hook.url, format: 'json' as const };
    await enqueue(ping('first'), endpoint, database, Date.now() - 2_000);
    await enqueue(ping('second'), endpoint, database, Date.now() - 1_000);
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    expect(hook.received).toEqual([]);
    expect((await database.outbox.toArray()).map((item) => [item.id, item.status, item.heldFor])).toEqual([
      ['first', 'held', 'consent'],
      ['second', 'held', 'consent'],
    ]);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();

    // The teacher allows it again (an Allow sending button, the next Send or the add-on's settings).
    consent.allow();
    await vi.waitFor(async () => expect((await database.outbox.toArray()).map((item) => item.status)).toEqual(['sent', 'sent']), {
      timeout: 3_000,
    });
    expect(hook.received.map((request) => request.key)).toEqual(['first', 'second']);
  });

  it('withdrawn while a request waits for its retry: it is held at once and not retried', async () => {
    consent.allow();
    hook.answer = () => ({ status: 503 });
    const endpoint = { url: hook.url, format: 'json' as const };
    await enqueue(ping('retry-later'), endpoint, database);
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    expect(await database.outbox.get('retry-later')).toMatchObject({ status: 'queued', attempts: 1, lastStatus: 503 });

    consent.withdraw(['personalCommunications']);
    await vi.waitFor(async () => expect(await database.outbox.get('retry-later')).toMatchObject({ status: 'held', heldFor: 'consent' }), {
      timeout: 3_000,
    });
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    await runner.kick();
    expect(hook.received).toHaveLength(1);
  });

  it('in Chrome nothing is held and nothing asks the permissions API', async () => {
    installChromeManifest();
    Object.assign(fakeBrowser.permissions, {
      contains: () => Promise.reject(new Error('Chrome has no data_collection')),
    });
    await enqueue(ping('chrome-1'), { url: hook.url, format: 'json' }, database);
    runner = setupOutbox({ database, environment: environment() });
    await runner.kick();
    expect(hook.received.map((request) => request.key)).toEqual(['chrome-1']);
    expect(await database.outbox.get('chrome-1')).toMatchObject({ status: 'sent' });
  });
});
