import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_BODY_LIMIT } from '../../hub/app';
import { buildRequest } from '../../utils/endpoints/index';
import { toJsonPayload } from '../../utils/endpoints/json';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import { startTestHub, type TestHub } from './support/hub';
import { newGapFlag, newGrowthPlan, newHelpRequest, newVolunteer } from './support/payloads';

/** POST /v1/events without a shared secret: one Hub for the file, every test with ids of its own. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

async function flagFromInbox(id: string) {
  const { flags } = (await (await hub.coach('/v1/flags')).json()) as { flags: Array<Record<string, unknown>> };
  return flags.find((flag) => flag.id === id);
}

describe('POST /v1/events', () => {
  it.each<[string, () => OutgoingPayload]>([
    ['help-request', () => newHelpRequest()],
    ['gap-flag', () => newGapFlag()],
    ['mentor-volunteer', () => newVolunteer()],
    ['growth-plan', () => newGrowthPlan()],
  ])('accepts a %s as the extension sends it (202), once', async (_type, make) => {
    const payload = make();
    const response = await hub.send(payload);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ id: payload.id, status: 'accepted' });
    expect(await hub.stored(payload.id)).toBe(1);
    const [row] = await hub.hub.database.query<{ payload: unknown }>('SELECT payload FROM events WHERE id = $1', [payload.id]);
    expect(row!.payload).toEqual(toJsonPayload(payload));
  });

  it('acknowledges a retry of the same event as a duplicate (200) without storing it again', async () => {
    const flag = newGapFlag();
    expect((await hub.send(flag)).status).toBe(202);
    for (let attempt = 0; attempt < 3; attempt++) {
      const retry = await hub.send(flag);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ id: flag.id, status: 'duplicate' });
    }
    expect(await hub.stored(flag.id)).toBe(1);
    const [row] = await hub.hub.database.query<{ n: number }>('SELECT count(*)::int AS n FROM flags WHERE id = $1', [flag.id]);
    expect(row!.n).toBe(1);
  });

  it('refuses the same key with another body (409) and keeps the first', async () => {
    const flag = newGapFlag({ note: 'The first words.' });
    expect((await hub.send(flag)).status).toBe(202);
    const other = await hub.send({ ...flag, note: 'Other words under the same key.' });
    expect(other.status).toBe(409);
    expect(await other.json()).toEqual({ errors: [`Idempotency-Key: "${flag.id}" was already used for a different event`] });
    expect(await flagFromInbox(flag.id)).toMatchObject({ note: 'The first words.' });
  });

  it('answers an invalid payload with path-named errors (400) and stores nothing', async () => {
    const flag = newGapFlag();
    const response = await hub.send({ ...flag, tool: { id: '', name: 'Canvas' }, kind: 'bored' } as unknown as OutgoingPayload);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: string[] };
    expect(errors).toEqual(expect.arrayContaining(['tool.id: must not be empty', expect.stringMatching(/^kind: must be one of missing/)]));
    expect(await hub.stored(flag.id)).toBe(0);
    expect(await flagFromInbox(flag.id)).toBeUndefined();
    // The same id, valid this time, is new to the Hub.
    expect((await hub.send(flag)).status).toBe(202);
  });

  it('refuses a body that is not JSON, and a missing or mismatched Idempotency-Key (400)', async () => {
    const notJson = await hub.post('{"type": "gap-flag",', { 'Content-Type': 'application/json', 'Idempotency-Key': 'x' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [expect.stringMatching(/^body: is not valid JSON/)] });

    const flag = newGapFlag();
    const { body } = await buildRequest('json', flag);
    const missing = await hub.post(body, { 'Content-Type': 'application/json' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ errors: [expect.stringMatching(/^Idempotency-Key: is missing/)] });
    const mismatched = await hub.post(body, { 'Content-Type': 'application/json', 'Idempotency-Key': 'another-id' });
    expect(mismatched.status).toBe(400);
    expect(await mismatched.json()).toEqual({ errors: [`Idempotency-Key: must equal the payload’s id ("${flag.id}")`] });
    expect(await hub.stored(flag.id)).toBe(0);
  });

  it('refuses a body over 64 KB (413), whether or not it says its length, and stores nothing', async () => {
    const flag = newGapFlag({ note: 'x'.repeat(EVENT_BODY_LIMIT) });
    const body = JSON.stringify(flag);
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': flag.id };
    const declared = await hub.post(body, headers);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ errors: ['body: is over the 64 KB an event may be'] });

    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 8192) controller.enqueue(bytes.slice(at, at + 8192));
        controller.close();
      },
    });
    const chunked = await fetch(`${hub.url}/v1/events`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await hub.stored(flag.id)).toBe(0);
  });

  it('takes a body just under the limit', async () => {
    // The schema caps every field far below 64 KB; a growth plan is the largest the extension sends.
    const plan = toJsonPayload(newGrowthPlan());
    const { body } = await buildRequest('json', plan);
    const padded = body.replace(/}$/, `,${JSON.stringify('padding')}:${JSON.stringify('x'.repeat(EVENT_BODY_LIMIT - body.length - 20))}}`);
    expect(new TextEncoder().encode(padded).length).toBeLessThanOrEqual(EVENT_BODY_LIMIT);
    const response = await hub.post(padded, { 'Content-Type': 'application/json', 'Idempotency-Key': plan.id });
    expect(response.status).toBe(202);
  });

  it('stores an event once when twenty copies arrive at the same moment', async () => {
    const flag = newGapFlag();
    const { body, headers } = await buildRequest('json', flag);
    const responses = await Promise.all(Array.from({ length: 20 }, () => hub.post(body, headers)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    expect(await hub.stored(flag.id)).toBe(1);
    const { flags } = (await (await hub.coach('/v1/flags')).json()) as { flags: Array<{ id: string }> };
    expect(flags.filter((stored) => stored.id === flag.id)).toHaveLength(1);
  });

  it('takes one of twenty different bodies sent at once under one key, and refuses the rest', async () => {
    const flag = newGapFlag();
    const notes = Array.from({ length: 20 }, (_, i) => `Version ${i} of the note.`);
    const responses = await Promise.all(notes.map((note) => hub.send({ ...flag, note })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const winner = notes[statuses.indexOf(202)];
    expect(await flagFromInbox(flag.id)).toMatchObject({ note: winner });
  });

  it('drops fields the payload format does not document', async () => {
    const flag = newGapFlag();
    const body = JSON.stringify({
      ...toJsonPayload(flag),
      studentName: 'Ava',
      teacher: { ...flag.teacher, email: 'maya@lincoln.example.org' },
    });
    const response = await hub.post(body, { 'Content-Type': 'application/json', 'Idempotency-Key': flag.id });
    expect(response.status).toBe(202);
    const stored = await flagFromInbox(flag.id);
    expect(stored).not.toHaveProperty('studentName');
    expect(stored!.teacher).toEqual(flag.teacher);
  });
});
