import { randomUUID } from 'node:crypto';
import type { GapFlagPayload, GrowthPlanPayload, HelpRequestPayload, MentorVolunteerPayload } from '../../../utils/endpoints/types';
import type { Pack } from '../../../utils/cards/schema';
import { gapFlag, growthPlan, helpRequest } from '../../support/payloads';

/**
 * The extension's payloads (tests/support/payloads.ts), each with an id of its own: tests that
 * share one Hub never send the same key by accident.
 */

export const newHelpRequest = (overrides: Partial<HelpRequestPayload> = {}) => helpRequest({ id: randomUUID(), ...overrides });
export const newGapFlag = (overrides: Partial<GapFlagPayload> = {}) => gapFlag({ id: randomUUID(), ...overrides });
export const newGrowthPlan = (overrides: Partial<GrowthPlanPayload> = {}) => growthPlan({ id: randomUUID(), ...overrides });

export function newVolunteer(overrides: Partial<MentorVolunteerPayload> = {}): MentorVolunteerPayload {
  return {
    type: 'mentor-volunteer',
    id: randomUUID(),
    createdAt: '2026-11-23T08:15:00.000Z',
    teacher: { name: 'Jordan Lee', school: 'Lincoln Elementary' },
    handle: 'U07JORDAN',
    tools: [
      { id: 'canvas', name: 'Canvas' },
      { id: 'nearpod', name: 'Nearpod' },
    ],
    note: 'Free 3rd period',
    ...overrides,
  };
}

/** A pack file as the studio exports it: two cards, like the fixtures under tests/fixtures. */
export function newPack(overrides: Partial<Pack> = {}): Pack {
  return {
    schemaVersion: 1,
    id: `district-${randomUUID().slice(0, 8)}`,
    name: 'Lincoln district pack',
    version: '1.0.0',
    lang: 'en',
    cards: [
      {
        id: 'canvas-speedgrader-comment',
        title: 'Leave a comment in SpeedGrader',
        summary: 'Give a student written feedback next to their work.',
        steps: ['Open the assignment and choose **SpeedGrader**.', 'Type your feedback in **Assignment Comments** and choose **Submit**.'],
        tools: ['canvas'],
        contexts: ['speedgrader'],
        tags: ['feedback', 'grading'],
        level: 'beginner',
        links: [
          { title: 'Canvas Instructor Guide', url: 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor', kind: 'help' },
        ],
      },
      {
        id: 'classroom-reuse-post',
        title: 'Reuse a post from another class',
        summary: 'Copy an assignment or material you already made into this class.',
        steps: ['Open **Classwork** and choose **Create**.', 'Choose **Reuse post**, pick the class, then the post.'],
        tools: ['google-classroom'],
        contexts: ['classwork'],
        tags: ['reuse'],
        level: 'beginner',
        links: [],
      },
    ],
    ...overrides,
  };
}
