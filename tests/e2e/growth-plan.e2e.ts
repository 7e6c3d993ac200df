import { saveSchoolSettings } from './support/pages';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { corsEndpoint, readOutbox } from './support/endpoint';
import { localDate, dayAfter } from '../../utils/plan/period';

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const GOAL = 'Give audio feedback on every essay this unit';
const NOTE = 'Tried the rubric on Essay 1: the criteria were too vague.';
const REFLECTION = 'Students read the rubric before writing; fewer questions.';
const PLAN_TABLES = ['goals', 'planSaved', 'reflections', 'planMeta'] as const;

/** Rows in each of the plan's tables, read from IndexedDB in an extension page. */
function countPlanRows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (tables) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('coachmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(tables);
          const counts: Record<string, number> = {};
          for (const table of tables) {
            const request = transaction.objectStore(table).count();
            request.onsuccess = () => (counts[table] = request.result);
          }
          transaction.oncomplete = () => {
            open.result.close();
            resolve(counts);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [...PLAN_TABLES],
  );
}

/** Opens a page card and saves it for the coaching conversation, with a note when given. */
async function saveCard(panel: Page, card: Locator, note?: string): Promise<string> {
  const title = ((await card.locator('.card__toggle > span').first().textContent()) ?? '').trim();
  if ((await card.locator('.card__toggle').getAttribute('aria-expanded')) !== 'true') await card.locator('.card__toggle').click();
  await card.getByRole('button', { name: `Save for my coaching conversation: “${title}”` }).click();
  const form = card.getByRole('form', { name: `Save “${title}” for your coaching conversation` });
  if (note) await form.getByRole('textbox', { name: 'Note for your coach (optional)' }).fill(note);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await card.getByTestId('saved-for-coaching').waitFor();
  return title;
}

