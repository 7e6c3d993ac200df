import { describe, expect, it } from 'vitest';
import { describeOutboxItem } from '../../../utils/outbox/describe';
import { outboxItem } from '../../support/factories';
import type { OutboxItem } from '../../../utils/platform/db';

const at = () => '10:45';
const say = (overrides: Partial<OutboxItem>) => describeOutboxItem(outboxItem(overrides), at);

describe('describeOutboxItem', () => {
  it('names where it is going while it waits, sends and once it is sent', () => {
    expect(say({})).toEqual({ state: 'queued', text: 'Waiting to send to hooks.district.example' });
    expect(say({ status: 'sending', attempts: 1 })).toEqual({ state: 'sending', text: 'Sending to hooks.district.example…' });
    expect(say({ status: 'sent', attempts: 1, sentAt: 1 })).toEqual({ state: 'sent', text: 'Sent to hooks.district.example 10:45' });
  });

  it.each([
    [{ lastError: 'http', lastStatus: 503 }, "Your school's chat had a problem (503). Coachmark will try again at 10:45."],
    [{ lastError: 'rate-limited', lastStatus: 429 }, "Your school's chat asked Coachmark to wait. It will try again at 10:45."],
    [{ lastError: 'timeout' }, "Couldn't reach your school's chat. Coachmark will try again at 10:45."],
    [{ lastError: 'network' }, "Couldn't reach your school's chat. Coachmark will try again at 10:45."],
    [{ lastError: 'offline' }, 'No network connection. Coachmark will try again at 10:45.'],
  ] as Array<[Partial<OutboxItem>, string]>)('a retry after %o says what happened and that Coachmark tries again', (error, text) => {
    expect(say({ status: 'queued', attempts: 1, ...error })).toEqual({ state: 'waiting', text });
  });

  it.each([
    [
      { lastError: 'http', lastStatus: 403 },
      "Your school's chat refused the message (403). Ask your tech coach to check Coachmark's settings.",
    ],
    [
      { lastError: 'redirect', lastStatus: 301 },
      "Your school's chat has moved to another address. Ask your tech coach to update Coachmark's settings.",
    ],
  ] as Array<[Partial<OutboxItem>, string]>)('a failure after %o says what happened and who can fix it', (error, text) => {
    expect(say({ status: 'failed', attempts: 1, ...error })).toEqual({ state: 'failed', text });
  });

  it('never speaks of an endpoint to the teacher', () => {
    const errors = ['http', 'rate-limited', 'timeout', 'network', 'offline', 'redirect'] as const;
    const texts = errors.flatMap((lastError) =>
      (['queued', 'failed'] as const).map((status) => say({ status, attempts: 1, lastError, lastStatus: 500 }).text),
    );
    expect(texts.filter((text) => /endpoint/i.test(text))).toEqual([]);
  });
});
