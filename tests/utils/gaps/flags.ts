import type { GapFlagPayload } from '../../../utils/endpoints/types';
import type { GapFlagInput } from '../../../utils/gaps/payload';
import { mentor } from '../../support/factories';
import { gapFlag } from '../../support/payloads';

/** Flags shared by the gaps tests: what a teacher sends, and payloads that stress the CSV. */

export const NOW = Date.UTC(2026, 10, 24, 14, 32, 5, 120);
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=5678&student_id=9#comments';

export const MENTORS = [
  mentor({ id: 'm1', name: 'Mr. Okafor', handles: { slack: 'U024BE7LH', json: 'okafor@district.org' }, tools: ['canvas'] }),
  mentor({ id: 'm2', name: 'Ms. Lee', handles: {}, tools: ['canvas', 'seesaw'] }),
  mentor({ id: 'm3', name: 'Mx. Park', handles: { json: 'park' }, tools: ['seesaw'] }),
];

/** Ms. Rivera flags a missing card on SpeedGrader, with two searches that found nothing. */
export function flagInput(extra: Partial<GapFlagInput> = {}): GapFlagInput {
  return {
    tabState: { url: SPEEDGRADER_URL, detection: { tool: 'canvas', context: 'speedgrader' } },
    kind: 'missing',
    note: '  How do I hide grades until I post them?  ',
    searches: ['hide grades', 'post policy'],
    settings: { teacherName: ' Ms. Rivera ', schoolName: 'Lincoln Elementary', endpointFormat: 'json' },
    mentors: MENTORS,
    id: 'f0a1b2c3-0000-4000-8000-000000000001',
    now: NOW,
    includeFullUrl: false,
    ...extra,
  };
}

export const RUBRIC_CARD = { id: 'speedgrader-rubric', title: 'Grade with a rubric', pack: 'district', version: 3, tools: ['canvas'] };

/** A received flag whose CSV row is one line: one search and one routed mentor. */
export function flag(id: string, extra: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return gapFlag({ id, searches: ['hide grades'], mentors: [{ name: 'Mr. Okafor', handle: 'okafor@district.org' }], ...extra });
}

/** Every kind of text a CSV writer can get wrong: separators, quotes, line breaks, formulas, edge spaces. */
export const TRICKY_FLAGS: GapFlagPayload[] = [
  flag('a'),
  flag('b', {
    note: 'Line one, with a comma\nLine two with "quotes"\r\nand a CRLF',
    searches: ['hide grades', 'mute, assignment', 'say "hi"'],
    mentors: [{ name: 'Ms. Lee' }, { name: 'Mr. Okafor', handle: 'U024BE7LH' }],
    kind: 'unhelpful',
    card: { id: 'rubric', title: 'Grade, with "a" rubric', pack: 'district-pack', version: 4 },
  }),
  flag('c', {
    teacher: { name: 'José Núñez' },
    page: { context: null, name: null, url: '' },
    tool: { id: 'seesaw', name: 'Seesaw' },
    note: '=HYPERLINK("https://evil.example","click")',
    searches: [],
    mentors: [],
  }),
  flag('d', { note: "'already quoted", teacher: { name: '+1 teacher', school: '@school' } }),
  flag('e', { note: '  leading and trailing spaces  ', kind: 'search-found-nothing' }),
];
