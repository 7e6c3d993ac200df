import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, parseEventPayload } from '../../utils/endpoints/schema';
import { toJsonPayload } from '../../utils/endpoints/json';
import { buildRequest } from '../../utils/endpoints/index';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import { HOSTILE_TEXT, MENTORS, OVERSIZED_TEXTS, oversizedGapFlag } from '../support/payloads';
import { newGapFlag, newGrowthPlan, newHelpRequest, newVolunteer } from './support/payloads';

/** One payload of every kind, as a test of the extension's own builders would make it. */
const EXAMPLES: Record<(typeof EVENT_TYPES)[number], OutgoingPayload> = {
  'help-request': newHelpRequest({ mentors: MENTORS.slack }),
  'gap-flag': newGapFlag({ card: { id: 'canvas-rubric-comments', title: 'Leave rubric comments', pack: 'canvas-basics', version: 3 } }),
  'mentor-volunteer': newVolunteer(),
  'growth-plan': newGrowthPlan(),
};

function errorsOf(value: unknown): string[] {
  const result = parseEventPayload(value);
  if (result.ok) throw new Error('the payload was accepted');
  return result.errors;
}

describe('parseEventPayload', () => {
  it.each(EVENT_TYPES)('accepts a %s and gives it back unchanged', (type) => {
    expect(parseEventPayload(EXAMPLES[type])).toEqual({ ok: true, payload: EXAMPLES[type] });
  });

  it.each(EVENT_TYPES)('accepts every %s the extension sends: toJsonPayload, encoded by buildRequest', async (type) => {
    const request = await buildRequest('json', EXAMPLES[type]);
    expect(parseEventPayload(JSON.parse(request.body))).toEqual({ ok: true, payload: toJsonPayload(EXAMPLES[type]) });
  });

  it('takes a flag or a ping written by hand without the mentors and searches lists as having none', () => {
    const { mentors: _mentors, searches: _searches, ...flag } = newGapFlag();
    expect(parseEventPayload(flag)).toEqual({ ok: true, payload: { ...flag, mentors: [], searches: [] } });
    const { mentors: _none, ...ping } = newHelpRequest();
    expect(parseEventPayload(ping)).toEqual({ ok: true, payload: { ...ping, mentors: [] } });
  });

  it('accepts what the extension makes of text at every limit', () => {
    for (const text of [...OVERSIZED_TEXTS, HOSTILE_TEXT]) {
      for (const payload of [oversizedGapFlag(text, MENTORS.slack), newHelpRequest({ message: text, teacher: { name: text } })]) {
        const result = parseEventPayload(toJsonPayload(payload));
        expect(result.ok ? [] : result.errors).toEqual([]);
      }
    }
    const volunteer = newVolunteer({
      note: OVERSIZED_TEXTS[1]!,
      handle: OVERSIZED_TEXTS[1]!,
      tools: Array.from({ length: 40 }, (_, i) => ({ id: `tool-${i}`, name: OVERSIZED_TEXTS[1]! })),
    });
    const result = parseEventPayload(toJsonPayload(volunteer));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('names the path of each bad field', () => {
    const flag = newGapFlag();
    const errors = errorsOf({
      ...flag,
      tool: { id: '  ', name: 'Canvas' },
      kind: 'bored',
      createdAt: 'yesterday',
      mentors: [{ name: 42 }],
      searches: ['x'.repeat(201)],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'tool.id: must not be empty',
        'kind: must be one of missing, unhelpful, outdated, search-found-nothing, not the string "bored"',
        'createdAt: must be a date and time such as 2026-11-24T14:32:05.120Z',
        expect.stringMatching(/^mentors\[0\]\.name: /),
        'searches[0]: must have at most 200 characters (it has 201)',
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('names missing fields and bad fields of every kind', () => {
    const { message: _message, ...noMessage } = newHelpRequest();
    expect(errorsOf(noMessage)).toEqual([expect.stringMatching(/^message: is missing/)]);
    expect(errorsOf({ ...newHelpRequest(), urgency: 'whenever' })).toEqual([
      expect.stringMatching(/^urgency: must be one of now, today, this-week/),
    ]);
    expect(errorsOf({ ...newVolunteer(), tools: [] })).toEqual(['tools: must list at least one tool']);
    expect(errorsOf({ ...newVolunteer(), teacher: { name: '' } })).toEqual(['teacher.name: must not be empty']);
    expect(errorsOf({ ...newGrowthPlan(), goals: 'all of them' })).toEqual([expect.stringMatching(/^goals: /)]);
  });

  it('names the type when it is missing or unknown, and the payload when it is not an object', () => {
    const { type: _type, ...untyped } = newHelpRequest();
    expect(errorsOf(untyped)).toEqual(['type: is missing (expected one of help-request, gap-flag, mentor-volunteer, growth-plan)']);
    expect(errorsOf({ ...untyped, type: 'chat-message' })).toEqual([
      'type: must be one of help-request, gap-flag, mentor-volunteer, growth-plan, not the string "chat-message"',
    ]);
    for (const value of [null, [], 'help', 42]) {
      expect(errorsOf(value), JSON.stringify(value)).toEqual([
        expect.stringMatching(/^payload: must be a JSON object with "type" and "id"/),
      ]);
    }
  });

  it('keeps only documented fields', () => {
    for (const type of EVENT_TYPES) {
      const example = EXAMPLES[type];
      const extra = { ...example, studentName: 'Ava', teacher: { ...example.teacher, email: 'maya@lincoln.example.org' } };
      expect(parseEventPayload(extra), type).toEqual({ ok: true, payload: example });
    }
  });
});
