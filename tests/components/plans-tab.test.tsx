import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PlansTab } from '../../components/studio/PlansTab';
import { STUDIO_TABS } from '../../components/studio/Studio';
import type { GrowthPlanPayload } from '../../utils/endpoints/types';
import { db } from '../../utils/platform/db';
import { importSharedPlans, teacherKey } from '../../utils/plan/shared';
import { gapFlag, growthPlan, helpRequest } from '../support/payloads';

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const ZOE: Partial<GrowthPlanPayload> = {
  id: 'zoe-1',
  teacher: { name: 'Zoe Park' },
  period: { since: null, nextMeeting: null },
  goals: [
    {
      id: 'z1',
      text: 'Use Nearpod polls every week',
      tool: { id: 'nearpod', name: 'Nearpod' },
      progress: 'done',
      saved: [],
      reflections: [],
    },
  ],
  saved: [],
  reflections: [],
  pings: [],
};

function jsonLines(...values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('\n');
}

async function importFile(text: string, name = 'plans.jsonl') {
  const input = screen.getByLabelText('Import shared plans') as HTMLInputElement;
  expect(input.accept.split(',')).toEqual(expect.arrayContaining(['.json', '.jsonl', '.txt']));
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/plain' })] } });
}

const result = () => screen.getByTestId('plans-import-result');
const entries = () => screen.queryAllByTestId('shared-plan');

