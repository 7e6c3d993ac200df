import { describe, expect, it } from 'vitest';
import type { Mentor } from '../../../utils/platform/db';
import { formatBody } from '../../../utils/endpoints';
import type { EndpointFormat } from '../../../utils/endpoints/types';
import {
  buildHelpRequest,
  buildTestRequest,
  isMentionHandle,
  mentionSummary,
  routeMentors,
  UNKNOWN_TOOL,
  type HelpRequestInput,
} from '../../../utils/help-requests/help-request';

const MENTORS: Mentor[] = [
  { id: 'm1', name: 'Ben Okafor', handles: { slack: 'U02BEN', teams: 'ben@lincoln.example.org' }, tools: ['canvas', 'nearpod'] },
  { id: 'm2', name: 'Ana Ruiz', handles: { slack: ' U01ANA ', discord: '123456789012345678' }, tools: ['nearpod'] },
  { id: 'm3', name: 'Cy Park', handles: {}, tools: ['canvas'] },
  { id: 'm4', name: 'Dee Moss', handles: { slack: 'U04DEE' }, tools: ['seesaw'] },
];

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/12345/gradebook/speed_grader?assignment_id=678&student_id=91011#comment';

function input(overrides: Partial<HelpRequestInput> = {}): HelpRequestInput {
  return {
    tabState: { url: SPEEDGRADER_URL, detection: { tool: 'canvas', context: 'speedgrader' } },
    message: '  How do I hide grades until I post them?  ',
    urgency: 'today',
    includeFullUrl: false,
    settings: { teacherName: ' Ms. Rivera ', schoolName: 'Lincoln Elementary', endpointFormat: 'slack' },
    mentors: MENTORS,
    id: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
    now: Date.UTC(2026, 10, 24, 14, 32, 5, 120),
    ...overrides,
  };
}

describe('routeMentors', () => {
  it('picks the mentors of the tool, in name order, with the handle for the format', () => {
    expect(routeMentors(MENTORS, 'nearpod', 'slack')).toEqual([
      { name: 'Ana Ruiz', handle: 'U01ANA' },
      { name: 'Ben Okafor', handle: 'U02BEN' },
    ]);
    expect(routeMentors(MENTORS, 'nearpod', 'discord')).toEqual([
      { name: 'Ana Ruiz', handle: '123456789012345678' },
      { name: 'Ben Okafor' },
    ]);
  });

  it('leaves the handle out when the mentor has none for the format', () => {
    expect(routeMentors(MENTORS, 'canvas', 'teams')).toEqual([
      { name: 'Ben Okafor', handle: 'ben@lincoln.example.org' },
      { name: 'Cy Park' },
    ]);
    expect(routeMentors(MENTORS, 'canvas', 'teams')[1]).not.toHaveProperty('handle');
  });

  it('routes nobody for a tool without mentors: the channel alone', () => {
    expect(routeMentors(MENTORS, 'kahoot', 'slack')).toEqual([]);
    expect(routeMentors([], 'canvas', 'slack')).toEqual([]);
  });
});

