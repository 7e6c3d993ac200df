import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AddressedNotice } from '../../components/panel/AddressedNotice';
import { CardFlagButtons } from '../../components/panel/CardFlagButtons';
import { MyFlags } from '../../components/panel/MyFlags';
import { Panel } from '../../components/panel/Panel';
import { GapsTab } from '../../components/studio/GapsTab';
import { importPack } from '../../utils/cards/import';
import { replacePack } from '../../utils/cards/store';
import type { Card, Pack } from '../../utils/cards/schema';
import * as make from '../support/factories';
import { db, toCardRecord, type GapRecord } from '../../utils/platform/db';
import type { GapFlagPayload } from '../../utils/endpoints/types';
import { parseGapImport } from '../../utils/gaps/import';
import { gapRecordFromPayload } from '../../utils/gaps/records';
import { saveMyFlag } from '../../utils/gaps/store';
import { saveSettings } from '../../utils/settings/settings';
import { saveTabState, type TabState } from '../../utils/tabs/tab-state';

const TAB = 42;
const SPEEDGRADER: TabState = {
  tabId: TAB,
  url: 'https://district.instructure.com/courses/12345/gradebook/speed_grader?assignment_id=9&student_id=4242',
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1,
};
const ENDPOINT = 'https://hooks.district.example/coachmark';

function card(id: string, contexts: string[], extra: Partial<Card> = {}): Card {
  return make.card({ id, title: `Card ${id}`, contexts, ...extra });
}

function pack(version: string, cards: Card[]): Pack {
  return make.pack({ id: 'district', name: 'District pack', version, cards });
}

function payload(id: string, extra: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return {
    type: 'gap-flag',
    id,
    createdAt: '2026-11-24T10:00:00.000Z',
    teacher: { name: 'Ms. Rivera' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
    mentors: [],
    kind: 'missing',
    note: '',
    searches: [],
    ...extra,
  };
}

let kicks: unknown[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  await db.delete();
  await db.open();
  kicks = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== 'panelKicksOutbox') return undefined;
      kicks.push(message.data);
      sendResponse({ res: undefined });
      return true;
    },
  );
  window.history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
});
afterEach(cleanup);

