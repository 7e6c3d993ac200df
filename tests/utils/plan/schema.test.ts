import { describe, expect, it } from 'vitest';
import type { GrowthPlanPayload } from '../../../utils/endpoints/types';
import { parseGrowthPlan, SHARED_PLAN_LIMITS } from '../../../utils/plan/schema';
import { growthPlan } from '../../support/payloads';

/** A plan with every kind of entry, each optional field both present and absent somewhere. */
function plan(overrides: Partial<GrowthPlanPayload> = {}): GrowthPlanPayload {
  return {
    type: 'growth-plan',
    id: '3b8f0c1e-9a2d-4e5f-8b7c-6d5e4f3a2b1c',
    createdAt: '2026-12-08T16:20:00.000Z',
    teacher: { name: 'Maya López', school: 'Lincoln Elementary' },
    period: { since: '2026-11-13', nextMeeting: '2026-12-10' },
    goals: [
      {
        id: 'g1',
        text: 'Give feedback with a rubric in SpeedGrader',
        tool: { id: 'canvas', name: 'Canvas' },
        comfort: 'new',
        progress: 'trying',
        saved: [
          {
            savedAt: '2026-11-20T10:00:00.000Z',
            note: 'Ask about the rubric colors',
            card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district' },
          },
        ],
        reflections: [{ at: '2026-11-25T15:00:00.000Z', text: 'Took 10 minutes for one class.' }],
      },
      { id: 'g2', text: 'Feedback within a week', tool: null, progress: 'not-started', saved: [], reflections: [] },
    ],
    saved: [
      {
        savedAt: '2026-11-22T09:00:00.000Z',
        note: '',
        ping: {
          createdAt: '2026-11-21T14:05:00.000Z',
          tool: { id: 'nearpod', name: 'Nearpod' },
          page: 'Reports',
          message: 'How do I export one class only?',
        },
      },
    ],
    reflections: [
      { at: '2026-11-26T08:00:00.000Z', text: 'The walkthrough helped.', card: { id: 'quiz', title: 'Make a quiz', pack: 'district' } },
    ],
    pings: [
      {
        createdAt: '2026-11-21T14:05:00.000Z',
        tool: { id: 'nearpod', name: 'Nearpod' },
        page: null,
        message: 'How do I export one class only?',
        urgency: 'today',
      },
    ],
    omitted: { saved: 0, reflections: 2, pings: 0 },
    ...overrides,
  };
}

type Path = Array<string | number>;
const DELETE = Symbol('delete');

/** A copy of the plan with each path set to its value (or deleted). */
function broken(...edits: Array<[Path, unknown]>): unknown {
  const value = JSON.parse(JSON.stringify(plan())) as Record<string | number, unknown>;
  for (const [path, replacement] of edits) {
    const parent = path.slice(0, -1).reduce((node, key) => node[key] as Record<string | number, unknown>, value);
    const last = path[path.length - 1]!;
    if (replacement === DELETE) delete parent[last];
    else parent[last] = replacement;
  }
  return value;
}

function errorsOf(value: unknown): string[] {
  const result = parseGrowthPlan(value);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.errors;
}