describe('buildHelpRequest', () => {
  it('holds the teacher’s words and name, the tool, the page type and the redacted path only', () => {
    const payload = buildHelpRequest(input());
    expect(payload).toEqual({
      type: 'help-request',
      id: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
      createdAt: '2026-11-24T14:32:05.120Z',
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
      mentors: [{ name: 'Ben Okafor', handle: 'U02BEN' }, { name: 'Cy Park' }],
      message: 'How do I hide grades until I post them?',
      urgency: 'today',
    });
    const text = JSON.stringify(payload);
    for (const secret of ['12345', 'assignment_id', '678', '91011', '#comment']) expect(text).not.toContain(secret);
  });

  it('sends the full address only when the teacher ticks the box, and never credentials', () => {
    expect(buildHelpRequest(input({ includeFullUrl: true })).page.url).toBe(SPEEDGRADER_URL);
    const withUser = buildHelpRequest(
      input({
        includeFullUrl: true,
        tabState: { url: 'https://jo:pw@moodle.school.example/course/view.php?id=4', detection: { tool: 'moodle', context: null } },
      }),
    );
    expect(withUser.page.url).toBe('https://moodle.school.example/course/view.php?id=4');
  });

  it('leaves out an empty school rather than sending a blank one', () => {
    const payload = buildHelpRequest(input({ settings: { teacherName: 'Ms. Rivera', schoolName: '  ', endpointFormat: 'json' } }));
    expect(payload.teacher).toEqual({ name: 'Ms. Rivera' });
    expect(Object.keys(payload.teacher)).toEqual(['name']);
  });

  it('routes the mentors with the handles of the configured format', () => {
    const payload = buildHelpRequest(
      input({
        tabState: { url: 'https://app.nearpod.com/?pin=ITR37', detection: { tool: 'nearpod', context: 'live-lesson' } },
        settings: { teacherName: 'T', schoolName: '', endpointFormat: 'discord' },
      }),
    );
    expect(payload.tool).toEqual({ id: 'nearpod', name: 'Nearpod' });
    expect(payload.page).toEqual({ context: 'live-lesson', name: 'Live lesson', url: 'https://app.nearpod.com/' });
    expect(payload.mentors).toEqual([{ name: 'Ana Ruiz', handle: '123456789012345678' }, { name: 'Ben Okafor' }]);
  });

  it('still builds a request off a known tool, to the channel alone', () => {
    const payload = buildHelpRequest(input({ tabState: { url: '', detection: null } }));
    expect(payload.tool).toEqual(UNKNOWN_TOOL);
    expect(payload.page).toEqual({ context: null, name: null, url: '' });
    expect(payload.mentors).toEqual([]);
    expect(buildHelpRequest(input({ tabState: null })).page.url).toBe('');
  });

  it('gives a tool-wide page no page name', () => {
    const payload = buildHelpRequest(input({ tabState: { url: 'https://nearpod.com/', detection: { tool: 'nearpod', context: null } } }));
    expect(payload.page).toEqual({ context: null, name: null, url: 'https://nearpod.com/' });
  });
});

describe('buildTestRequest', () => {
  it('is visibly a test, about no tool or page, with nobody mentioned', () => {
    const payload = buildTestRequest({ id: 'test-1', now: 0, teacherName: '', schoolName: 'Lincoln', message: 'Test message' });
    expect(payload).toMatchObject({
      type: 'help-request',
      id: 'test-1',
      teacher: { name: 'Coachmark', school: 'Lincoln' },
      tool: { id: 'coachmark-test' },
      page: { context: null, name: null, url: '' },
      mentors: [],
      message: 'Test message',
    });
    expect(JSON.stringify(formatBody('slack', payload))).toContain('Coachmark test message');
  });
});

describe('mention handles agree with the formatters', () => {
  // A handle counts as a mention exactly when the format's message really mentions it.
  const cases: Array<[EndpointFormat, string, (body: string) => boolean]> = [
    ['slack', 'U01ANA', (body) => body.includes('<@U01ANA>')],
    ['slack', 'ana', (body) => body.includes('<@ana>')],
    ['slack', '@ana', (body) => body.includes('<@@ana>')],
    ['discord', '123456789012345678', (body) => body.includes('<@123456789012345678>')],
    ['discord', 'ana#1234', (body) => body.includes('<@ana#1234>')],
    ['google-chat', 'users/111111111111111111111', (body) => body.includes('<users/111111111111111111111>')],
    ['google-chat', '222', (body) => body.includes('<users/222>')],
    ['google-chat', 'ana@lincoln.example.org', (body) => body.includes('<users/ana@lincoln.example.org>')],
    ['teams', 'ana@lincoln.example.org', (body) => body.includes('"id":"ana@lincoln.example.org"')],
    ['teams', 'Ana Ruiz', (body) => body.includes('"id":"Ana Ruiz"')],
  ];
  for (const [format, handle, mentions] of cases) {
    it(`${format}: ${handle}`, () => {
      const payload = buildHelpRequest(
        input({
          mentors: [{ id: 'x', name: 'Ana Ruiz', handles: { [format]: handle }, tools: ['canvas'] }],
          settings: { teacherName: 'T', schoolName: '', endpointFormat: format },
        }),
      );
      expect(isMentionHandle(format, handle)).toBe(mentions(JSON.stringify(formatBody(format, payload))));
    });
  }

  it('splits a summary into mentioned and named only', () => {
    const summary = mentionSummary([{ name: 'A', handle: 'U1AA' }, { name: 'B', handle: 'not-an-id' }, { name: 'C' }], 'slack');
    expect(summary.mentioned.map((m) => m.name)).toEqual(['A']);
    expect(summary.namedOnly.map((m) => m.name)).toEqual(['B', 'C']);
    expect(isMentionHandle('json', 'anything at all')).toBe(true);
    expect(isMentionHandle('json', '   ')).toBe(false);
  });
});
