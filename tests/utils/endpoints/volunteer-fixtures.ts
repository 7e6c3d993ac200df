import type { MentorVolunteerPayload } from '../../../utils/endpoints/types';
import { OVERSIZED_TEXTS } from '../../support/payloads';
import { ALL_HOSTILE } from './hostile-input';

/** A teacher offering to help with two tools, as the panel builds it. */
export function mentorVolunteer(overrides: Partial<MentorVolunteerPayload> = {}): MentorVolunteerPayload {
  return {
    type: 'mentor-volunteer',
    id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    createdAt: '2026-12-02T15:10:00.000Z',
    teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
    handle: 'U07MAYALOPEZ',
    tools: [
      { id: 'canvas', name: 'Canvas' },
      { id: 'nearpod', name: 'Nearpod' },
    ],
    note: 'Free 3rd period, Tuesdays and Thursdays.',
    ...overrides,
  };
}

/** `text` in every string field, ids and times included, with `tools` tools: every cap at once. */
export function hostileVolunteer(text: string, tools = 3): MentorVolunteerPayload {
  return mentorVolunteer({
    id: text,
    createdAt: text,
    teacher: { name: text, school: text },
    handle: text,
    tools: Array.from({ length: tools }, () => ({ id: text, name: text })),
    note: text,
  });
}

/** Offers far over every chat format's limit: long names, many tools, notes over every cap. */
export function hugeVolunteers(): MentorVolunteerPayload[] {
  return [...OVERSIZED_TEXTS.map((text) => hostileVolunteer(text, 40)), hostileVolunteer(ALL_HOSTILE, 25)];
}
