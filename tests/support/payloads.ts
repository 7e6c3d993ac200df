import type { GapFlagPayload, GrowthPlanPayload, HelpRequestPayload, RoutedMentor } from '../../utils/endpoints/types';

/** Every way a teacher's text could try to reach more people than the routed mentors. */
export const HOSTILE_TEXT = [
  '@everyone look',
  '@here',
  '@channel',
  '@all',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123>',
  '<@U123>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '<users/all>',
  '<users/123>',
  '<at>x</at>',
  '<AT>y</AT>',
  '[click here](https://evil.example/steal)',
  '<https://evil.example|totally safe>',
  '**bold** _it_ ~~s~~ `code` > quote',
  '# heading',
  '&amp; & < > "quotes"',
].join('\n');

/** Characters that every escape makes longer, then four-byte characters: the worst case for limits. */
export const WORST_CASE_TEXT = '<&>*_[](`)'.repeat(600) + '😀'.repeat(2000);

export const LONG_TEXT = 'The gradebook will not sync after I changed the category weights. '.repeat(200);

export const MENTORS = {
  slack: [{ name: 'Ana Ruiz', handle: 'U01ANARUIZ' }, { name: 'Ben Okafor', handle: 'W02BENOKA' }, { name: 'Cy Park' }],
  discord: [{ name: 'Ana Ruiz', handle: '123456789012345678' }, { name: 'Ben Okafor', handle: '876543210987654321' }, { name: 'Cy Park' }],
  'google-chat': [
    { name: 'Ana Ruiz', handle: 'users/111111111111111111111' },
    { name: 'Ben Okafor', handle: '222222222222222222222' },
    { name: 'Cy Park' },
  ],
  teams: [
    { name: 'Ana Ruiz', handle: 'ana.ruiz@lincoln.example.org' },
    { name: 'Ben Okafor', handle: 'ben@lincoln.example.org' },
    { name: 'Cy Park' },
  ],
} satisfies Record<string, RoutedMentor[]>;

/** Handles a directory could hold by mistake (or malice) that must never become a mass mention. */
export const HOSTILE_MENTORS: RoutedMentor[] = [
  { name: '@everyone', handle: 'everyone' },
  { name: '<!channel>', handle: '!channel' },
  { name: '<users/all>', handle: 'users/all' },
  { name: '<at>All</at>', handle: 'here' },
  { name: 'Sneaky', handle: 'U1> <!channel' },
];

export function helpRequest(overrides: Partial<HelpRequestPayload> = {}): HelpRequestPayload {
  return {
    type: 'help-request',
    id: '6f1c2b7e-3d4a-4e8b-9c1d-2a3b4c5d6e7f',
    createdAt: '2026-11-22T14:05:00.000Z',
    teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
    tool: { id: 'nearpod', name: 'Nearpod' },
    page: { context: 'reports', name: 'Reports', url: '/reports/lessons/:id' },
    mentors: [],
    message: 'How do I export the session report for one class only?',
    urgency: 'today',
    ...overrides,
  };
}

export function gapFlag(overrides: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return {
    type: 'gap-flag',
    id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
    createdAt: '2026-11-22T15:30:00.000Z',
    teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: '/courses/:id/gradebook/speed_grader' },
    mentors: [],
    kind: 'missing',
    note: 'Nothing explains rubric comments.',
    searches: ['rubric comment', 'speedgrader rubric'],
    ...overrides,
  };
}

/**
 * A teacher's plan for the next coaching meeting: a tool goal with a saved card, a saved ping and
 * a reflection, a practice goal with nothing yet, one saved card and one reflection linked to no
 * goal, and two pings sent since the last meeting.
 */
export function growthPlan(overrides: Partial<GrowthPlanPayload> = {}): GrowthPlanPayload {
  return {
    type: 'growth-plan',
    id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
    createdAt: '2026-12-01T16:45:00.000Z',
    teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
    period: { since: '2026-11-04', nextMeeting: '2026-12-03' },
    goals: [
      {
        id: 'goal-rubrics',
        text: 'Give rubric feedback in SpeedGrader within a week',
        tool: { id: 'canvas', name: 'Canvas' },
        comfort: 'new',
        progress: 'trying',
        saved: [
          {
            savedAt: '2026-11-10T15:00:00.000Z',
            note: 'Try this with 5th period',
            card: { id: 'canvas-rubric-comments', title: 'Leave rubric comments', pack: 'canvas-basics' },
          },
          {
            savedAt: '2026-11-22T14:10:00.000Z',
            note: 'Ask about this in our meeting',
            ping: {
              createdAt: '2026-11-22T14:05:00.000Z',
              tool: { id: 'canvas', name: 'Canvas' },
              page: 'SpeedGrader',
              message: 'Where do rubric comments show for students?',
            },
          },
        ],
        reflections: [
          {
            at: '2026-11-12T20:30:00.000Z',
            text: 'The rubric saved me an hour of grading.',
            card: { id: 'canvas-rubric-comments', title: 'Leave rubric comments', pack: 'canvas-basics' },
          },
        ],
      },
      { id: 'goal-feedback', text: 'Feedback within a week', tool: null, progress: 'not-started', saved: [], reflections: [] },
    ],
    saved: [
      {
        savedAt: '2026-11-18T09:00:00.000Z',
        note: 'For the grading talk',
        card: { id: 'canvas-hide-grades', title: 'Hide grades until you post them', pack: 'starter' },
      },
    ],
    reflections: [{ at: '2026-11-25T21:00:00.000Z', text: 'Students liked seeing the rubric first.' }],
    pings: [
      {
        createdAt: '2026-11-22T14:05:00.000Z',
        tool: { id: 'canvas', name: 'Canvas' },
        page: 'SpeedGrader',
        message: 'Where do rubric comments show for students?',
        urgency: 'today',
      },
      {
        createdAt: '2026-11-28T10:15:00.000Z',
        tool: { id: 'nearpod', name: 'Nearpod' },
        page: null,
        message: 'How do I export the session report for one class only?',
        urgency: 'this-week',
      },
    ],
    omitted: { saved: 0, reflections: 0, pings: 0 },
    ...overrides,
  };
}

/** Texts too long for every chat format: plain words, then characters every escape makes longer. */
export const OVERSIZED_TEXTS = [LONG_TEXT, WORST_CASE_TEXT];

/** A gap flag with `text` in every field a teacher or a page fills: the case that tests each format's size limits. */
export function oversizedGapFlag(text: string, mentors: RoutedMentor[]): GapFlagPayload {
  return gapFlag({
    note: text,
    teacher: { name: text, school: text },
    page: { context: null, name: text, url: text },
    searches: Array.from({ length: 30 }, () => text),
    card: { id: 'c', title: text, pack: 'p', version: 1 },
    mentors,
  });
}

/** Every string anywhere in a JSON-like value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** An unbroken plain-text mass mention in any string. */
export const PLAIN_MASS_MENTION = /@(everyone|here|channel|all)\b/i;
