import { describe, expect, it } from 'vitest';
import { flagState, gapPlace, gapRecordFromPayload, gapToPayload } from '../../../utils/gaps/records';
import { gapRecord } from '../../support/factories';
import { flag, NOW } from './flags';

describe('gapRecordFromPayload and gapToPayload', () => {
  it("keeps a flag's card, teacher and school on the record, and the payload itself", () => {
    const payload = flag('r', { kind: 'outdated', card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 2 } });
    const record = gapRecordFromPayload(payload, { origin: 'imported', baseline: [{ key: 'district/rubric', version: 2 }], queuedAt: NOW });
    expect(record).toEqual({
      id: 'r',
      kind: 'outdated',
      tool: 'canvas',
      context: 'speedgrader',
      note: payload.note,
      searches: ['hide grades'],
      status: 'open',
      createdAt: Date.parse(payload.createdAt),
      origin: 'imported',
      payload,
      cardKey: 'district/rubric',
      cardId: 'rubric',
      cardVersion: 2,
      teacher: 'Maya Lopez',
      school: 'Lincoln Elementary',
      baseline: [{ key: 'district/rubric', version: 2 }],
      queuedAt: NOW,
    });
    expect(gapToPayload(record)).toBe(payload);
  });

  it('dates a flag with an unreadable time at 0 rather than NaN', () => {
    expect(gapRecordFromPayload(flag('t', { createdAt: 'soon' }), { origin: 'mine' }).createdAt).toBe(0);
  });

  it('rebuilds a payload for a record stored without one', () => {
    const rebuilt = gapToPayload(
      gapRecord({
        id: 'old',
        kind: 'outdated',
        cardKey: 'district-pack/rubric',
        cardId: 'rubric',
        cardVersion: 2,
        teacher: 'Ann',
        createdAt: NOW,
      }),
    );
    expect(rebuilt).toMatchObject({
      id: 'old',
      createdAt: '2026-11-24T14:32:05.120Z',
      teacher: { name: 'Ann' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: '' },
      card: { id: 'rubric', pack: 'district-pack', version: 2 },
    });
  });
});

describe('gapPlace', () => {
  it('is tool/context, or tool/* for a flag about the tool as a whole', () => {
    expect(gapPlace({ tool: 'canvas', context: 'speedgrader' })).toBe('canvas/speedgrader');
    expect(gapPlace({ tool: 'canvas', context: null })).toBe('canvas/*');
  });
});

describe('flagState', () => {
  it('a flag reads as sent once its outbox item is delivered', () => {
    expect(flagState({ status: 'open' })).toBe('open');
    expect(flagState({ status: 'open' }, { status: 'queued' })).toBe('open');
    expect(flagState({ status: 'open' }, { status: 'sent' })).toBe('sent');
    expect(flagState({ status: 'sent' })).toBe('sent');
    expect(flagState({ status: 'addressed' }, { status: 'sent' })).toBe('addressed');
    expect(flagState({ status: 'resolved' })).toBe('resolved');
  });
});
