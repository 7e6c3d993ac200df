import { describe, expect, it } from 'vitest';
import { JSON_BODY_BUDGET, JSON_LIMITS } from '../../../utils/endpoints/json';
import type { GrowthPlanPayload } from '../../../utils/endpoints/types';
import type { PlanMetaRecord } from '../../../utils/platform/db';
import { buildGrowthPlan, type GrowthPlanInput } from '../../../utils/plan/build';
import type { PlanData } from '../../../utils/plan/store';
import { planGoal, planReflection, planSavedCard } from '../../support/factories';
import { helpRequest } from '../../support/payloads';

/** An instant from a local date and hour: on that calendar day in every time zone. */
function at(date: string, hour = 12, minute = 0): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, hour, minute).getTime();
}

const iso = (epoch: number) => new Date(epoch).toISOString();
const UTF8 = new TextEncoder();
const NOW = at('2026-12-08', 16);

/** The last meeting was on November 3: the period starts November 4 at local midnight. */
const META: PlanMetaRecord = { id: 'plan', lastMeeting: '2026-11-03', nextMeeting: '2026-12-10' };

const stamp = (id: string, title: string) => ({ key: `district/${id}`, id, title, pack: 'district', tools: ['canvas'] });

function plan(meta: PlanMetaRecord = META): PlanData {
  return {
    meta,
    goals: [
      planGoal({
        id: 'g-open',
        text: 'Give audio feedback on every essay',
        tool: 'canvas',
        progress: 'trying',
        createdAt: at('2026-09-01'),
        progressAt: at('2026-10-01'),
      }),
      planGoal({ id: 'g-practice', text: 'Feedback within a week', tool: null, createdAt: at('2026-11-05') }),
      planGoal({
        id: 'g-done-before',
        text: 'Publish my course',
        progress: 'done',
        createdAt: at('2026-09-01'),
        progressAt: at('2026-11-03', 23, 59),
      }),
      planGoal({
        id: 'g-done-in',
        text: 'Post grades on time',
        progress: 'done',
        createdAt: at('2026-09-01'),
        progressAt: at('2026-11-04', 0, 0),
      }),
      planGoal({ id: 'g-done-untimed', text: 'Set up modules', progress: 'done', createdAt: at('2026-10-01') }),
      planGoal({ id: 'g-seesaw', text: 'Share a weekly portfolio', tool: 'seesaw', createdAt: at('2026-11-06') }),
    ],
    saved: [
      planSavedCard({
        id: 's-old',
        goalId: 'g-open',
        savedAt: at('2026-10-02'),
        note: 'From before the last meeting',
        card: stamp('comments', 'Leave audio feedback'),
      }),
      planSavedCard({
        id: 's-ping',
        goalId: 'g-practice',
        savedAt: at('2026-11-10', 9),
        note: 'Ask about this',
        card: undefined,
        ping: {
          id: 'p1',
          createdAt: at('2026-11-10', 8),
          tool: { id: 'canvas', name: 'Canvas' },
          page: 'SpeedGrader',
          message: 'Where do comments show?',
        },
      }),
      planSavedCard({
        id: 's-loose',
        goalId: null,
        savedAt: at('2026-11-12'),
        note: 'For the grading talk',
        card: stamp('hide', 'Hide grades'),
      }),
      planSavedCard({ id: 's-done-goal', goalId: 'g-done-before', savedAt: at('2026-10-20'), card: stamp('publish', 'Publish a course') }),
      planSavedCard({ id: 's-gone-goal', goalId: 'g-removed', savedAt: at('2026-11-15'), card: stamp('modules', 'Create a module') }),
    ],
    reflections: [
      planReflection({ id: 'r-before', goalId: 'g-open', at: at('2026-11-03', 20), text: 'Before the meeting' }),
      planReflection({
        id: 'r-goal',
        goalId: 'g-open',
        at: at('2026-11-04', 0, 0),
        text: 'Fifth period listened',
        card: stamp('comments', 'Leave audio feedback'),
      }),
      planReflection({ id: 'r-loose', goalId: null, at: at('2026-11-20'), text: 'A calmer week' }),
      planReflection({ id: 'r-done-goal', goalId: 'g-done-before', at: at('2026-11-21'), text: 'Course is live' }),
    ],
  };
}

const PINGS: GrowthPlanInput['pings'] = [
  {
    createdAt: at('2026-11-20', 10),
    payload: helpRequest({
      id: 'p-late',
      tool: { id: 'nearpod', name: 'Nearpod' },
      page: { context: null, name: null, url: '/' },
      message: 'Export one class?',
      urgency: 'this-week',
    }),
  },
  { createdAt: at('2026-11-02', 10), payload: helpRequest({ id: 'p-before', message: 'Before the meeting', urgency: 'now' }) },
  {
    createdAt: at('2026-11-04', 0, 0),
    payload: helpRequest({
      id: 'p-early',
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: '/courses/:id/gradebook/speed_grader' },
      message: 'Where do comments show?',
      urgency: 'today',
    }),
  },
];

