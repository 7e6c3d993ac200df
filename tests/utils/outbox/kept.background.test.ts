import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../utils/platform/db';
import { enqueue, releaseHeld, retryNow } from '../../../utils/outbox/queue';
import { queueKeptRequests } from '../../../utils/outbox/kept.background';
import { deliverDue } from '../../../utils/outbox/delivery.background';
import { saveMyFlag } from '../../../utils/gaps/store';
import { describeOutboxItem } from '../../../utils/outbox/describe';
import { needsAttention } from '../../../utils/outbox/attention';
import { gapFlag, helpRequest } from '../../support/payloads';

const ENDPOINT = { url: 'https://hooks.district.example/coachmark', format: 'json' as const };

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});

describe('requests kept while no endpoint is set', () => {
  it('are held: never claimed for delivery, not retried, and said to need the teacher', async () => {
    await enqueue(helpRequest({ id: 'held-1' }), null, db, 1_000);
    const requested: string[] = [];
    const report = await deliverDue(
      {
        fetch: async (url) => {
          requested.push(String(url));
          return new Response('{}');
        },
        secret: async () => '',
        now: () => 5_000,
        random: () => 0.5,
      },
      db,
    );
    expect(report.attempted).toBe(0);
    expect(requested).toEqual([]);
    await retryNow('held-1', db, 6_000);
    const item = (await db.outbox.get('held-1'))!;
    expect(item).toMatchObject({ status: 'held', endpoint: null });
    expect(needsAttention(item)).toBe(true);
    expect(describeOutboxItem(item, String)).toEqual({ state: 'held', text: expect.stringContaining('Kept on this device') });
  });

  it('are queued, oldest first and unchanged, once an endpoint is set; flags kept too', async () => {
    const first = helpRequest({ id: 'held-a', message: 'first' });
    const second = helpRequest({ id: 'held-b', message: 'second' });
    await enqueue(first, null, db, 1_000);
    await enqueue(second, null, db, 2_000);
    await saveMyFlag(gapFlag({ id: 'flag-1' }), null, db, 3_000);
    // Not a usable endpoint: nothing moves.
    expect(await queueKeptRequests({ endpointUrl: 'ftp://nope', endpointFormat: 'json' }, db)).toBe(0);
    expect(await db.outbox.where('status').equals('held').count()).toBe(2);

    expect(await queueKeptRequests({ endpointUrl: ` ${ENDPOINT.url} `, endpointFormat: 'json' }, db)).toBe(3);
    const items = await db.outbox.orderBy('createdAt').toArray();
    expect(items.map((item) => [item.id, item.status, item.endpoint])).toEqual([
      ['held-a', 'queued', ENDPOINT],
      ['held-b', 'queued', ENDPOINT],
      ['flag-1', 'queued', ENDPOINT],
    ]);
    expect(items[0]!.payload).toEqual(first);
    expect(items[1]!.payload).toEqual(second);
    // A second run finds nothing left to queue.
    expect(await queueKeptRequests({ endpointUrl: ENDPOINT.url, endpointFormat: 'json' }, db)).toBe(0);
    expect(await releaseHeld(ENDPOINT, db)).toBe(0);
  });
});
