import { describe, expect, it } from 'vitest';
import { baselineCards, findAddressed } from '../../../utils/gaps/addressing';
import { cardRecord, gapRecord } from '../../support/factories';

// Cards in the "district" pack, for Canvas SpeedGrader unless a test says otherwise.
const sgComment = (version: number, updatedAt?: string) =>
  cardRecord(updatedAt === undefined ? { id: 'sg-comment', version } : { id: 'sg-comment', version, updatedAt });
const modules = (contexts = ['modules'], version = 1) => cardRecord({ id: 'modules', contexts, version });

describe('findAddressed across pack versions', () => {
  // Version 1 of a district pack: one SpeedGrader card, one Modules card, nothing tool-wide.
  const v1 = [sgComment(1), modules()];

  it('a new card for the flagged page addresses "no card" and "search found nothing" flags', () => {
    const v2 = [...v1, cardRecord({ id: 'sg-hide-grades', version: 1 })];
    const gaps = [gapRecord({ id: 'a' }), gapRecord({ id: 'b', kind: 'search-found-nothing' }), gapRecord({ id: 'c', context: 'modules' })];
    expect(findAddressed(gaps, v1, v2)).toEqual([
      { gapId: 'a', cardKey: 'district/sg-hide-grades' },
      { gapId: 'b', cardKey: 'district/sg-hide-grades' },
    ]);
  });

  it('a newer version of a card already on the page does not answer "no card"', () => {
    const v2 = [sgComment(2), modules()];
    expect(findAddressed([gapRecord({ id: 'a' })], v1, v2)).toEqual([]);
  });

  it('a card that now also covers the page does', () => {
    const v2 = [sgComment(1), modules(['modules', 'speedgrader'], 2)];
    expect(findAddressed([gapRecord({ id: 'a' })], v1, v2)).toEqual([{ gapId: 'a', cardKey: 'district/modules' }]);
  });

  it('a tool-wide card answers a flag about the tool as a whole, not one about a page', () => {
    const v2 = [...v1, cardRecord({ id: 'canvas-nav', contexts: [], version: 1 })];
    expect(findAddressed([gapRecord({ id: 'page' }), gapRecord({ id: 'tool', context: null })], v1, v2)).toEqual([
      { gapId: 'tool', cardKey: 'district/canvas-nav' },
    ]);
  });

  it('cards for other tools or pages, and a pack that removes cards, address nothing', () => {
    const v2 = [
      cardRecord({ id: 'classroom', tools: ['google-classroom'], version: 1 }),
      cardRecord({ id: 'gradebook', contexts: ['gradebook'], version: 1 }),
    ];
    const gaps = [gapRecord({ id: 'a' }), gapRecord({ id: 'b', kind: 'unhelpful', cardKey: 'district/sg-comment', cardVersion: 1 })];
    expect(findAddressed(gaps, v1, v2)).toEqual([]);
  });

  it('when several new cards answer, the first by key is recorded', () => {
    const v2 = [...v1, cardRecord({ id: 'sg-z' }), cardRecord({ id: 'sg-b' })];
    expect(findAddressed([gapRecord({ id: 'a' })], v1, v2)).toEqual([{ gapId: 'a', cardKey: 'district/sg-b' }]);
  });

  it('"didn\'t help" and "out of date" are answered by a higher version or a later updatedAt of that card', () => {
    const flagged = gapRecord({ id: 'x', kind: 'unhelpful', cardKey: 'district/sg-comment', cardVersion: 1 });
    const before = [sgComment(1, '2026-09-01')];
    const higher = [sgComment(2, '2026-09-01')];
    const laterDate = [sgComment(1, '2026-11-20')];
    const same = [sgComment(1, '2026-09-01')];
    const older = [sgComment(1, '2026-08-01')];
    const newCardOnPage = [...same, cardRecord({ id: 'sg-other', version: 1 })];
    expect(findAddressed([flagged], before, higher)).toEqual([{ gapId: 'x', cardKey: 'district/sg-comment' }]);
    expect(findAddressed([{ ...flagged, kind: 'outdated' }], before, laterDate)).toEqual([{ gapId: 'x', cardKey: 'district/sg-comment' }]);
    expect(findAddressed([flagged], before, same)).toEqual([]);
    expect(findAddressed([flagged], before, older)).toEqual([]);
    expect(findAddressed([flagged], before, newCardOnPage)).toEqual([]);
  });

  it('without the earlier copy, a card flag compares with the version the teacher flagged', () => {
    const flagged = gapRecord({ id: 'x', kind: 'outdated', cardKey: 'district/sg-comment', cardVersion: 3 });
    expect(findAddressed([flagged], [], [sgComment(3)])).toEqual([]);
    expect(findAddressed([flagged], [], [sgComment(4)])).toEqual([{ gapId: 'x', cardKey: 'district/sg-comment' }]);
  });

  it('only open and sent flags are addressed', () => {
    const v2 = [...v1, cardRecord({ id: 'new' })];
    const gaps = (['open', 'sent', 'addressed', 'resolved'] as const).map((status) => gapRecord({ id: status, status }));
    expect(findAddressed(gaps, v1, v2).map((found) => found.gapId)).toEqual(['open', 'sent']);
  });

  it('follows a flag through three releases with its baseline: only the release that adds a card closes it', () => {
    const flag = gapRecord({ id: 'a', baseline: [{ key: 'district/sg-comment', version: 1 }] });
    const release2 = [sgComment(2), modules()];
    const release3 = [...release2, cardRecord({ id: 'sg-hide', version: 1 })];
    expect(findAddressed([flag], baselineCards(flag), release2)).toEqual([]);
    expect(findAddressed([flag], baselineCards(flag), release3)).toEqual([{ gapId: 'a', cardKey: 'district/sg-hide' }]);
  });
});

describe('baselineCards', () => {
  it("places a page flag's baseline on the flag's page, and a card flag's nowhere (only its version counts)", () => {
    const baseline = [{ key: 'district/sg-comment', version: 2 }];
    expect(baselineCards(gapRecord({ baseline }))).toEqual([{ key: 'district/sg-comment', version: 2, places: ['canvas/speedgrader'] }]);
    expect(baselineCards(gapRecord({ context: null, baseline }))[0]!.places).toEqual(['canvas/*']);
    expect(baselineCards(gapRecord({ kind: 'outdated', cardKey: 'district/sg-comment', baseline }))[0]!.places).toEqual([]);
    expect(baselineCards(gapRecord())).toEqual([]);
  });
});