describe.skipIf(!shouldRunBrowserTests())('the growth plan in real Chromium', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it('a teacher saves two cards, sets a goal, marks progress, reflects, prepares and sends the summary; the coach reads it; the teacher deletes the plan', async () => {
    corsEndpoint(recorder, '/plans', { status: 200, body: '{}' });
    const studio = await h.openExtensionPage('options.html#settings');
    await saveSchoolSettings(studio, { url: recorder.url('/plans'), format: 'json', name: 'Ms. Rivera', school: 'Lincoln Elementary' });

    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);
    const cards = panel.locator('[data-testid=page-cards] article.card');
    await cards.nth(1).waitFor();

    // Two cards saved, the first with a note.
    const first = await saveCard(panel, cards.nth(0), NOTE);
    const second = await saveCard(panel, cards.nth(1));

    // A goal in her words, about Canvas (the tool she is on is the default), then progress.
    await panel.getByRole('button', { name: 'My plan' }).click();
    const plan = panel.getByRole('region', { name: 'My coaching plan' });
    await plan.getByRole('textbox', { name: 'Your goal' }).fill(GOAL);
    expect(await plan.getByRole('combobox', { name: 'About' }).inputValue()).toBe('canvas');
    await plan.getByRole('button', { name: 'Add goal' }).click();
    const goal = plan.getByTestId('goal');
    await goal.waitFor();
    expect(await goal.locator('.goal__text').textContent()).toBe(GOAL);
    await plan.getByRole('combobox', { name: `Goal for “${first}”` }).selectOption({ label: GOAL });
    await goal
      .getByRole('list', { name: `Saved for “${GOAL}”` })
      .getByText(first)
      .waitFor();
    await plan.getByRole('combobox', { name: `Progress on “${GOAL}”` }).selectOption({ label: 'Trying it' });

    // "This helped" on the first card asks how it went; the answer goes with the goal.
    await plan.getByRole('button', { name: 'Back to cards' }).click();
    const card = cards.nth(0);
    if ((await card.locator('.card__toggle').getAttribute('aria-expanded')) !== 'true') await card.locator('.card__toggle').click();
    await card.getByRole('button', { name: `Feedback on “${first}”` }).click();
    await card.getByRole('button', { name: 'This helped' }).click();
    const reflection = card.getByRole('form', { name: `How did “${first}” go?` });
    await reflection.getByRole('textbox', { name: 'How did it go?' }).fill(REFLECTION);
    await reflection.getByRole('button', { name: 'Save reflection' }).click();
    await card.getByText('Saved in your plan.').waitFor();

    // The meeting is tomorrow: the panel says so once, with the way to prepare.
    await panel.getByRole('button', { name: 'My plan' }).click();
    const tomorrow = dayAfter(localDate(Date.now()));
    await plan.getByLabel('Next coaching meeting').fill(tomorrow);
    await plan.getByRole('button', { name: 'Back to cards' }).click();
    const reminder = panel.getByTestId('meeting-reminder');
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Your coaching meeting is tomorrow');
    await reminder.getByRole('button', { name: 'Prepare for my meeting' }).click();

    // The summary holds exactly what she did: one goal with its progress, the card saved under it
    // with her note, her reflection; the other card; no pings.
    const summary = panel.getByTestId('plan-summary');
    await summary.waitFor();
    const section = (id: string) => summary.locator(`[data-section=${id}] .plan-doc__items > li`);
    const read = async (items: Locator) => (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(await summary.locator('.plan-doc__title').textContent()).toBe('Coaching plan: Ms. Rivera');
    const goals = await read(section('goals'));
    expect(goals).toHaveLength(1);
    expect(goals[0]).toContain(GOAL);
    expect(goals[0]).toContain('Progress: Trying it');
    expect(goals[0]).toContain(`Saved: ${first} Note: ${NOTE}`);
    expect(goals[0]).toContain(REFLECTION);
    expect(await read(section('saved'))).toEqual([second]);
    expect(await section('reflections').count()).toBe(0);
    expect(await section('pings').count()).toBe(0);

    // The file "Download for my coach" saves is the plan as it would be sent.
    const share = panel.getByRole('region', { name: 'Prepare for my meeting' });
    // "Print or save as PDF" opens the same summary on a page of its own.
    const [printed] = await Promise.all([
      h.context.waitForEvent('page'),
      share.getByRole('button', { name: 'Print or save as PDF' }).click(),
    ]);
    const printedSummary = printed.getByTestId('plan-summary');
    await printedSummary.waitFor();
    expect(await printed.locator('.plan-doc__title').textContent()).toBe('Coaching plan: Ms. Rivera');
    expect(await printedSummary.textContent()).toContain(`Saved: ${first} Note: ${NOTE}`);
    expect(await printed.getByRole('button', { name: 'Print or save as PDF' }).count()).toBe(1);
    await printed.close();
    await panel.bringToFront();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      share.getByRole('button', { name: 'Download for my coach (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^coaching-plan-\d{4}-\d\d-\d\d\.json$/);
    const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;

    // Sending shows the preview first; what arrives is what was previewed.
    await share.getByRole('button', { name: 'Send to my coach…' }).click();
    await share.getByRole('heading', { name: 'Check what your coach will receive' }).waitFor();
    expect(recorder.requests.filter((request) => request.path === '/plans' && request.method === 'POST')).toHaveLength(0);
    const fields = share.getByTestId('plan-share-preview-fields');
    expect(await fields.textContent()).toContain(`${GOAL} (Trying it)`);
    const previewed = JSON.parse((await share.getByTestId('plan-share-preview-body').textContent()) ?? '') as Record<string, unknown>;
    await share.getByRole('button', { name: 'Send', exact: true }).click();
    const [request] = await recorder.waitForRequests(1, { path: '/plans', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as Record<string, unknown> & { id: string };
    expect(body).toEqual(previewed);
    expect(downloaded).toEqual(previewed);
    expect(request!.headers['idempotency-key']).toBe(body.id);
    expect(body).toMatchObject({
      type: 'growth-plan',
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      period: { since: null, nextMeeting: tomorrow },
      goals: [
        {
          text: GOAL,
          tool: { id: 'canvas', name: 'Canvas' },
          progress: 'trying',
          saved: [{ note: NOTE, card: { title: first, pack: 'coachmark-starter' } }],
          reflections: [{ text: REFLECTION, card: { title: first } }],
        },
      ],
      saved: [{ note: '', card: { title: second } }],
      reflections: [],
      pings: [],
      omitted: { saved: 0, reflections: 0, pings: 0 },
    });
    // No page address, no page content.
    expect(request!.body).not.toMatch(/instructure|speed_grader|student_id/);
    await expect.poll(() => share.getByTestId('plan-share-result').textContent(), { timeout: 10_000 }).toMatch(/^Sent to /);
    await share.getByRole('button', { name: 'Close' }).click();
    // Back in the plan, the last plan sent says how it went.
    await expect.poll(() => plan.getByTestId('plan-last-shared').getAttribute('data-state'), { timeout: 5_000 }).toBe('sent');

    // The coach imports the plan as the endpoint logged it and reads her goal and its progress.
    const logged = join(mkdtempSync(join(tmpdir(), 'coachmark-plans-')), 'endpoint.jsonl');
    writeFileSync(logged, `${request!.body}\n`);
    await studio.bringToFront();
    await studio.getByRole('tab', { name: 'Plans' }).click();
    await studio.getByLabel('Import shared plans').setInputFiles(logged);
    const shared = studio.getByTestId('shared-plan');
    await shared.waitFor();
    expect(await shared.count()).toBe(1);
    expect(await shared.textContent()).toContain('Ms. Rivera');
    const sharedGoal = shared.getByRole('list', { name: 'Goals' }).getByRole('listitem');
    expect(await sharedGoal.textContent()).toContain(GOAL);
    expect(await sharedGoal.textContent()).toContain('Trying it');

    // "Delete my plan" removes everything: the plan's tables and the shared copy in the outbox.
    await panel.bringToFront();
    expect(Object.values(await countPlanRows(panel)).every((count) => count > 0)).toBe(true);
    await plan.getByRole('button', { name: 'Delete my plan' }).click();
    await plan.getByRole('button', { name: 'Delete everything' }).click();
    await plan.getByText('Your plan was deleted.').waitFor();
    expect(await countPlanRows(panel)).toEqual({ goals: 0, planSaved: 0, reflections: 0, planMeta: 0 });
    expect((await readOutbox(panel)).filter((item) => item.kind === 'growth-plan')).toEqual([]);
    expect(await plan.getByTestId('goal').count()).toBe(0);
    expect(await plan.getByTestId('saved-entry').count()).toBe(0);
    expect(await plan.getByTestId('plan-last-shared').count()).toBe(0);
    expect(await panel.getByTestId('meeting-reminder').count()).toBe(0);
  });
});
