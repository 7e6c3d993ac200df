import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Panel } from '../../components/panel/Panel';
import { PlanView } from '../../components/panel/PlanView';
import { replacePack } from '../../utils/cards/store';
import { db } from '../../utils/platform/db';
import { saveTabState } from '../../utils/tabs/tab-state';
import { addGoal, saveCard } from '../../utils/plan/store';
import { dayAfter, localDate, PLAN_META_ID } from '../../utils/plan/period';
import type { GrowthPlanPayload } from '../../utils/endpoints/types';
import { SPEEDGRADER, card, pack, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

const RUBRIC = 'Grade with a rubric';

async function panelWithCards() {
  await replacePack(
    pack('1', [card('rubric', ['speedgrader'], { title: RUBRIC }), card('comments', ['speedgrader'], { title: 'Leave audio feedback' })]),
    {
      kind: 'local',
    },
  );
  await saveTabState(SPEEDGRADER);
  render(<Panel />);
  await screen.findByRole('button', { name: new RegExp(RUBRIC) });
}

async function openCard(title: string): Promise<HTMLElement> {
  const toggle = screen.getByRole('button', { name: new RegExp(title) });
  fireEvent.click(toggle);
  const article = toggle.closest('article')!;
  await within(article).findByRole('button', { name: `Feedback on “${title}”` });
  return article;
}

describe('the coaching plan in the panel', () => {
  it('saves an open card with a note, says so on the card, and removes it again', async () => {
    await panelWithCards();
    const article = await openCard(RUBRIC);
    fireEvent.click(await within(article).findByRole('button', { name: `Save for my coaching conversation: “${RUBRIC}”` }));
    const form = within(article).getByRole('form', { name: `Save “${RUBRIC}” for your coaching conversation` });
    const note = within(form).getByRole('textbox', { name: 'Note for your coach (optional)' });
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: '  Criteria too vague on Essay 1  ' } });
    fireEvent.submit(form);

    const saved = await within(article).findByTestId('saved-for-coaching');
    expect(saved.textContent).toContain('Saved for your coaching conversation');
    expect(saved.textContent).toContain('Criteria too vague on Essay 1');
    const [record] = await db.planSaved.toArray();
    expect(record).toMatchObject({ note: 'Criteria too vague on Essay 1', goalId: null, card: { key: 'district/rubric', title: RUBRIC } });

    fireEvent.click(within(article).getByRole('button', { name: `Remove “${RUBRIC}” from your plan` }));
    await within(article).findByRole('button', { name: `Save for my coaching conversation: “${RUBRIC}”` });
    expect(await db.planSaved.count()).toBe(0);
  });

  it('says why a save failed and keeps the form open with the note', async () => {
    await panelWithCards();
    const article = await openCard(RUBRIC);
    fireEvent.click(await within(article).findByRole('button', { name: `Save for my coaching conversation: “${RUBRIC}”` }));
    const form = within(article).getByRole('form', { name: `Save “${RUBRIC}” for your coaching conversation` });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note for your coach (optional)' }), { target: { value: 'Keep me' } });
    const put = vi.spyOn(db.planSaved, 'put').mockRejectedValueOnce(new Error('the disk went away'));
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Could not save: the disk went away');
    expect((within(form).getByRole('textbox', { name: 'Note for your coach (optional)' }) as HTMLTextAreaElement).value).toBe('Keep me');
    put.mockRestore();
    expect(await db.planSaved.count()).toBe(0);
  });

  it('asks how it went after "This helped", and keeps the answer with the goal the card is saved under', async () => {
    await panelWithCards();
    const goal = await addGoal({ text: 'Rubrics on every essay', tool: 'canvas' });
    await saveCard({ key: 'district/rubric', id: 'rubric', title: RUBRIC, pack: 'district', tools: ['canvas'] }, { goalId: goal.id });
    const article = await openCard(RUBRIC);
    fireEvent.click(within(article).getByRole('button', { name: `Feedback on “${RUBRIC}”` }));
    fireEvent.click(within(article).getByRole('button', { name: 'This helped' }));
    const form = within(article).getByRole('form', { name: `How did “${RUBRIC}” go?` });
    fireEvent.input(within(form).getByRole('textbox', { name: 'How did it go?' }), { target: { value: 'Fewer questions from students.' } });
    fireEvent.submit(form);
    await within(article).findByText('Saved in your plan.');
    const [reflection] = await db.reflections.toArray();
    expect(reflection).toMatchObject({
      text: 'Fewer questions from students.',
      goalId: goal.id,
      source: 'helped',
      card: { key: 'district/rubric' },
    });
  });

  it('"Not now" on the reflection stores nothing', async () => {
    await panelWithCards();
    const article = await openCard(RUBRIC);
    fireEvent.click(within(article).getByRole('button', { name: `Feedback on “${RUBRIC}”` }));
    fireEvent.click(within(article).getByRole('button', { name: 'This helped' }));
    fireEvent.click(within(article).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(within(article).queryByRole('form', { name: `How did “${RUBRIC}” go?` })).toBeNull());
    expect(await db.reflections.count()).toBe(0);
  });

  it('reminds the teacher the day before the meeting, once: "Not now" puts it away for that meeting', async () => {
    const tomorrow = dayAfter(localDate(Date.now()));
    await db.planMeta.put({ id: PLAN_META_ID, nextMeeting: tomorrow, lastMeeting: null });
    await panelWithCards();
    const reminder = await screen.findByTestId('meeting-reminder');
    expect(reminder.textContent).toContain('Your coaching meeting is tomorrow');
    fireEvent.click(within(reminder).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByTestId('meeting-reminder')).toBeNull());
    expect((await db.planMeta.get(PLAN_META_ID))?.reminderDismissed).toBe(tomorrow);
  });
});

