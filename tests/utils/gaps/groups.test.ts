import { describe, expect, it } from 'vitest';
import { groupGaps } from '../../../utils/gaps/groups';
import { gapRecordFromPayload } from '../../../utils/gaps/records';
import { gapRecord } from '../../support/factories';
import { flag } from './flags';

describe('groupGaps', () => {
  it('groups by tool and page with counts, kinds, the newest note, searches and flagged cards', () => {
    const gaps = [
      gapRecord({ id: '1', createdAt: 100, note: 'Older note', searches: ['hide grades', 'mute'] }),
      gapRecord({ id: '2', createdAt: 300, note: '', searches: ['Hide  Grades'] }),
      gapRecord({
        id: '3',
        createdAt: 200,
        note: 'Newest note with words',
        kind: 'unhelpful',
        cardKey: 'd/rubric',
        cardId: 'rubric',
        payload: flag('3', { card: { id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 1 } }),
      }),
      gapRecord({ id: '4', createdAt: 50, context: 'modules', status: 'resolved' }),
      gapRecord({ id: '5', createdAt: 60, tool: 'seesaw', context: 'journal', note: 'Journal help' }),
      gapRecord({ id: '6', createdAt: 70, tool: 'seesaw', context: 'journal' }),
    ];
    const misses = [
      { query: 'mute', tool: 'canvas', context: 'speedgrader', at: 400 },
      { query: 'rubric import', tool: 'canvas', context: 'speedgrader', at: 10 },
      { query: 'nowhere', tool: null, context: null, at: 10 },
      { query: 'late policy', tool: 'canvas', context: 'gradebook', at: 20 },
    ];
    const groups = groupGaps(gaps, misses);
    expect(groups.map((group) => [group.key, group.count, group.unresolved])).toEqual([
      ['canvas/speedgrader', 3, 3],
      ['seesaw/journal', 2, 2],
      ['canvas/modules', 1, 0],
      ['canvas/gradebook', 0, 0],
    ]);
    const speedgrader = groups[0]!;
    expect(speedgrader).toMatchObject({
      tool: 'canvas',
      context: 'speedgrader',
      toolName: 'Canvas',
      pageName: 'SpeedGrader',
      kinds: { missing: 2, unhelpful: 1 },
      newestNote: { text: 'Newest note with words', at: 200 },
      latestAt: 400,
      cards: [{ key: 'd/rubric', title: 'Grade with a rubric', count: 1 }],
    });
    expect(speedgrader.searches).toEqual([
      { query: 'hide grades', count: 2 },
      { query: 'mute', count: 2 },
      { query: 'rubric import', count: 1 },
    ]);
    expect(speedgrader.gapIds.sort()).toEqual(['1', '2', '3']);
    expect(groups[3]!.searches).toEqual([{ query: 'late policy', count: 1 }]);
  });

  it('names a tool the catalogue does not know by the name the flag carried', () => {
    const imported = gapRecordFromPayload(
      flag('x', { tool: { id: 'district-sis', name: 'District SIS' }, page: { context: null, name: null, url: '' } }),
      { origin: 'imported' },
    );
    expect(groupGaps([imported])[0]).toMatchObject({ key: 'district-sis/*', toolName: 'District SIS', pageName: null });
  });
});
