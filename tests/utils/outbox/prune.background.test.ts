// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB, type GapRecord } from '../../../utils/platform/db';
import { enqueue } from '../../../utils/outbox/queue';
import { pruneSent, SENT_HISTORY_MAX } from '../../../utils/outbox/prune.background';
import { gapFlag, helpRequest } from '../../support/payloads';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 1);
const endpoint = { url: 'https://hooks.example.org/hook', format: 'json' } as const;

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`prune-${Math.random()}`);
  await database.open();
});

async function sentPing(id: string, sentAt: number) {
  await enqueue(helpRequest({ id }), endpoint, database, sentAt - 1_000);
  await database.outbox.update(id, { status: 'sent', sentAt });
}

describe('pruneSent', () => {
  it('removes delivered items older than the kept days, never one still waiting or failed', async () => {
    await sentPing('sent-40-days', NOW - 40 * DAY);
    await sentPing('sent-29-days', NOW - 29 * DAY);
    await enqueue(helpRequest({ id: 'queued-old' }), endpoint, database, NOW - 60 * DAY);
    await enqueue(helpRequest({ id: 'failed-old' }), endpoint, database, NOW - 60 * DAY);
    await database.outbox.update('failed-old', { status: 'failed' });
    await enqueue(helpRequest({ id: 'held-old' }), null, database, NOW - 60 * DAY);

    expect(await pruneSent(database, NOW, 30)).toBe(1);
    expect((await database.outbox.toCollection().primaryKeys()).sort()).toEqual(['failed-old', 'held-old', 'queued-old', 'sent-29-days']);
  });

  it(`keeps at most the newest ${SENT_HISTORY_MAX} delivered items`, async () => {
    const ids = Array.from({ length: SENT_HISTORY_MAX + 20 }, (_, index) => `sent-${String(index).padStart(4, '0')}`);
    // sent-0000 is the newest.
    await database.outbox.bulkAdd(
      ids.map((id, index) => ({
        id,
        kind: 'help-request' as const,
        payload: helpRequest({ id }),
        endpoint,
        status: 'sent' as const,
        attempts: 1,
        createdAt: NOW - index * 60_000,
        nextAttemptAt: NOW - index * 60_000,
        sentAt: NOW - index * 60_000,
      })),
    );
    expect(await pruneSent(database, NOW, 30)).toBe(20);
    const kept = (await database.outbox.toCollection().primaryKeys()).sort();
    expect(kept).toEqual(ids.slice(0, SENT_HISTORY_MAX));
  });

  it('marks a delivered flag sent under "My flags" before its outbox item goes', async () => {
    const flag = gapFlag({ id: 'flag-1' });
    const gap: GapRecord = {
      id: 'flag-1',
      kind: flag.kind,
      tool: flag.tool.id,
      context: flag.page.context,
      note: flag.note,
      searches: [],
      status: 'open',
      createdAt: NOW - 50 * DAY,
      origin: 'mine',
      payload: flag,
      queuedAt: NOW - 50 * DAY,
    };
    await database.gaps.add(gap);
    await enqueue(flag, endpoint, database, NOW - 50 * DAY);
    await database.outbox.update('flag-1', { status: 'sent', sentAt: NOW - 50 * DAY });

    expect(await pruneSent(database, NOW, 30)).toBe(1);
    expect(await database.outbox.get('flag-1')).toBeUndefined();
    expect(await database.gaps.get('flag-1')).toMatchObject({ status: 'sent', note: flag.note });
  });
});