describe('parseGrowthPlan', () => {
  it('keeps a valid plan exactly as it was sent', () => {
    const sent = plan();
    const result = parseGrowthPlan(JSON.parse(JSON.stringify(sent)));
    expect(result).toEqual({ ok: true, plan: sent });
  });

  it('keeps the plan a teacher sends, as the shared test payload has it', () => {
    expect(parseGrowthPlan(JSON.parse(JSON.stringify(growthPlan())))).toEqual({ ok: true, plan: growthPlan() });
  });

  it('keeps a plan before the first meeting, from a teacher without a school or a name', () => {
    const sent = plan({
      teacher: { name: '' },
      period: { since: null, nextMeeting: null },
      goals: [],
      saved: [],
      reflections: [],
      pings: [],
    });
    expect(parseGrowthPlan(sent)).toEqual({ ok: true, plan: sent });
  });

  it('drops fields the payload does not document, at every level', () => {
    const value = broken(
      [['extra'], 'dropped'],
      [['teacher', 'email'], 'maya@lincoln.example.org'],
      [['goals', 0, 'secret'], true],
      [['goals', 0, 'saved', 0, 'card', 'body'], 'the whole card text'],
      [['pings', 0, 'page_url'], 'https://lincoln.instructure.com/courses/1?student_id=4'],
      [['omitted', 'total'], 2],
    );
    expect(parseGrowthPlan(value)).toEqual({ ok: true, plan: plan() });
  });

  it('reads an optional field a receiver stored as null as absent', () => {
    const value = broken(
      [['teacher', 'school'], null],
      [['goals', 1, 'comfort'], null],
      [['saved', 0, 'card'], null],
      [['reflections', 0, 'card'], null],
    );
    const result = parseGrowthPlan(value);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.teacher).toEqual({ name: 'Maya López' });
    expect('comfort' in result.plan.goals[1]!).toBe(false);
    expect('card' in result.plan.saved[0]!).toBe(false);
    expect(result.plan.reflections[0]).toEqual({ at: '2026-11-26T08:00:00.000Z', text: 'The walkthrough helped.' });
  });

  it('names the path of each kind of bad field', () => {
    const value = broken(
      [['goals', 1, 'progress'], 'halfway'],
      [['goals', 0, 'comfort'], 'guru'],
      [['goals', 0, 'saved', 0, 'savedAt'], 'last Tuesday'],
      [['goals', 0, 'reflections', 0, 'text'], 42],
      [['period', 'nextMeeting'], '2026-02-30'],
      [['pings', 0, 'urgency'], 'asap'],
      [['reflections', 0, 'card', 'pack'], ''],
      [['omitted', 'pings'], -1],
      [['saved', 0, 'ping', 'message'], DELETE],
    );
    expect(errorsOf(value).sort()).toEqual(
      [
        'goals[1].progress: must be one of not-started, trying, getting-there, done, not the string "halfway"',
        'goals[0].comfort: must be one of new, comfortable, expert, not the string "guru"',
        'goals[0].saved[0].savedAt: must be a date and time such as 2026-11-24T14:32:05.120Z',
        'goals[0].reflections[0].text: must be a string, not the number 42',
        'period.nextMeeting: must be a date written YYYY-MM-DD, for example "2026-12-10"',
        'pings[0].urgency: must be one of now, today, this-week, not the string "asap"',
        'reflections[0].card.pack: must not be empty',
        'omitted.pings: must not be negative',
        'saved[0].ping.message: is missing (expected a string)',
      ].sort(),
    );
  });

  it('refuses another payload type, or something that is not a plan at all', () => {
    expect(errorsOf({ ...plan(), type: 'gap-flag' })).toEqual(['type: must be "growth-plan", not the string "gap-flag"']);
    expect(errorsOf([plan()])).toEqual(['plan: must be a growth plan (a JSON object with "type": "growth-plan"), not an array']);
    expect(errorsOf('plan')[0]).toMatch(/^plan: must be a growth plan/);
    const missing = errorsOf({ type: 'growth-plan' });
    expect(missing).toContain('id: is missing (expected a string)');
    expect(missing).toContain('goals: is missing (expected an array)');
  });

  it('bounds counts, and is generous with lengths', () => {
    const goals = Array.from({ length: SHARED_PLAN_LIMITS.goals + 1 }, (_, index) => ({ ...plan().goals[1]!, id: `g${index}` }));
    expect(errorsOf({ ...plan(), goals })).toEqual([
      `goals: must have at most ${SHARED_PLAN_LIMITS.goals} entries (it has ${SHARED_PLAN_LIMITS.goals + 1})`,
    ]);
    const pings = Array.from({ length: SHARED_PLAN_LIMITS.entries + 1 }, () => plan().pings[0]!);
    expect(errorsOf({ ...plan(), pings })[0]).toMatch(/^pings: must have at most 1000 entries/);

    // A receiver that kept a long note uncut: the plan still reads.
    const long = 'A long reflection. '.repeat(500);
    expect(parseGrowthPlan({ ...plan(), reflections: [{ at: '2026-11-26T08:00:00.000Z', text: long }] }).ok).toBe(true);
    const tooLong = 'x'.repeat(SHARED_PLAN_LIMITS.text + 1);
    expect(errorsOf({ ...plan(), reflections: [{ at: '2026-11-26T08:00:00.000Z', text: tooLong }] })).toEqual([
      `reflections[0].text: must be at most ${SHARED_PLAN_LIMITS.text} characters (it has ${SHARED_PLAN_LIMITS.text + 1})`,
    ]);
  });
});
