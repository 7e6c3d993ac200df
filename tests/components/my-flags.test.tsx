import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { AddressedNotice } from '../../components/panel/AddressedNotice';
import { RequestsView } from '../../components/panel/RequestsView';
import { Panel } from '../../components/panel/Panel';
import { importPack } from '../../utils/cards/import';
import { replacePack } from '../../utils/cards/store';
import { db, type GapRecord } from '../../utils/platform/db';
import { gapRecordFromPayload } from '../../utils/gaps/records';
import { saveMyFlag } from '../../utils/gaps/store';
import { saveTabState } from '../../utils/tabs/tab-state';
import { SPEEDGRADER, ENDPOINT, card, pack, payload, useGapTestSetup } from './gaps-fixtures';

useGapTestSetup();

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
    await db.outbox.add({
      id: 'sent',
      kind: 'gap-flag',
      payload: payload('sent'),
      endpoint: { url: ENDPOINT, format: 'json' },
      status: 'sent',
      attempts: 1,
      createdAt: 3,
      nextAttemptAt: 3,
      sentAt: 3,
    });
    render(<RequestsView tool={null} onClose={() => {}} />);
    await waitFor(() => expect(screen.getAllByTestId('my-flag')).toHaveLength(5));
    const entries = screen.getAllByTestId('my-flag');
    expect(entries.map((entry) => entry.dataset.state)).toEqual(['open', 'open', 'sent', 'addressed', 'resolved']);
    expect(entries[0]!.textContent).toContain('Open Kept on this device until your school connects its chat');
    expect(entries[1]!.textContent).toContain('Open Waiting to send to hooks.district.example');
    expect(entries[2]!.textContent).toContain('Sent');
    // Said once, not "Sent Sent to …".
    expect(entries[2]!.textContent).not.toMatch(/Sent\s*Sent/);
    expect(entries[3]!.textContent).toContain('Addressed New card: “Hide grades until you post them”');
    expect(entries[4]!.textContent).toContain('Resolved');
  });

  it('turns a flag "Addressed" when a pack brings a card for the page, says so once, and shows the card', async () => {
    await importPack(pack('1.0.0', [card('sg-comment', ['speedgrader'], { title: 'Leave feedback' })]), { kind: 'local' });
    await saveMyFlag(payload('f1'), null);
    await saveTabState(SPEEDGRADER);
    const view = render(<Panel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Your requests' }));
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
    fireEvent.click(await screen.findByRole('button', { name: 'Your requests' }));
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
