import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatBody } from '../../utils/endpoints/index';
import { startHookServer, type HookServer } from '../support/hook-server';
import { startTestHub, type TestHub } from './support/hub';
import { newGapFlag, newHelpRequest } from './support/payloads';

/**
 * Forwarding to the school's chat: a webhook on 127.0.0.1 that records what arrives. The
 * queue is looked at every 50 ms and the backoff has no jitter, so a retry comes after the
 * outbox's first step (one second) rather than minutes.
 */

const QUICK_QUEUE = { forwardPollMs: 50, forwardRandom: () => 0 };

async function queued(hub: TestHub, eventId: string) {
  return hub.hub.database.query<{ attempts: number; delivered: boolean; last_error: string | null }>(
    'SELECT attempts, delivered_at IS NOT NULL AS delivered, last_error FROM forward_queue WHERE event_id = $1',
    [eventId],
  );
}

describe('to Slack, help requests only (the default)', () => {
  let chat: HookServer;
  let hub: TestHub;
  beforeAll(async () => {
    chat = await startHookServer();
    hub = await startTestHub({ forwardUrl: chat.url, forwardFormat: 'slack', ...QUICK_QUEUE });
  });
  afterAll(async () => {
    await hub?.close();
    await chat?.close();
  });

  it('sends a help request in the extension’s Slack format, and again after the chat failed', async () => {
    chat.reset();
    chat.answer = (index) => (index === 0 ? { status: 503, body: 'busy' } : { status: 200, body: 'ok' });
    const ping = newHelpRequest();
    expect((await hub.send(ping)).status).toBe(202);

    await vi.waitFor(() => expect(chat.received).toHaveLength(2), { timeout: 20_000, interval: 50 });
    for (const request of chat.received) {
      expect(JSON.parse(request.body)).toEqual(formatBody('slack', ping));
      expect(request.key).toBe(ping.id);
      expect(request.headers['content-type']).toBe('application/json');
    }
    await vi.waitFor(async () => expect(await queued(hub, ping.id)).toEqual([{ attempts: 2, delivered: true, last_error: null }]), {
      timeout: 5_000,
      interval: 50,
    });
  });

  it('forwards a retried help request once', async () => {
    chat.reset();
    const ping = newHelpRequest();
    expect((await hub.send(ping)).status).toBe(202);
    expect((await hub.send(ping)).status).toBe(200);
    await vi.waitFor(() => expect(chat.received).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(await queued(hub, ping.id)).toHaveLength(1);
  });

  it('does not forward a gap flag', async () => {
    chat.reset();
    const flag = newGapFlag();
    const ping = newHelpRequest();
    expect((await hub.send(flag)).status).toBe(202);
    expect((await hub.send(ping)).status).toBe(202);
    // The help request sent after the flag has arrived; the flag never will: it was not queued.
    await vi.waitFor(() => expect(chat.received.map((request) => request.key)).toContain(ping.id), { timeout: 10_000, interval: 50 });
    expect(chat.received.map((request) => request.key)).not.toContain(flag.id);
    expect(await queued(hub, flag.id)).toEqual([]);
  });
});

describe('to a JSON endpoint, flags too (HUB_FORWARD_TYPES)', () => {
  let chat: HookServer;
  let hub: TestHub;
  beforeAll(async () => {
    chat = await startHookServer();
    hub = await startTestHub({ forwardUrl: chat.url, forwardFormat: 'json', forwardTypes: ['help-request', 'gap-flag'], ...QUICK_QUEUE });
  });
  afterAll(async () => {
    await hub?.close();
    await chat?.close();
  });

  it('sends a flag as the generic JSON payload', async () => {
    const flag = newGapFlag();
    expect((await hub.send(flag)).status).toBe(202);
    await vi.waitFor(() => expect(chat.received).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(JSON.parse(chat.received[0]!.body)).toEqual(formatBody('json', flag));
    expect(chat.received[0]!.key).toBe(flag.id);
  });

  it('keeps an event the chat refuses for good as failed, without retrying it', async () => {
    chat.reset();
    chat.answer = () => ({ status: 404, body: 'no such webhook' });
    const ping = newHelpRequest();
    expect((await hub.send(ping)).status).toBe(202);
    await vi.waitFor(async () => expect(await queued(hub, ping.id)).toEqual([{ attempts: 1, delivered: false, last_error: 'HTTP 404' }]), {
      timeout: 10_000,
      interval: 50,
    });
    const [row] = await hub.hub.database.query<{ failed: boolean }>(
      'SELECT failed_at IS NOT NULL AS failed FROM forward_queue WHERE event_id = $1',
      [ping.id],
    );
    expect(row!.failed).toBe(true);
    expect(chat.received).toHaveLength(1);
  });
});
