import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { EMPTY_META } from '../../../utils/plan/period';
import {
  GoalError,
  MAX_GOALS,
  PLAN_TEXT_LIMITS,
  addGoal,
  addReflection,
  deletePlan,
  dismissReminder,
  exportPlan,
  isPlanEmpty,
  readMeta,
  readPlan,
  removeGoal,
  removeReflection,
  removeSaved,
  rollPeriod,
  saveCard,
  savePing,
  setNextMeeting,
  updateGoal,
  updateSaved,
} from '../../../utils/plan/store';
import { cardRecord, gapRecord, outboxItem, planGoal, planReflection, planSavedCard } from '../../support/factories';
import { gapFlag, growthPlan, helpRequest } from '../../support/payloads';

/** Local noon on a day: the same calendar day in every time zone. */
function at(date: string, hour = 12): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, hour).getTime();
}

const T0 = at('2026-11-10');
const rubric = cardRecord({ id: 'grade-with-rubric', title: 'Grade with a rubric in SpeedGrader' });
const comments = cardRecord({ id: 'leave-comments', title: 'Leave audio comments' });

let database: CoachmarkDB;
let counter = 0;
beforeEach(async () => {
  database = new CoachmarkDB(`plan-store-${++counter}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

describe('saving for the coaching conversation', () => {
  it('keeps one record per card: saving again updates its note and goal, not its place in the list', async () => {
    const first = await saveCard(rubric, { note: 'Try with 5th period' }, database, T0);
    const second = await saveCard(rubric, { note: 'Ask about rubric colors', goalId: 'goal-1' }, database, T0 + 1000);
    expect(await database.planSaved.toArray()).toEqual([second]);
    expect(second).toMatchObject({ id: first.id, savedAt: T0, note: 'Ask about rubric colors', goalId: 'goal-1' });
    expect(second.card).toEqual({
      key: 'district/grade-with-rubric',
      id: 'grade-with-rubric',
      title: 'Grade with a rubric in SpeedGrader',
      pack: 'district',
      tools: ['canvas'],
    });
  });

  it('keeps the note and goal when saved again without them, and unlinks with goalId null', async () => {
    await saveCard(rubric, { note: 'Keep me', goalId: 'goal-1' }, database, T0);
    expect(await saveCard(rubric, {}, database, T0 + 1)).toMatchObject({ note: 'Keep me', goalId: 'goal-1' });
    expect(await saveCard(rubric, { goalId: null }, database, T0 + 2)).toMatchObject({ note: 'Keep me', goalId: null });
    expect(await database.planSaved.count()).toBe(1);
  });

  it('keeps a record per card when two cards are saved', async () => {
    await saveCard(rubric, {}, database, T0);
    await saveCard(comments, {}, database, T0 + 1);
    expect((await database.planSaved.toArray()).map((record) => record.card?.key).sort()).toEqual([
      'district/grade-with-rubric',
      'district/leave-comments',
    ]);
  });

  it('copies the words of a sent ping, so the plan keeps them once the outbox forgets the ping', async () => {
    const payload = helpRequest({
      id: 'ping-1',
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: '/courses/:id/gradebook/speed_grader' },
      message: 'Where do rubric comments show for students?',
    });
    const item = outboxItem({ id: 'ping-1', createdAt: T0 - 5000, status: 'sent', payload });
    await database.outbox.add(item);
    const saved = await savePing({ ...item, payload }, { note: 'Ask Ana' }, database, T0);
    await database.outbox.delete('ping-1');
    expect(await database.planSaved.get(saved.id)).toEqual({
      id: saved.id,
      savedAt: T0,
      note: 'Ask Ana',
      goalId: null,
      ping: {
        id: 'ping-1',
        createdAt: T0 - 5000,
        tool: { id: 'canvas', name: 'Canvas' },
        page: 'SpeedGrader',
        message: 'Where do rubric comments show for students?',
      },
    });
  });

  it('keeps one record per ping, updated when saved again', async () => {
    const item = { id: 'ping-1', createdAt: T0, payload: helpRequest({ id: 'ping-1' }) };
    const first = await savePing(item, {}, database, T0);
    const again = await savePing(item, { note: 'Now with a note', goalId: 'goal-1' }, database, T0 + 1);
    expect(await database.planSaved.toArray()).toEqual([again]);
    expect(again).toMatchObject({ id: first.id, savedAt: T0, note: 'Now with a note', goalId: 'goal-1' });
  });

  it('trims notes and cuts them at the note limit, when saving and when editing', async () => {
    const long = `  ${'n'.repeat(PLAN_TEXT_LIMITS.note + 200)}  `;
    const saved = await saveCard(rubric, { note: long }, database, T0);
    expect(saved.note).toBe('n'.repeat(PLAN_TEXT_LIMITS.note));
    const ping = await savePing({ id: 'p', createdAt: T0, payload: helpRequest({ id: 'p' }) }, { note: '  ask this \n' }, database, T0);
    expect(ping.note).toBe('ask this');
    await updateSaved(saved.id, { note: `\t${'e'.repeat(PLAN_TEXT_LIMITS.note + 1)}` }, database);
    expect((await database.planSaved.get(saved.id))?.note).toBe('e'.repeat(PLAN_TEXT_LIMITS.note));
    await updateSaved(saved.id, { goalId: 'goal-2' }, database);
    expect(await database.planSaved.get(saved.id)).toMatchObject({ note: 'e'.repeat(PLAN_TEXT_LIMITS.note), goalId: 'goal-2' });
  });

  it('removes a saved item', async () => {
    const saved = await saveCard(rubric, {}, database, T0);
    await removeSaved(saved.id, database);
    expect(await database.planSaved.count()).toBe(0);
  });
});

describe('goals', () => {
  it('adds a goal in the trimmed words, not started, at the time given', async () => {
    const goal = await addGoal({ text: '  Give audio feedback on every essay \n', tool: 'canvas' }, database, T0);
    expect(goal).toEqual({
      id: goal.id,
      text: 'Give audio feedback on every essay',
      tool: 'canvas',
      progress: 'not-started',
      createdAt: T0,
    });
    expect(await database.goals.get(goal.id)).toEqual(goal);
    const practice = await addGoal({ text: 'Feedback within a week', tool: null }, database, T0);
    expect(practice.tool).toBeNull();
  });

  it('cuts goal text at the goal limit', async () => {
    const goal = await addGoal({ text: 'g'.repeat(PLAN_TEXT_LIMITS.goal + 50), tool: null }, database, T0);
    expect(goal.text).toBe('g'.repeat(PLAN_TEXT_LIMITS.goal));
    await updateGoal(goal.id, { text: ` ${'h'.repeat(PLAN_TEXT_LIMITS.goal + 1)} ` }, database, T0);
    expect((await database.goals.get(goal.id))?.text).toBe('h'.repeat(PLAN_TEXT_LIMITS.goal));
  });

  it('refuses a goal with no words, adding or editing, and stores nothing', async () => {
    await expect(addGoal({ text: '   \n\t', tool: 'canvas' }, database, T0)).rejects.toMatchObject({ reason: 'empty' });
    await expect(addGoal({ text: '', tool: null }, database, T0)).rejects.toBeInstanceOf(GoalError);
    expect(await database.goals.count()).toBe(0);
    const goal = await addGoal({ text: 'Keep these words', tool: null }, database, T0);
    await expect(updateGoal(goal.id, { text: '  ' }, database, T0 + 1)).rejects.toMatchObject({ reason: 'empty' });
    expect((await database.goals.get(goal.id))?.text).toBe('Keep these words');
  });

  it(`holds at most ${MAX_GOALS} goals`, async () => {
    for (let index = 0; index < MAX_GOALS; index++) await addGoal({ text: `Goal ${index}`, tool: null }, database, T0 + index);
    await expect(addGoal({ text: 'One too many', tool: null }, database, T0)).rejects.toMatchObject({ reason: 'too-many' });
    expect(await database.goals.count()).toBe(MAX_GOALS);
    await removeGoal((await database.goals.toCollection().first())!.id, database);
    await expect(addGoal({ text: 'Room again', tool: null }, database, T0)).resolves.toMatchObject({ text: 'Room again' });
  });

  it('records when progress changed, and only when it did', async () => {
    const goal = await addGoal({ text: 'Use rubrics', tool: 'canvas' }, database, T0);
    await updateGoal(goal.id, { text: 'Use rubrics on every essay', tool: null }, database, T0 + 1);
    expect(await database.goals.get(goal.id)).not.toHaveProperty('progressAt');
    await updateGoal(goal.id, { progress: 'trying' }, database, T0 + 2);
    expect(await database.goals.get(goal.id)).toMatchObject({
      text: 'Use rubrics on every essay',
      tool: null,
      progress: 'trying',
      progressAt: T0 + 2,
    });
    await updateGoal(goal.id, { text: 'Use rubrics on every essay this unit' }, database, T0 + 3);
    expect(await database.goals.get(goal.id)).toMatchObject({ progress: 'trying', progressAt: T0 + 2 });
    await updateGoal(goal.id, { progress: 'done' }, database, T0 + 4);
    expect(await database.goals.get(goal.id)).toMatchObject({ progress: 'done', progressAt: T0 + 4 });
  });

  it('removes a goal and keeps what was linked to it, linked to nothing', async () => {
    await database.goals.bulkAdd([planGoal({ id: 'g1' }), planGoal({ id: 'g2', text: 'Another goal' })]);
    await database.planSaved.bulkAdd([
      planSavedCard({ id: 's1', goalId: 'g1', note: 'Linked to g1' }),
      planSavedCard({ id: 's2', goalId: 'g2', card: { ...planSavedCard().card!, key: 'district/other', id: 'other' } }),
    ]);
    await database.reflections.bulkAdd([planReflection({ id: 'r1', goalId: 'g1' }), planReflection({ id: 'r2', goalId: 'g2' })]);
    await removeGoal('g1', database);
    expect((await database.goals.toArray()).map((goal) => goal.id)).toEqual(['g2']);
    expect(await database.planSaved.get('s1')).toMatchObject({ goalId: null, note: 'Linked to g1' });
    expect(await database.planSaved.get('s2')).toMatchObject({ goalId: 'g2' });
    expect(await database.reflections.get('r1')).toMatchObject({ goalId: null, text: planReflection().text });
    expect(await database.reflections.get('r2')).toMatchObject({ goalId: 'g2' });
  });
});

describe('reflections', () => {
  it('links a reflection on a card to the goal the card is saved under', async () => {
    await saveCard(rubric, { goalId: 'g1' }, database, T0);
    const reflection = await addReflection({ text: '  It saved me an hour. ', card: rubric, source: 'helped' }, database, T0 + 1);
    expect(reflection).toEqual({
      id: reflection!.id,
      at: T0 + 1,
      text: 'It saved me an hour.',
      goalId: 'g1',
      source: 'helped',
      card: { key: rubric.key, id: rubric.id, title: rubric.title, pack: 'district', tools: ['canvas'] },
    });
    expect(await database.reflections.get(reflection!.id)).toEqual(reflection);
  });

  it('links to no goal when the card is not saved, or saved under none', async () => {
    expect(await addReflection({ text: 'Not saved', card: comments, source: 'walkthrough' }, database, T0)).toMatchObject({ goalId: null });
    await saveCard(rubric, {}, database, T0);
    expect(await addReflection({ text: 'Saved, no goal', card: rubric, source: 'helped' }, database, T0)).toMatchObject({ goalId: null });
  });

  it('takes the goal it is given over the one the card is saved under', async () => {
    await saveCard(rubric, { goalId: 'g1' }, database, T0);
    expect(await addReflection({ text: 'For g2', card: rubric, goalId: 'g2', source: 'plan' }, database, T0)).toMatchObject({
      goalId: 'g2',
    });
    expect(await addReflection({ text: 'For none', card: rubric, goalId: null, source: 'plan' }, database, T0)).toMatchObject({
      goalId: null,
    });
    const plain = await addReflection({ text: 'About my week', source: 'plan' }, database, T0);
    expect(plain).toMatchObject({ goalId: null, source: 'plan' });
    expect(plain).not.toHaveProperty('card');
  });

  it('stores nothing for a reflection with no words, and cuts a long one at the reflection limit', async () => {
    expect(await addReflection({ text: '  \n ', card: rubric, source: 'helped' }, database, T0)).toBeNull();
    expect(await database.reflections.count()).toBe(0);
    const long = await addReflection({ text: 'r'.repeat(PLAN_TEXT_LIMITS.reflection + 10), source: 'plan' }, database, T0);
    expect(long?.text).toBe('r'.repeat(PLAN_TEXT_LIMITS.reflection));
    await removeReflection(long!.id, database);
    expect(await database.reflections.count()).toBe(0);
  });
});

describe('meeting dates', () => {
  it('sets, moves and clears the next meeting, keeping the last one', async () => {
    expect(await readMeta(database)).toEqual(EMPTY_META);
    await database.planMeta.put({ ...EMPTY_META, lastMeeting: '2026-11-03' });
    await setNextMeeting('2026-12-10', database);
    expect(await readMeta(database)).toEqual({ id: 'plan', lastMeeting: '2026-11-03', nextMeeting: '2026-12-10' });
    await setNextMeeting(null, database);
    expect(await readMeta(database)).toEqual({ id: 'plan', lastMeeting: '2026-11-03', nextMeeting: null });
  });

  it('refuses a day that does not exist, naming it, and changes nothing', async () => {
    await setNextMeeting('2026-12-10', database);
    await expect(setNextMeeting('2026-02-30', database)).rejects.toThrow('"2026-02-30"');
    await expect(setNextMeeting('12/10/2026', database)).rejects.toThrow('"12/10/2026"');
    expect((await readMeta(database)).nextMeeting).toBe('2026-12-10');
  });

  it('remembers which meeting the reminder was put away for', async () => {
    await setNextMeeting('2026-12-10', database);
    await dismissReminder('2026-12-10', database);
    expect(await readMeta(database)).toMatchObject({ nextMeeting: '2026-12-10', reminderDismissed: '2026-12-10' });
  });

  it('rolls the period once the meeting day is over, once', async () => {
    expect(await rollPeriod(database, at('2026-12-11'))).toBe(false);
    await setNextMeeting('2026-12-10', database);
    await dismissReminder('2026-12-10', database);
    expect(await rollPeriod(database, at('2026-12-10', 23))).toBe(false);
    expect((await readMeta(database)).nextMeeting).toBe('2026-12-10');
    expect(await rollPeriod(database, at('2026-12-11', 0))).toBe(true);
    expect(await readMeta(database)).toEqual({ id: 'plan', lastMeeting: '2026-12-10', nextMeeting: null });
    expect(await rollPeriod(database, at('2026-12-12'))).toBe(false);
    expect(await readMeta(database)).toEqual({ id: 'plan', lastMeeting: '2026-12-10', nextMeeting: null });
  });
});

describe('reading, exporting and deleting the plan', () => {
  /** A plan with something in every table, stored out of order. */
  async function fillPlan(): Promise<void> {
    const g2 = await addGoal({ text: 'Feedback within a week', tool: null }, database, T0 + 20);
    const g1 = await addGoal({ text: 'Give audio feedback on every essay', tool: 'canvas' }, database, T0 + 10);
    await updateGoal(g1.id, { progress: 'trying' }, database, T0 + 30);
    await saveCard(comments, { goalId: g1.id, note: 'Try with 5th period' }, database, T0 + 50);
    await saveCard(rubric, {}, database, T0 + 40);
    await savePing({ id: 'ping-1', createdAt: T0, payload: helpRequest({ id: 'ping-1' }) }, { goalId: g2.id }, database, T0 + 45);
    await addReflection({ text: 'Students listened to the comments', card: comments, source: 'helped' }, database, T0 + 70);
    await addReflection({ text: 'A calmer week', source: 'plan' }, database, T0 + 60);
    await database.planMeta.put({ ...EMPTY_META, lastMeeting: '2026-11-03' });
    await setNextMeeting('2026-12-10', database);
  }

  it('reads every list oldest first', async () => {
    await fillPlan();
    const plan = await readPlan(database);
    expect(plan.goals.map((goal) => goal.createdAt)).toEqual([T0 + 10, T0 + 20]);
    expect(plan.saved.map((entry) => entry.savedAt)).toEqual([T0 + 40, T0 + 45, T0 + 50]);
    expect(plan.reflections.map((entry) => entry.at)).toEqual([T0 + 60, T0 + 70]);
    expect(plan.meta).toEqual({ id: 'plan', lastMeeting: '2026-11-03', nextMeeting: '2026-12-10' });
  });

  it('is empty with nothing stored, and not once a meeting date alone is set', async () => {
    expect(isPlanEmpty(await readPlan(database))).toBe(true);
    await setNextMeeting('2026-12-10', database);
    expect(isPlanEmpty(await readPlan(database))).toBe(false);
  });

  it('exports everything it stores, as stored, and the export survives a trip through JSON', async () => {
    await fillPlan();
    const exported = await exportPlan(database, Date.parse('2026-12-01T16:45:00.000Z'));
    expect(exported).toEqual({
      format: 'coachmark-growth-plan',
      version: 1,
      exportedAt: '2026-12-01T16:45:00.000Z',
      goals: await database.goals.orderBy('createdAt').toArray(),
      saved: await database.planSaved.orderBy('savedAt').toArray(),
      reflections: await database.reflections.orderBy('at').toArray(),
      meeting: { next: '2026-12-10', last: '2026-11-03' },
    });
    expect([exported.goals.length, exported.saved.length, exported.reflections.length]).toEqual([2, 3, 2]);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it("deletes goals, saved items, reflections, dates and the plan's outbox copies, and nothing else", async () => {
    await fillPlan();
    await dismissReminder('2026-12-10', database);
    const cards = [rubric, comments];
    const keep = [
      outboxItem({ id: 'help-1', status: 'sent', sentAt: T0 }),
      outboxItem({ id: 'help-2', status: 'queued' }),
      outboxItem({ id: 'flag-1', payload: gapFlag({ id: 'flag-1' }) }),
    ];
    const plans = [
      outboxItem({ id: 'plan-1', payload: growthPlan({ id: 'plan-1' }), status: 'sent', sentAt: T0 }),
      outboxItem({ id: 'plan-2', payload: growthPlan({ id: 'plan-2' }), status: 'held', endpoint: null }),
      outboxItem({ id: 'plan-3', payload: growthPlan({ id: 'plan-3' }), status: 'failed', attempts: 5 }),
    ];
    await database.cards.bulkAdd(cards);
    await database.outbox.bulkAdd([...keep, ...plans]);
    await database.gaps.add(gapRecord());
    await database.feedback.add({ cardKey: rubric.key, known: true });
    expect(plans.map((item) => item.kind)).toEqual(['growth-plan', 'growth-plan', 'growth-plan']);

    await deletePlan(database);

    expect(await database.goals.count()).toBe(0);
    expect(await database.planSaved.count()).toBe(0);
    expect(await database.reflections.count()).toBe(0);
    expect(await database.planMeta.count()).toBe(0);
    expect(await readMeta(database)).toEqual(EMPTY_META);
    expect(isPlanEmpty(await readPlan(database))).toBe(true);
    expect(await database.outbox.orderBy('id').toArray()).toEqual([...keep].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await database.cards.orderBy('key').toArray()).toEqual(cards);
    expect(await database.gaps.toArray()).toEqual([gapRecord()]);
    expect(await database.feedback.toArray()).toEqual([{ cardKey: rubric.key, known: true }]);
  });
});
