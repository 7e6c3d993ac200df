import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { GapsTab } from '../../components/studio/GapsTab';
import { replacePack } from '../../utils/cards/store';
import { recordTargetMiss } from '../../utils/gaps/target-misses';
import { gapRecordFromPayload } from '../../utils/gaps/records';
import { db } from '../../utils/platform/db';
import { formatDay } from '../../utils/platform/format';
import { card, pack, payload, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

const DAY = 24 * 60 * 60 * 1000;
const SPEEDGRADER = { tool: 'canvas', context: 'speedgrader' };
const rubric = (step?: number) => ({ id: 'rubric', title: 'Rubric (as flagged)', pack: 'district', version: 1, ...(step ? { step } : {}) });

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Steps that stopped matching' });
}

describe('Studio: Gaps, steps that stopped matching', () => {
  it('lists out-of-date flags by card and step, and this device’s targets not found this week', async () => {
    await replacePack(
      pack('1', [
        card('rubric', ['speedgrader'], { title: 'Grade with a rubric' }),
        card('hide', ['speedgrader'], { title: 'Hide grades' }),
      ]),
      { kind: 'local' },
    );
    const flag = (id: string, createdAt: string, step?: number, kind: 'outdated' | 'unhelpful' = 'outdated') =>
      gapRecordFromPayload(payload(id, { kind, card: rubric(step), createdAt }), { origin: 'imported' });
    await db.gaps.bulkAdd([
      flag('a', '2026-11-20T10:00:00.000Z', 3),
      flag('b', '2026-12-02T10:00:00.000Z', 3),
      flag('c', '2026-11-25T10:00:00.000Z', 1),
      // About the card as a whole, or not "out of date": not listed here.
      flag('d', '2026-11-26T10:00:00.000Z'),
      flag('e', '2026-11-27T10:00:00.000Z', 2, 'unhelpful'),
      gapRecordFromPayload(
        payload('f', { kind: 'outdated', card: { id: 'gone', title: 'A removed card', pack: 'district', version: 1, step: 4 } }),
        { origin: 'imported' },
      ),
    ]);
    const now = Date.now();
    for (const at of [now - DAY, now - 2 * DAY, now - 3 * DAY])
      await recordTargetMiss({ cardKey: 'district/hide', step: 1, ...SPEEDGRADER }, at);
    await recordTargetMiss({ cardKey: 'district/unknown', step: 0, ...SPEEDGRADER }, now - 4 * DAY);
    // Older than a week: kept, but not counted this week.
    await recordTargetMiss({ cardKey: 'district/rubric', step: 2, ...SPEEDGRADER }, now - 10 * DAY);

    render(<GapsTab />);
    const flagged = await screen.findByRole('list', { name: 'Flagged as out of date' });
    expect(
      within(flagged)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `Grade with a rubric — step 3: 2 flags, last ${formatDay(Date.parse('2026-12-02T10:00:00.000Z'))}`,
      `Grade with a rubric — step 1: 1 flag, last ${formatDay(Date.parse('2026-11-25T10:00:00.000Z'))}`,
      // The card's own title; a card no longer installed keeps the title the flag gave.
      `A removed card — step 4: 1 flag, last ${formatDay(Date.parse('2026-11-24T10:00:00.000Z'))}`,
    ]);

    expect(within(section()).getByTestId('target-miss-total').textContent).toBe('4 targets not found this week');
    const misses = within(section()).getByRole('list', { name: 'Not found on this device' });
    expect(
      within(misses)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      // Steps are stored from 0 and shown from 1.
      `Hide grades — step 2: not found 3 times, last ${formatDay(now - DAY)}`,
      `district/unknown — step 1: not found once, last ${formatDay(now - 4 * DAY)}`,
    ]);
  });

  it('follows "Show resolved flags", and says when nothing is listed', async () => {
    await db.gaps.add({
      ...gapRecordFromPayload(payload('r', { kind: 'outdated', card: rubric(2) }), { origin: 'imported' }),
      status: 'resolved',
    });
    render(<GapsTab />);
    await screen.findByRole('region', { name: 'Steps that stopped matching' });
    await waitFor(() => expect(within(section()).getByText('No flag names a step yet.')).toBeTruthy());
    expect(within(section()).getByTestId('target-miss-total').textContent).toBe('0 targets not found this week');
    expect(within(section()).queryByRole('list', { name: 'Not found on this device' })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show resolved flags' }));
    const flagged = await within(section()).findByRole('list', { name: 'Flagged as out of date' });
    expect(flagged.textContent).toContain('Rubric (as flagged) — step 2: 1 flag');

    // A miss recorded while the tab is open shows up.
    await recordTargetMiss({ cardKey: 'district/rubric', step: 0, ...SPEEDGRADER });
    await waitFor(() => expect(within(section()).getByTestId('target-miss-total').textContent).toBe('1 target not found this week'));
  });
});