function input(overrides: Partial<GrowthPlanInput> = {}): GrowthPlanInput {
  return {
    plan: plan(),
    pings: PINGS,
    comfort: { canvas: 'new', nearpod: 'expert' },
    settings: { teacherName: '  Maya Lopez ', schoolName: ' Lincoln Elementary ' },
    id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
    now: NOW,
    ...overrides,
  };
}

const goalIds = (payload: GrowthPlanPayload) => payload.goals.map((goal) => goal.id);
const goal = (payload: GrowthPlanPayload, id: string) => payload.goals.find((entry) => entry.id === id)!;

describe('buildGrowthPlan', () => {
  it('is a growth-plan payload with its id, the time it was made, the teacher and the period', () => {
    const payload = buildGrowthPlan(input());
    expect(payload).toMatchObject({
      type: 'growth-plan',
      id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
      createdAt: iso(NOW),
      teacher: { name: 'Maya Lopez', school: 'Lincoln Elementary' },
      period: { since: '2026-11-04', nextMeeting: '2026-12-10' },
      omitted: { saved: 0, reflections: 0, pings: 0 },
    });
  });

  it('leaves the school out when none is set, and says when no meeting is set', () => {
    const payload = buildGrowthPlan(
      input({
        settings: { teacherName: 'Maya Lopez', schoolName: '   ' },
        plan: plan({ id: 'plan', lastMeeting: null, nextMeeting: null }),
      }),
    );
    expect(payload.teacher).toEqual({ name: 'Maya Lopez' });
    expect(payload.period).toEqual({ since: null, nextMeeting: null });
  });

  it('keeps open goals and the goals done in this period, in order, and leaves out those done before it', () => {
    expect(goalIds(buildGrowthPlan(input()))).toEqual(['g-open', 'g-practice', 'g-done-in', 'g-seesaw']);
  });

  it("names each goal's tool, with the teacher's comfort with it when known", () => {
    const payload = buildGrowthPlan(input());
    expect(goal(payload, 'g-open')).toMatchObject({
      text: 'Give audio feedback on every essay',
      tool: { id: 'canvas', name: 'Canvas' },
      comfort: 'new',
      progress: 'trying',
    });
    expect(goal(payload, 'g-practice').tool).toBeNull();
    expect(goal(payload, 'g-practice')).not.toHaveProperty('comfort');
    expect(goal(payload, 'g-seesaw').tool).toEqual({ id: 'seesaw', name: 'Seesaw' });
    expect(goal(payload, 'g-seesaw')).not.toHaveProperty('comfort');
    const unknown = buildGrowthPlan(input({ plan: { ...plan(), goals: [planGoal({ id: 'g-x', tool: 'not-a-tool' })] } }));
    expect(unknown.goals[0]!.tool).toEqual({ id: 'not-a-tool', name: 'not-a-tool' });
  });

  it('puts saved items under their goal, whatever their age, and the rest in the top-level list', () => {
    const payload = buildGrowthPlan(input());
    expect(goal(payload, 'g-open').saved).toEqual([
      {
        savedAt: iso(at('2026-10-02')),
        note: 'From before the last meeting',
        card: { id: 'comments', title: 'Leave audio feedback', pack: 'district' },
      },
    ]);
    expect(goal(payload, 'g-practice').saved).toEqual([
      {
        savedAt: iso(at('2026-11-10', 9)),
        note: 'Ask about this',
        ping: {
          createdAt: iso(at('2026-11-10', 8)),
          tool: { id: 'canvas', name: 'Canvas' },
          page: 'SpeedGrader',
          message: 'Where do comments show?',
        },
      },
    ]);
    // A goal left out, or removed, takes nothing with it: its items are listed on their own.
    expect(payload.saved.map((entry) => entry.card?.title)).toEqual(['Hide grades', 'Publish a course', 'Create a module']);
    expect(payload.saved[0]).toEqual({
      savedAt: iso(at('2026-11-12')),
      note: 'For the grading talk',
      card: { id: 'hide', title: 'Hide grades', pack: 'district' },
    });
  });

  it('includes the reflections of this period only, under their goal or on their own', () => {
    const payload = buildGrowthPlan(input());
    expect(goal(payload, 'g-open').reflections).toEqual([
      {
        at: iso(at('2026-11-04', 0, 0)),
        text: 'Fifth period listened',
        card: { id: 'comments', title: 'Leave audio feedback', pack: 'district' },
      },
    ]);
    expect(payload.reflections).toEqual([
      { at: iso(at('2026-11-20')), text: 'A calmer week' },
      { at: iso(at('2026-11-21')), text: 'Course is live' },
    ]);
  });

  it('includes the pings of this period, oldest first, as the teacher wrote them and nothing of the page address', () => {
    const payload = buildGrowthPlan(input());
    expect(payload.pings).toEqual([
      {
        createdAt: iso(at('2026-11-04', 0, 0)),
        tool: { id: 'canvas', name: 'Canvas' },
        page: 'SpeedGrader',
        message: 'Where do comments show?',
        urgency: 'today',
      },
      {
        createdAt: iso(at('2026-11-20', 10)),
        tool: { id: 'nearpod', name: 'Nearpod' },
        page: null,
        message: 'Export one class?',
        urgency: 'this-week',
      },
    ]);
    expect(JSON.stringify(payload)).not.toContain('/courses/');
  });

  it('before the first meeting, includes every reflection, every ping and every goal', () => {
    const payload = buildGrowthPlan(input({ plan: plan({ id: 'plan', lastMeeting: null, nextMeeting: '2026-12-10' }) }));
    expect(payload.period).toEqual({ since: null, nextMeeting: '2026-12-10' });
    expect(goalIds(payload)).toEqual(['g-open', 'g-practice', 'g-done-before', 'g-done-in', 'g-done-untimed', 'g-seesaw']);
    expect(goal(payload, 'g-open').reflections.map((entry) => entry.text)).toEqual(['Before the meeting', 'Fifth period listened']);
    expect(goal(payload, 'g-done-before').saved.map((entry) => entry.card?.title)).toEqual(['Publish a course']);
    expect(goal(payload, 'g-done-before').reflections.map((entry) => entry.text)).toEqual(['Course is live']);
    expect(payload.pings.map((ping) => ping.message)).toEqual(['Before the meeting', 'Where do comments show?', 'Export one class?']);
  });

  it('fits a plan that grew all term within the body budget, keeping the newest entries and counting the rest', () => {
    // Each kind spread over the same five hours, so the newest entries are of every kind.
    const start = at('2026-11-05');
    const minute = 60_000;
    const goals = Array.from({ length: 25 }, (_, index) =>
      planGoal({ id: `g-${index}`, text: `${index} ${'Goal words '.repeat(26)}`.slice(0, 300), createdAt: at('2026-11-05') + index }),
    );
    const saved = Array.from({ length: 300 }, (_, index) =>
      planSavedCard({
        id: `s-${index}`,
        goalId: index < 200 ? `g-${index % 20}` : null,
        savedAt: start + index * minute,
        note: `${index} ${'n'.repeat(400)}`,
        card: stamp(`card-${index}`, `Card ${index}`),
      }),
    );
    const reflections = Array.from({ length: 80 }, (_, index) =>
      planReflection({ id: `r-${index}`, at: start + index * 3.75 * minute, text: `${index} ${'r'.repeat(400)}` }),
    );
    const pings = Array.from({ length: 150 }, (_, index) => ({
      createdAt: start + index * 2 * minute,
      payload: helpRequest({ id: `p-${index}`, message: `${index} ${'m'.repeat(400)}` }),
    }));
    const payload = buildGrowthPlan(input({ plan: { meta: META, goals, saved, reflections }, pings }));

    expect(UTF8.encode(JSON.stringify(payload)).length).toBeLessThanOrEqual(JSON_BODY_BUDGET);
    expect(payload.goals).toHaveLength(JSON_LIMITS.goals);
    const keptSaved = [...payload.saved, ...payload.goals.flatMap((entry) => entry.saved)];
    const keptReflections = [...payload.reflections, ...payload.goals.flatMap((entry) => entry.reflections)];
    expect(payload.omitted.saved).toBeGreaterThan(0);
    expect(payload.omitted.reflections).toBeGreaterThan(0);
    expect(payload.omitted.pings).toBeGreaterThan(0);
    expect([keptSaved.length, keptReflections.length, payload.pings.length].every((count) => count > 0)).toBe(true);
    expect(payload.omitted.saved + keptSaved.length).toBe(saved.length);
    expect(payload.omitted.reflections + keptReflections.length).toBe(reflections.length);
    expect(payload.omitted.pings + payload.pings.length).toBe(pings.length);
    expect(payload.pings.length).toBeLessThanOrEqual(JSON_LIMITS.pings);
    // The newest of each kind stays; the oldest goes first.
    expect(payload.pings.at(-1)?.message.startsWith('149 ')).toBe(true);
    expect(payload.pings.some((ping) => ping.message.startsWith('0 '))).toBe(false);
    expect(payload.reflections.at(-1)?.text.startsWith('79 ')).toBe(true);
    expect(payload.saved.at(-1)?.note.startsWith('299 ')).toBe(true);
  });
});
