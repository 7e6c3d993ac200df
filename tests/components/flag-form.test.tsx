import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { CardFeedbackMenu } from '../../components/panel/CardFeedbackMenu';
import { Panel } from '../../components/panel/Panel';
import { db, toCardRecord } from '../../utils/platform/db';
import { saveSettings } from '../../utils/settings/settings';
import { saveTabState } from '../../utils/tabs/tab-state';
import { watchKeptRequests } from '../../utils/outbox/kept.background';
import { SPEEDGRADER, ENDPOINT, card, previewBody, kicks, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

describe('Flag a gap', () => {
  it('defaults to "No card for this page", offers this page\'s failed searches, previews, and sends through the outbox', async () => {
    await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'json', teacherName: 'Ms. Rivera' });
    await db.searchMisses.bulkAdd([
      { query: 'hide grades', tool: 'canvas', context: 'speedgrader', at: 2 },
      { query: 'student 4242 essay', tool: 'canvas', context: 'speedgrader', at: 3 },
      { query: 'modules', tool: 'canvas', context: 'modules', at: 4 },
    ]);
    await saveTabState(SPEEDGRADER);
    render(<Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Flag a gap' }));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect((within(form).getByRole('radio', { name: 'No card for this page' }) as HTMLInputElement).checked).toBe(true);
    expect(
      within(form)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement!.textContent!.trim()),
    ).toEqual(['No card for this page', 'My search found nothing']);
    // The teacher can leave out a search before it is sent.
    const searches = within(form).getByRole('group', { name: 'Searches on this page that found nothing' });
    expect(
      within(searches)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement!.textContent!.trim()),
    ).toEqual(['“student 4242 essay”', '“hide grades”']);
    fireEvent.click(within(searches).getByRole('checkbox', { name: '“student 4242 essay”' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note (optional)' }), {
      target: { value: 'How do I hide grades until I post them?' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));

    const shown = previewBody(form);
    expect(shown).toMatchObject({
      type: 'gap-flag',
      kind: 'missing',
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
      note: 'How do I hide grades until I post them?',
      searches: ['hide grades'],
      teacher: { name: 'Ms. Rivera' },
    });
    expect(within(form).getByText(/To hooks\.district\.example as Generic JSON/).textContent).toBe(
      'To hooks.district.example as Generic JSON:',
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Send flag' }));

    await waitFor(async () => expect(await db.outbox.get(shown.id)).toBeDefined());
    const item = (await db.outbox.get(shown.id))!;
    // Exactly the previewed object goes to the outbox.
    expect(item.payload).toEqual(shown);
    expect(item.endpoint).toEqual({ url: ENDPOINT, format: 'json' });
    expect(await db.gaps.get(shown.id)).toMatchObject({
      origin: 'mine',
      status: 'open',
      kind: 'missing',
      tool: 'canvas',
      context: 'speedgrader',
    });
    await waitFor(() => expect(kicks).toContainEqual({ reason: 'gap' }));
    expect((await screen.findByTestId('flag-result')).textContent).toContain('Flag saved.');
    // It is listed under "Your requests" in the help bar, once.
    fireEvent.click(await screen.findByRole('button', { name: 'Your requests' }));
    const myFlags = await screen.findByRole('region', { name: 'My flags' });
    expect(within(myFlags).getAllByTestId('my-flag')).toHaveLength(1);
    expect(screen.queryAllByTestId('outbox-item')).toHaveLength(0);
    expect(within(myFlags).getByTestId('my-flag').textContent).toContain('Canvas › SpeedGrader — No card for this page');
  });

  it('without an endpoint keeps the flag on the device and says it will be sent later', async () => {
    await saveTabState(SPEEDGRADER);
    render(<Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Flag a gap' }));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(form.textContent).toContain('your flag stays on this device and goes out as soon as the chat is connected');
    // No search failed here: the one reason that applies is said, not offered as a choice of one.
    expect(within(form).queryAllByRole('radio')).toHaveLength(0);
    expect(within(form).getByTestId('flag-kind').textContent).toBe('What is missing? No card for this page');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(form.textContent).toContain('Kept on this device until your school connects its chat');
    const id = previewBody(form).id;
    fireEvent.click(within(form).getByRole('button', { name: 'Keep flag' }));
    await waitFor(async () => expect(await db.gaps.get(id)).toBeDefined());
    expect(await db.outbox.count()).toBe(0);
    expect(within(form).getByRole('status').textContent).toContain('Flag kept on this device');
    fireEvent.click(await screen.findByRole('button', { name: 'Your requests' }));
    const entry = await screen.findByTestId('my-flag');
    expect(entry.dataset.state).toBe('open');
    expect(entry.textContent).toContain('Kept on this device until your school connects its chat');

    // Once the school sets an endpoint, the background's watcher queues the kept flag.
    let queued = 0;
    const stop = watchKeptRequests(db, () => queued++);
    try {
      await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'json' });
      await waitFor(async () => expect((await db.outbox.get(id))?.payload.id).toBe(id));
      expect(queued).toBe(1);
      expect((await db.outbox.get(id))!.endpoint).toEqual({ url: ENDPOINT, format: 'json' });
    } finally {
      stop();
    }
  });

  it('"This card is out of date" opens the form about that card', async () => {
    await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'slack' });
    const record = toCardRecord('district', card('rubric', ['speedgrader'], { title: 'Grade with a rubric', version: 3 }));
    render(<CardFeedbackMenu card={record} id="card-rubric" tabState={SPEEDGRADER} />);
    fireEvent.click(screen.getByRole('button', { name: 'Feedback on “Grade with a rubric”' }));
    fireEvent.click(screen.getByRole('button', { name: 'This card is out of date: Grade with a rubric' }));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(form.textContent).toContain('About the card “Grade with a rubric”');
    expect((within(form).getByRole('radio', { name: 'This card is out of date' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    // Slack format: the preview is the Slack message, titled as a gap flag.
    const body = within(form).getByTestId('flag-preview-body').textContent!;
    expect(body).toContain('Gap flagged: Canvas › SpeedGrader — card out of date');
    expect(body).toContain('Grade with a rubric (district v3)');
    fireEvent.click(within(form).getByRole('button', { name: 'Send flag' }));
    await waitFor(async () => expect(await db.gaps.count()).toBe(1));
    const [gap] = await db.gaps.toArray();
    expect(gap).toMatchObject({ kind: 'outdated', cardKey: 'district/rubric', cardId: 'rubric', cardVersion: 3 });
    expect(gap!.payload?.card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3 });
  });
  it("without a tab state passed in, the card's form finds the panel's tab itself", async () => {
    await saveTabState(SPEEDGRADER);
    const record = toCardRecord('district', card('rubric', ['speedgrader'], { title: 'Grade with a rubric' }));
    render(<CardFeedbackMenu card={record} id="card-rubric" />);
    const menu = screen.getByRole('button', { name: 'Feedback on “Grade with a rubric”' });
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: "This card didn't help: Grade with a rubric" }));
    // The menu closes; the mark is kept on this device, and the form offers to tell the coach.
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    await waitFor(async () => expect((await db.feedback.get(record.key))?.helpful).toBe('no'));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(previewBody(form)).toMatchObject({
      kind: 'unhelpful',
      page: { context: 'speedgrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
      card: { id: 'rubric', pack: 'district', version: 1 },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Back' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Flag a gap' })).toBeNull());
  });
});
