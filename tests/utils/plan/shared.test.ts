import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GrowthPlanPayload } from '../../../utils/endpoints/types';
import { CoachmarkDB } from '../../../utils/platform/db';
import { deleteTeacherPlans, importSharedPlans, latestPlanPerTeacher, parseSharedPlans, teacherKey } from '../../../utils/plan/shared';
import { gapFlag, helpRequest } from '../../support/payloads';

function plan(id: string, overrides: Partial<GrowthPlanPayload> = {}): GrowthPlanPayload {
  return {
    type: 'growth-plan',
    id,
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
            note: 'Ask about colors',
            card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district' },
          },
        ],
        reflections: [],
      },
    ],
    saved: [],
    reflections: [{ at: '2026-11-26T08:00:00.000Z', text: 'The walkthrough helped.' }],
    pings: [],
    omitted: { saved: 0, reflections: 0, pings: 0 },
    ...overrides,
  };
}

const line = (value: unknown) => JSON.stringify(value);

describe('teacherKey', () => {
  it('is the same however the name and school were typed, and keeps accents', () => {
    const key = teacherKey({ name: 'Maya López', school: 'Lincoln Elementary' });
    expect(teacherKey({ name: '  maya   LÓPEZ ', school: 'LINCOLN elementary ' })).toBe(key);
    // The same accent written as a base letter and a combining mark.
    expect(teacherKey({ name: 'Maya Lo\u0301pez', school: 'Lincoln Elementary' })).toBe(key);
    expect(teacherKey({ name: 'Maya Lopez', school: 'Lincoln Elementary' })).not.toBe(key);
    expect(teacherKey({ name: 'Maya López', school: 'Roosevelt Middle' })).not.toBe(key);
    expect(teacherKey({ name: 'Maya López' })).toBe(teacherKey({ name: 'maya lópez', school: '  ' }));
  });

  it('cannot be confused by a name that holds the school', () => {
    expect(teacherKey({ name: 'Ann Lee', school: 'X' })).not.toBe(teacherKey({ name: 'Ann', school: 'Lee X' }));
    expect(teacherKey({ name: 'Ann\nLee' })).not.toBe(teacherKey({ name: 'Ann', school: 'Lee' }));
  });
});

describe('parseSharedPlans', () => {
  it('reads a file that is one plan, pretty-printed as a teacher downloads it', () => {
    const result = parseSharedPlans(`\uFEFF${JSON.stringify(plan('a'), null, 2)}\n`);
    expect(result).toEqual({ format: 'object', plans: [plan('a')], errors: [], skipped: 0, duplicates: 0 });
  });

  it('reports a broken single plan as the file, with where its syntax breaks, and keeps nothing', () => {
    const text = JSON.stringify(plan('a'), null, 2).replace('"goals": [', '"goals": [,');
    const result = parseSharedPlans(text);
    expect(result.plans).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.place).toEqual({ kind: 'file' });
    expect(result.errors[0]!.errors[0]).toMatch(/^file: invalid JSON at line \d+, column \d+/);
  });

  it('reads an array of plans, naming a bad one by its index and the line it starts on', () => {
    const bad = { ...plan('b'), goals: [{ ...plan('b').goals[0]!, progress: 'halfway' }] };
    const text = JSON.stringify([plan('a'), bad, helpRequest(), plan('c')], null, 2);
    const result = parseSharedPlans(text);
    expect(result.format).toBe('array');
    expect(result.plans.map((entry) => entry.id)).toEqual(['a', 'c']);
    expect(result.skipped).toBe(1);
    expect(result.errors).toHaveLength(1);
    // Each entry of the array opens with a line "  {": the second one is plan b's.
    const entryStarts = text.split('\n').flatMap((row, index) => (row === '  {' ? [index + 1] : []));
    expect(result.errors[0]).toEqual({
      place: { kind: 'entry', index: 1, line: entryStarts[1] },
      errors: ['goals[0].progress: must be one of not-started, trying, getting-there, done, not the string "halfway"'],
    });
  });

  it('reads JSON lines as the endpoint logs them: other payload types skipped and counted, bad lines reported, good ones kept', () => {
    const lines = [
      line(helpRequest()),
      line(plan('a')),
      '',
      '{"type":"growth-plan","id":"broken"',
      line(gapFlag()),
      line({ ...plan('b'), period: { since: 'last month', nextMeeting: null }, pings: 'none' }),
      line(plan('a')),
      line({ id: 'no-type' }),
      line({ ...plan('c'), extra: 'dropped' }),
    ];
    const result = parseSharedPlans(`${lines.join('\r\n')}\r\n`);
    expect(result.format).toBe('jsonl');
    expect(result.plans).toEqual([plan('a'), plan('c')]);
    expect(result.skipped).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.errors.map((error) => error.place)).toEqual([
      { kind: 'line', line: 4 },
      { kind: 'line', line: 6 },
      { kind: 'line', line: 8 },
    ]);
    expect(result.errors[0]!.errors[0]).toMatch(/^not valid JSON/);
    expect(result.errors[1]!.errors).toEqual([
      'period.since: must be a date written YYYY-MM-DD, for example "2026-12-10"',
      'pings: must be an array, not the string "none"',
    ]);
    expect(result.errors[2]!.errors).toContain('type: is missing (expected "growth-plan")');
  });

  it('reads JSON lines whose first line is broken, line by line', () => {
    const result = parseSharedPlans(['{"type":"growth-plan"', line(plan('a'))].join('\n'));
    expect(result.format).toBe('jsonl');
    expect(result.plans.map((entry) => entry.id)).toEqual(['a']);
    expect(result.errors.map((error) => error.place)).toEqual([{ kind: 'line', line: 1 }]);
  });

  it('says an empty file is empty', () => {
    expect(parseSharedPlans('  \n').errors[0]!.errors[0]).toMatch(/^file: is empty/);
  });
});

