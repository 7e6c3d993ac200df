import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { GapsTab } from '../../components/studio/GapsTab';
import { replacePack } from '../../utils/cards/store';
import { db } from '../../utils/platform/db';
import { parseGapImport } from '../../utils/gaps/import';
import { gapRecordFromPayload } from '../../utils/gaps/records';
import { card, pack, payload, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

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
    const result = await screen.findByText('Imported 2 new flags.');
    const box = result.closest('[data-testid=gaps-import-result]') as HTMLElement;
    const errors = within(box)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Line 2: not valid JSON/);
    expect(errors[1]).toMatch(/^Line 3: kind: /);
    expect((await db.gaps.get('n1'))?.origin).toBe('imported');
    await waitFor(() => expect(screen.getAllByTestId('gap-group')[0]!.textContent).toContain('From the endpoint'));

    // The same flags again: each counted once, in the singular or plural as it falls.
    fireEvent.input(screen.getByRole('textbox', { name: 'Or paste flags' }), { target: { value: JSON.stringify(payload('n1')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import flags' }));
    await screen.findByText('Imported 0 new flags. 1 was already here.');
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
      await screen.findByText(`Imported ${stored.length + 1} new flags.`);
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
    expect(unhelpful.textContent).toContain('2 times (1 flag, 1 mark on this device)');
  });
});
