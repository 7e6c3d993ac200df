import { describe, expect, expectTypeOf, it } from 'vitest';
import { toJsonPayload, type GenericJsonPayload } from '../../../utils/endpoints/json';
import type { OutgoingPayload } from '../../../utils/endpoints/types';
import { HOSTILE_TEXT, MENTORS, gapFlag, helpRequest } from '../../support/payloads';

describe('generic JSON payload', () => {
  it('is the documented payload type', () => {
    expectTypeOf(toJsonPayload).returns.toEqualTypeOf<OutgoingPayload>();
    expect(toJsonPayload(helpRequest()) satisfies GenericJsonPayload).toEqual(helpRequest());
  });

  it('sends help requests and gap flags, with or without mentors, as they are', () => {
    const payloads: OutgoingPayload[] = [
      helpRequest(),
      helpRequest({ mentors: MENTORS.slack, message: HOSTILE_TEXT, teacher: { name: 'Sam' } }),
      gapFlag(),
      gapFlag({ mentors: MENTORS.teams, card: { id: 'c1', title: 'Rubrics', pack: 'canvas', version: 4 }, searches: [] }),
    ];
    for (const payload of payloads) {
      const body = toJsonPayload(payload);
      expect(body).toEqual(payload);
      expect(body).not.toBe(payload);
      // The teacher's words are data here, untouched: the receiver renders them.
      expect(JSON.parse(JSON.stringify(body))).toEqual(payload);
    }
    expect(toJsonPayload(helpRequest({ message: HOSTILE_TEXT }))).toMatchObject({ message: HOSTILE_TEXT });
  });

  it('sends only documented fields, type first', () => {
    const payload = { ...gapFlag(), debug: { pageText: 'secret' } } as OutgoingPayload;
    (payload.teacher as { name: string; email?: string }).email = 'maya@example.org';
    (payload.mentors as { name: string; phone?: string }[]).push({ name: 'Ana', phone: '555' });
    const body = toJsonPayload(payload);
    expect(JSON.stringify(body)).not.toMatch(/secret|maya@example|555/);
    expect(Object.keys(body)).toEqual(['type', 'id', 'createdAt', 'teacher', 'tool', 'page', 'mentors', 'kind', 'note', 'searches']);
    expect(Object.keys(toJsonPayload(helpRequest()))).toEqual([
      'type',
      'id',
      'createdAt',
      'teacher',
      'tool',
      'page',
      'mentors',
      'message',
      'urgency',
    ]);
  });
});