describe('the plan view', () => {
  it('refuses an empty goal, naming what is missing, and adds one in the teacher’s words', async () => {
    render(<PlanView tool="canvas" start="plan" onClose={() => {}} />);
    const region = await screen.findByRole('region', { name: 'My coaching plan' });
    fireEvent.click(within(region).getByRole('button', { name: 'Add goal' }));
    expect(await within(region).findByText('Write your goal in a few words.')).toBeTruthy();
    expect(await db.goals.count()).toBe(0);

    fireEvent.input(within(region).getByRole('textbox', { name: 'Your goal' }), { target: { value: 'Audio feedback on every essay' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Add goal' }));
    const goal = await within(region).findByTestId('goal');
    expect(goal.textContent).toContain('Audio feedback on every essay');
    expect(within(region).getByText('Added your goal “Audio feedback on every essay” above.').getAttribute('role')).toBe('status');
    expect(goal.textContent).toContain('Canvas');
    fireEvent.change(within(goal).getByRole('combobox', { name: 'Progress on “Audio feedback on every essay”' }), {
      target: { value: 'getting-there' },
    });
    await waitFor(async () => expect((await db.goals.toArray())[0]?.progress).toBe('getting-there'));
  });

  it('prepares the summary, previews it, and keeps it on this device when no endpoint is set', async () => {
    await addGoal({ text: 'Audio feedback on every essay', tool: 'canvas' });
    render(<PlanView tool="canvas" start="summary" onClose={() => {}} />);
    const share = await screen.findByRole('region', { name: 'Prepare for my meeting' });
    const summary = within(share).getByTestId('plan-summary');
    expect(summary.textContent).toContain('Audio feedback on every essay');
    expect(summary.textContent).toContain('Progress: Not started');
    expect(within(share).getByText(/hasn't connected Coachmark to its chat yet/)).toBeTruthy();

    fireEvent.click(within(share).getByRole('button', { name: 'Send to my coach…' }));
    await within(share).findByRole('heading', { name: 'Check what your coach will receive' });
    expect(within(share).getByTestId('plan-share-preview-fields').textContent).toContain('Audio feedback on every essay (Not started)');
    const previewed = JSON.parse(within(share).getByTestId('plan-share-preview-body').textContent!) as GrowthPlanPayload;
    expect(previewed).toMatchObject({ type: 'growth-plan', goals: [{ text: 'Audio feedback on every essay', progress: 'not-started' }] });
    expect(await db.outbox.count()).toBe(0);

    fireEvent.click(within(share).getByRole('button', { name: 'Keep until connected' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ kind: 'growth-plan', status: 'held', endpoint: null });
    expect(item!.payload).toEqual(previewed);
  });

  it('"Delete my plan" asks first, then removes goals, saved items and reflections', async () => {
    const goal = await addGoal({ text: 'Audio feedback', tool: 'canvas' });
    await saveCard(
      { key: 'district/rubric', id: 'rubric', title: RUBRIC, pack: 'district', tools: ['canvas'] },
      { goalId: goal.id, note: 'n' },
    );
    render(<PlanView tool="canvas" start="plan" onClose={() => {}} />);
    const region = await screen.findByRole('region', { name: 'My coaching plan' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Delete my plan' }));
    expect(await db.goals.count()).toBe(1);
    const confirm = within(region).getByRole('button', { name: 'Delete everything' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await within(region).findByText('Your plan was deleted.');
    expect([await db.goals.count(), await db.planSaved.count(), await db.reflections.count()]).toEqual([0, 0, 0]);
  });
});