describe('shared plans in the database', () => {
  let database: CoachmarkDB;
  let counter = 0;
  beforeEach(async () => {
    database = new CoachmarkDB(`shared-plans-${++counter}`);
    await database.open();
  });
  afterEach(async () => {
    await database.delete();
  });

  it('stores each plan once, counting those already there', async () => {
    expect(await importSharedPlans([plan('a'), plan('b'), plan('a')], database, 1000)).toEqual({ added: 2, known: 1 });
    expect(await importSharedPlans([plan('b'), plan('c')], database, 2000)).toEqual({ added: 1, known: 1 });
    const stored = await database.sharedPlans.orderBy('id').toArray();
    expect(stored.map((record) => [record.id, record.receivedAt])).toEqual([
      ['a', 1000],
      ['b', 1000],
      ['c', 2000],
    ]);
    expect(stored[0]).toEqual({ id: 'a', teacherKey: teacherKey(plan('a').teacher), receivedAt: 1000, payload: plan('a') });
  });

  it('gives each teacher who shared their newest plan and how many they shared, by name', async () => {
    const maya = (id: string, createdAt: string, name = 'Maya López') =>
      plan(id, { createdAt, teacher: { name, school: 'Lincoln Elementary' } });
    await importSharedPlans(
      [
        maya('m1', '2026-11-12T10:00:00.000Z'),
        maya('m3', '2026-12-08T10:00:00.000Z', 'maya lópez'),
        maya('m2', '2026-11-26T10:00:00.000Z'),
        plan('z1', { teacher: { name: 'Zoe Park' } }),
        plan('b1', { teacher: { name: 'Ben Okafor', school: 'Roosevelt Middle' } }),
        // Another Maya López, at another school: another teacher.
        plan('m9', { teacher: { name: 'Maya López', school: 'Washington High' } }),
      ],
      database,
      5000,
    );
    const teachers = await latestPlanPerTeacher(database);
    expect(
      teachers.map((entry) => [entry.latest.payload.teacher.name, entry.latest.payload.teacher.school, entry.latest.id, entry.count]),
    ).toEqual([
      ['Ben Okafor', 'Roosevelt Middle', 'b1', 1],
      ['maya lópez', 'Lincoln Elementary', 'm3', 3],
      ['Maya López', 'Washington High', 'm9', 1],
      ['Zoe Park', undefined, 'z1', 1],
    ]);
  });

  it("deletes one teacher's plans and no one else's", async () => {
    await importSharedPlans(
      [
        plan('a'),
        plan('b', { teacher: { name: 'MAYA LÓPEZ', school: 'Lincoln Elementary' } }),
        plan('c', { teacher: { name: 'Zoe Park' } }),
      ],
      database,
    );
    expect(await deleteTeacherPlans(database, teacherKey({ name: 'Maya López', school: 'Lincoln Elementary' }))).toBe(2);
    expect((await database.sharedPlans.toArray()).map((record) => record.id)).toEqual(['c']);
    expect((await latestPlanPerTeacher(database)).map((entry) => entry.teacherKey)).toEqual([teacherKey({ name: 'Zoe Park' })]);
  });

  it('keeps what is stored when a file is bad', async () => {
    await importSharedPlans([plan('a')], database, 1000);
    const parsed = parseSharedPlans(
      [line({ ...plan('b'), goals: 'none' }), line({ ...plan('a'), teacher: { name: 'Someone else' } })].join('\n'),
    );
    expect(parsed.errors).toHaveLength(1);
    expect(await importSharedPlans(parsed.plans, database, 2000)).toEqual({ added: 0, known: 1 });
    expect(await database.sharedPlans.toArray()).toEqual([
      { id: 'a', teacherKey: teacherKey(plan('a').teacher), receivedAt: 1000, payload: plan('a') },
    ]);
  });
});