function previewBody(container: HTMLElement = document.body): GapFlagPayload {
  return JSON.parse(within(container).getByTestId('flag-preview-body').textContent!) as GapFlagPayload;
}

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
    const myFlags = await screen.findByRole('region', { name: 'My flags' });
    expect(within(myFlags).getByTestId('my-flag').textContent).toContain('Canvas › SpeedGrader — No card for this page');
  });

  it('without an endpoint keeps the flag on the device and says it will be sent later', async () => {
    await saveTabState(SPEEDGRADER);
    render(<Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Flag a gap' }));
    const form = await screen.findByRole('region', { name: 'Flag a gap' });
    expect(form.textContent).toContain('your flag stays on this device and is sent when your school sets one up');
    // No search failed here: only "No card for this page" is offered.
    expect(within(form).getAllByRole('radio')).toHaveLength(1);
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    expect(form.textContent).toContain('Kept on this device until an endpoint is set up');
    const id = previewBody(form).id;
    fireEvent.click(within(form).getByRole('button', { name: 'Keep flag' }));
    await waitFor(async () => expect(await db.gaps.get(id)).toBeDefined());
    expect(await db.outbox.count()).toBe(0);
    expect(within(form).getByRole('status').textContent).toContain('Flag kept on this device');
    const entry = await screen.findByTestId('my-flag');
    expect(entry.dataset.state).toBe('open');
    expect(entry.textContent).toContain('Kept on this device until your school sets up an endpoint');

    // Once the school sets an endpoint, the kept flag goes to the outbox.
    await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'json' });
    await waitFor(async () => expect((await db.outbox.get(id))?.payload.id).toBe(id));
    await waitFor(() => expect(kicks).toContainEqual({ reason: 'gap' }));
  });

  it('"This card is out of date" opens the form about that card', async () => {
    await saveSettings({ endpointUrl: ENDPOINT, endpointFormat: 'slack' });
    const record = toCardRecord('district', card('rubric', ['speedgrader'], { title: 'Grade with a rubric', version: 3 }));
    render(<CardFlagButtons card={record} tabState={SPEEDGRADER} />);
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
    render(<CardFlagButtons card={record} />);
    const button = screen.getByRole('button', { name: "This card didn't help: Grade with a rubric" });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
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

describe('My flags and the addressed notice', () => {
  it("says each flag's state in words", async () => {
    await replacePack(pack('1', [card('sg-new', ['speedgrader'], { title: 'Hide grades until you post them' })]), { kind: 'local' });
    const mine = (id: string, extra: Partial<GapRecord>) => ({
      ...gapRecordFromPayload(payload(id), { origin: 'mine', baseline: [{ key: 'district/sg-new' }] }),
      ...extra,
    });
    await db.gaps.bulkAdd([
      mine('waiting', { createdAt: 5 }),
      mine('queued', { createdAt: 4, queuedAt: 4 }),
      mine('sent', { createdAt: 3, status: 'sent', queuedAt: 3 }),
      mine('addressed', { createdAt: 2, status: 'addressed', addressedByCardKey: 'district/sg-new', addressedAt: 10, addressedSeenAt: 11 }),
      mine('resolved', { createdAt: 1, status: 'resolved' }),
      { ...gapRecordFromPayload(payload('imported'), { origin: 'imported' }) },
    ]);
    await db.outbox.add({
      id: 'queued',
      kind: 'gap-flag',
      payload: payload('queued'),
      endpoint: { url: ENDPOINT, format: 'json' },
      status: 'queued',
      attempts: 0,
      createdAt: 4,
      nextAttemptAt: 4,
    });
    render(<MyFlags />);
    await waitFor(() => expect(screen.getAllByTestId('my-flag')).toHaveLength(5));
    const entries = screen.getAllByTestId('my-flag');
    expect(entries.map((entry) => entry.dataset.state)).toEqual(['open', 'open', 'sent', 'addressed', 'resolved']);
    expect(entries[0]!.textContent).toContain('Open Kept on this device until your school sets up an endpoint');
    expect(entries[1]!.textContent).toContain('Open Waiting to send to hooks.district.example');
    expect(entries[2]!.textContent).toContain('Sent');
    expect(entries[3]!.textContent).toContain('Addressed New card: “Hide grades until you post them”');
    expect(entries[4]!.textContent).toContain('Resolved');
  });

  it('turns a flag "Addressed" when a pack brings a card for the page, says so once, and shows the card', async () => {
    await importPack(pack('1.0.0', [card('sg-comment', ['speedgrader'], { title: 'Leave feedback' })]), { kind: 'local' });
    await saveMyFlag(payload('f1'), null);
    await saveTabState(SPEEDGRADER);
    const view = render(<Panel />);
    const entry = await screen.findByTestId('my-flag');
    expect(entry.dataset.state).toBe('open');

    await importPack(
      pack('1.1.0', [
        card('sg-comment', ['speedgrader'], { title: 'Leave feedback' }),
        card('sg-hide', ['speedgrader'], { title: 'Hide grades until you post them' }),
      ]),
      { kind: 'local' },
    );
    await waitFor(() => expect(screen.getByTestId('my-flag').dataset.state).toBe('addressed'));
    expect(screen.getByTestId('my-flag').textContent).toContain('Addressed New card: “Hide grades until you post them”');
    const notice = await screen.findByRole('region', { name: 'Answers to your flags' });
    expect(within(notice).getByRole('status').textContent).toBe('Your flag about SpeedGrader has a new card');
    // The new card is right under the notice, closed until the teacher opens it.
    expect(
      within(notice)
        .getByRole('button', { name: /Hide grades until you post them/ })
        .getAttribute('aria-expanded'),
    ).toBe('false');
    await waitFor(async () => expect((await db.gaps.get('f1'))?.addressedSeenAt).toBeDefined());
    expect(await db.gaps.get('f1')).toMatchObject({ status: 'addressed', addressedByCardKey: 'district/sg-hide' });

    // Said once: a new panel does not say it again.
    view.unmount();
    render(<Panel />);
    await screen.findByTestId('my-flag');
    expect(screen.getByTestId('addressed-notice').textContent).toBe('');
  });

  it('announces an updated card for a "didn\'t help" flag only in its tool', async () => {
    await importPack(pack('1', [card('rubric', ['speedgrader'], { title: 'Grade with a rubric', version: 2 })]), { kind: 'local' });
    await db.gaps.add({
      ...gapRecordFromPayload(
        payload('u', { kind: 'unhelpful', card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 1 } }),
        { origin: 'mine' },
      ),
      status: 'addressed',
      addressedAt: 5,
      addressedByCardKey: 'district/rubric',
    });
    const view = render(<AddressedNotice detection={{ tool: 'seesaw', context: 'journal' }} />);
    await new Promise((wait) => setTimeout(wait, 50));
    expect(screen.getByTestId('addressed-notice').textContent).toBe('');
    expect((await db.gaps.get('u'))?.addressedSeenAt).toBeUndefined();
    view.rerender(<AddressedNotice detection={{ tool: 'canvas', context: 'modules' }} />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('The card you flagged, “Grade with a rubric”, has been updated'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByTestId('addressed-notice').textContent).toBe('');
  });
});

describe('Studio: Gaps', () => {
  async function seed() {
    await replacePack(
      pack('1', [
        card('old', ['speedgrader'], { title: 'Old SpeedGrader card', reviewBy: '2020-01-01' }),
        card('fresh', ['modules'], { title: 'Fresh card', reviewBy: '2999-01-01' }),
        card('rubric', ['speedgrader'], { title: 'Grade with a rubric' }),
      ]),
      { kind: 'local' },
    );
    await db.gaps.bulkAdd([
      gapRecordFromPayload(payload('a', { note: 'First note', createdAt: '2026-11-20T10:00:00.000Z', searches: ['hide grades'] }), {
        origin: 'imported',
      }),
      gapRecordFromPayload(payload('b', { note: 'Newest note', createdAt: '2026-11-22T10:00:00.000Z' }), { origin: 'mine' }),
      gapRecordFromPayload(
        payload('c', {
          kind: 'unhelpful',
          card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 1 },
          createdAt: '2026-11-21T10:00:00.000Z',
        }),
        { origin: 'imported' },
      ),
      gapRecordFromPayload(
        payload('d', { tool: { id: 'seesaw', name: 'Seesaw' }, page: { context: 'journal', name: 'Journal', url: '' } }),
        { origin: 'imported' },
      ),
    ]);
    await db.searchMisses.add({
      query: 'mute assignment',
      tool: 'canvas',
      context: 'speedgrader',
      at: Date.parse('2026-11-23T10:00:00.000Z'),
    });
    await db.feedback.add({ cardKey: 'district/rubric', helpful: 'no' });
  }

  it('groups flags by tool and page with counts, the newest note and searches, and links to the card editor', async () => {
    await seed();
    render(<GapsTab />);
    const rows = await screen.findAllByTestId('gap-group');
    expect(rows.map((row) => row.dataset.place)).toEqual(['canvas/speedgrader', 'seesaw/journal']);
    const speedgrader = rows[0]!;
    expect(within(speedgrader).getByRole('rowheader').textContent).toBe('Canvas › SpeedGrader');
    expect(speedgrader.textContent).toContain('3 flags, 3 not resolved');
    expect(speedgrader.textContent).toContain('No card for this page: 2');
    expect(speedgrader.textContent).toContain('Cards flagged: Grade with a rubric (1)');
    expect(speedgrader.textContent).toContain('Newest note');
    expect(speedgrader.textContent).not.toContain('First note');
    expect(speedgrader.textContent).toContain('“hide grades”');
    expect(speedgrader.textContent).toContain('“mute assignment”');
    const write = within(speedgrader).getByRole('link', { name: 'Write a card for this: Canvas › SpeedGrader' });
    expect(write.getAttribute('href')).toBe('#cards?tool=canvas&context=speedgrader');

    fireEvent.click(within(speedgrader).getByRole('button', { name: 'Mark resolved: Canvas › SpeedGrader' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('gap-group').map((row) => row.dataset.place)).toEqual(['seesaw/journal', 'canvas/speedgrader']),
    );
    expect((await db.gaps.get('a'))?.status).toBe('resolved');
    // Only this device's own search keeps the page listed, with no flags left open.
    expect(screen.getAllByTestId('gap-group')[1]!.textContent).toContain('0 flags, 0 not resolved');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show resolved flags' }));
    await waitFor(() => expect(screen.getAllByTestId('gap-group')[1]!.textContent).toContain('3 flags, 0 not resolved'));
  });

  it('imports pasted JSON lines, listing bad lines by number and keeping the rest', async () => {
    render(<GapsTab />);
    const text = [
      JSON.stringify(payload('n1', { note: 'From the endpoint' })),
      '{broken',
      JSON.stringify({ ...payload('n2'), kind: 'weird' }),
      JSON.stringify(payload('n3')),
    ].join('\n');
    fireEvent.input(await screen.findByRole('textbox', { name: 'Or paste flags' }), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Import flags' }));
    const result = await screen.findByText('Imported 2 new flags (0 were already here).');
    const box = result.closest('[data-testid=gaps-import-result]') as HTMLElement;
    const errors = within(box)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Line 2: not valid JSON/);
    expect(errors[1]).toMatch(/^Line 3: kind: /);
    expect((await db.gaps.get('n1'))?.origin).toBe('imported');
    await waitFor(() => expect(screen.getAllByTestId('gap-group')[0]!.textContent).toContain('From the endpoint'));
  });

  it('imports a CSV file and exports every flag as CSV that reads back the same', async () => {
    await seed();
    render(<GapsTab />);
    await screen.findAllByTestId('gap-group');
    let blob: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
      blob = value as Blob;
      return 'blob:coachmark-test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(blob).toBeDefined();
      const text = await blob!.text();
      const exported = parseGapImport(text);
      expect(exported.errors).toEqual([]);
      const stored = await db.gaps.toArray();
      expect(exported.gaps.map((flag) => flag.id).sort()).toEqual(stored.map((gap) => gap.id).sort());
      expect(exported.gaps).toEqual(expect.arrayContaining(stored.map((gap) => gap.payload)));

      // The same file, with one more flag, imported on a fresh device.
      await db.gaps.clear();
      const extra = text.replace(/\r\n$/, `\r\n${text.split('\r\n')[1]!.replace(/^a,/, 'z,')}\r\nnot,a,row\r\n`);
      const file = new File([extra], 'flags.csv', { type: 'text/csv' });
      fireEvent.change(screen.getByLabelText('Flags file (JSON lines or CSV)'), { target: { files: [file] } });
      fireEvent.click(screen.getByRole('button', { name: 'Import flags' }));
      await screen.findByText(`Imported ${stored.length + 1} new flags (0 were already here).`);
      expect(screen.getByTestId('gaps-import-result').textContent).toContain(`Line ${stored.length + 3}: has 3 fields`);
      expect(await db.gaps.get('z')).toBeDefined();
    } finally {
      create.mockRestore();
      revoke.mockRestore();
    }
  });

  it('lists cards past their review date and the cards that most often did not help', async () => {
    await seed();
    render(<GapsTab />);
    const overdue = await screen.findByTestId('cards-past-review');
    expect(overdue.textContent).toContain('Old SpeedGrader card');
    expect(overdue.textContent).toContain('review by 2020-01-01');
    expect(overdue.textContent).not.toContain('Fresh card');
    const unhelpful = await screen.findByTestId('cards-unhelpful');
    expect(unhelpful.textContent).toContain('Grade with a rubric');
    expect(unhelpful.textContent).toContain('2 times (1 flags, 1 marks on this device)');
  });
});