describe('Studio: Plans', () => {
  it('comes right after Gaps', () => {
    expect(STUDIO_TABS.indexOf('plans')).toBe(STUDIO_TABS.indexOf('gaps') + 1);
  });

  it('says it shows only shared plans, and that nothing was imported yet', async () => {
    render(<PlansTab />);
    expect(await screen.findByText(/No shared plans yet/)).toBeTruthy();
    expect(screen.getByText('Only plans that teachers chose to share with you, and that you imported here, are shown.')).toBeTruthy();
    expect(entries()).toEqual([]);
  });

  it("imports an endpoint's log and shows each teacher with their goals' tools and progress, and the whole plan on request", async () => {
    render(<PlansTab />);
    const older = growthPlan({ id: 'maya-0', createdAt: '2026-11-03T10:00:00.000Z', goals: [] });
    await importFile(jsonLines(helpRequest(), older, growthPlan(), gapFlag(), growthPlan(ZOE)));
    await waitFor(() => expect(result().textContent).toBe('Imported 3 plans. Skipped 2 other payloads (not plans).'));

    await waitFor(() => expect(entries()).toHaveLength(2));
    const [maya, zoe] = entries() as [HTMLElement, HTMLElement];
    expect(within(maya).getByRole('heading', { level: 3 }).textContent).toBe('Maya LopezLincoln Elementary');
    expect(maya.textContent).toContain('2 plans shared (the newest is shown)');
    expect(maya.textContent).toMatch(/Next meeting: .*Dec.*3/);
    const goals = within(maya)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('plans-goal'))
      .map((item) => item.textContent);
    expect(goals).toEqual([
      'Give rubric feedback in SpeedGrader within a weekCanvas (comfort: New to it)Progress: Trying it',
      'Feedback within a weekA practice, not one toolProgress: Not started',
    ]);
    expect(maya.textContent).toContain('3 saved items');
    expect(maya.textContent).toContain('2 reflections');
    expect(maya.textContent).toContain('2 pings');
    expect(zoe.textContent).toContain('Zoe Park');
    expect(zoe.textContent).toContain('No next meeting set');
    expect(zoe.textContent).toContain('Progress: Done');
    expect(zoe.textContent).toContain('0 saved items');

    // The whole plan: saved items with notes, reflections and pings, as text.
    expect(within(maya).queryByTestId('shared-plan-details')).toBeNull();
    const expand = within(maya).getByRole('button', { name: 'Show Maya Lopez’s whole plan' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    const details = await within(maya).findByTestId('shared-plan-details');
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    expect(expand.getAttribute('aria-controls')).toBe(details.id);
    for (const text of [
      'Card “Leave rubric comments” (canvas-basics), saved',
      'Note: Try this with 5th period',
      'Ping about Canvas › SpeedGrader sent',
      'Note: Ask about this in our meeting',
      'The rubric saved me an hour of grading.',
      'Card “Hide grades until you post them” (starter)',
      'Students liked seeing the rubric first.',
      'Nearpod · urgency: This week',
      'How do I export the session report for one class only?',
    ]) {
      expect(details.textContent).toContain(text);
    }
    expect(within(details).getByRole('heading', { name: 'Pings since the last meeting' })).toBeTruthy();
    fireEvent.click(within(maya).getByRole('button', { name: 'Hide Maya Lopez’s whole plan' }));
    await waitFor(() => expect(within(maya).queryByTestId('shared-plan-details')).toBeNull());

    // The same log again adds nothing.
    await importFile(jsonLines(helpRequest(), older, growthPlan(), gapFlag(), growthPlan(ZOE)));
    await waitFor(() => expect(result().textContent).toBe('Imported 0 plans. 3 were already here. Skipped 2 other payloads (not plans).'));
    expect(await db.sharedPlans.count()).toBe(3);
  });

  it('lists bad entries by line with the fields to blame, storing none of them and keeping what was there', async () => {
    await importSharedPlans([growthPlan(ZOE)], db, 1000);
    render(<PlansTab />);
    await waitFor(() => expect(entries()).toHaveLength(1));

    const bad = { ...growthPlan({ id: 'bad' }), period: { since: 'November', nextMeeting: null } } as Record<string, unknown>;
    const goals = growthPlan().goals.map((goal, index) => (index === 1 ? { ...goal, progress: 'halfway' } : goal));
    await importFile(
      jsonLines(growthPlan({ id: 'good', teacher: { name: 'Ana Ruiz' } }), bad, { ...growthPlan({ id: 'worse' }), goals }) + '\n{oops',
    );
    await waitFor(() => expect(result().textContent).toContain('Imported 1 plan.'));
    expect(result().textContent).toContain('3 entries could not be read and were not imported:');
    const items = within(result())
      .getAllByRole('listitem')
      .filter((item) => item.parentElement?.classList.contains('plans__errors'));
    expect(items.map((item) => item.querySelector('.plans__error-place')?.textContent)).toEqual(['Line 2', 'Line 3', 'Line 4']);
    expect(items[0]!.textContent).toContain('period.since: must be a date written YYYY-MM-DD');
    expect(within(items[1]!).getByText('goals[1].progress').tagName).toBe('CODE');
    expect(items[1]!.textContent).toContain(
      'goals[1].progress: must be one of not-started, trying, getting-there, done, not the string "halfway"',
    );
    expect(items[2]!.textContent).toMatch(/^Line 4not valid JSON/);

    expect((await db.sharedPlans.orderBy('id').primaryKeys()).sort()).toEqual(['good', 'zoe-1']);
    await waitFor(() => expect(entries().map((entry) => entry.textContent?.split('Shared')[0])).toEqual(['Ana Ruiz', 'Zoe Park']));

    // A file that is not JSON at all: nothing imported, nothing lost.
    await importFile('{\n  "type": "growth-plan",\n  "id": \n}', 'plan.json');
    await waitFor(() => expect(result().textContent).toMatch(/The file.*file: invalid JSON at line 4, column 1 \(expected a value\)/));
    expect(result().textContent).toContain('Imported 0 plans.');
    expect(await db.sharedPlans.count()).toBe(2);
  });

  it("deletes a teacher's plans only after the coach confirms", async () => {
    await importSharedPlans(
      [
        growthPlan({ id: 'm1' }),
        growthPlan({ id: 'm2', createdAt: '2026-11-01T10:00:00.000Z', teacher: { name: 'maya lopez', school: 'Lincoln Elementary' } }),
        growthPlan(ZOE),
      ],
      db,
    );
    render(<PlansTab />);
    await waitFor(() => expect(entries()).toHaveLength(2));
    const maya = entries()[0]!;

    fireEvent.click(within(maya).getByRole('button', { name: 'Delete Maya Lopez’s plans' }));
    const question = await within(maya).findByRole('group');
    expect(question.textContent).toContain('Delete 2 plans shared by Maya Lopez from this device?');
    const cancel = within(question).getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(within(maya).queryByRole('group')).toBeNull());
    expect(await db.sharedPlans.count()).toBe(3);

    fireEvent.click(within(maya).getByRole('button', { name: 'Delete Maya Lopez’s plans' }));
    fireEvent.click(await within(maya).findByRole('button', { name: 'Yes, delete Maya Lopez’s plans' }));
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(entries()[0]!.textContent).toContain('Zoe Park');
    expect(screen.getByText('Deleted Maya Lopez’s plans.')).toBeTruthy();
    expect(
      await db.sharedPlans
        .where('teacherKey')
        .equals(teacherKey({ name: 'Maya Lopez', school: 'Lincoln Elementary' }))
        .count(),
    ).toBe(0);
    expect((await db.sharedPlans.toArray()).map((record) => record.id)).toEqual(['zoe-1']);
  });
});
