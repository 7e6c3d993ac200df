import { describe, expect, it } from 'vitest';
import { ADDRESSED_FIRST_MS, addressingCardKeys, putCardsFirst } from '../../../utils/gaps/addressed-first';
import { gapRecord } from '../../support/factories';
import { NOW } from './flags';

const DAY = 24 * 60 * 60_000;
const SPEEDGRADER = { tool: 'canvas', context: 'speedgrader' };

describe('addressingCardKeys and putCardsFirst', () => {
  it("puts the cards that answered the teacher's flags for this page first, newest first, for two weeks", () => {
    const addressed = { status: 'addressed' as const };
    const gaps = [
      gapRecord({ ...addressed, id: '1', addressedByCardKey: 'p/a', addressedAt: NOW - 2 * DAY }),
      gapRecord({ ...addressed, id: '2', addressedByCardKey: 'p/b', addressedAt: NOW - DAY }),
      gapRecord({ ...addressed, id: '3', addressedByCardKey: 'p/c', addressedAt: NOW - DAY, context: 'modules' }),
      gapRecord({ ...addressed, id: '4', addressedByCardKey: 'p/d', addressedAt: NOW - DAY, context: null }),
      gapRecord({ ...addressed, id: '5', addressedByCardKey: 'p/e', addressedAt: NOW - 20 * DAY }),
      gapRecord({ ...addressed, id: '6', addressedByCardKey: 'p/f', addressedAt: NOW - DAY, origin: 'imported' }),
      gapRecord({ id: '7', status: 'open' }),
    ];
    const keys = addressingCardKeys(gaps, SPEEDGRADER, NOW);
    expect(keys).toEqual(['p/b', 'p/d', 'p/a']);
    expect(addressingCardKeys(gaps, null, NOW)).toEqual([]);
    const cards = ['p/x', 'p/a', 'p/y', 'p/b'].map((key) => ({ key }));
    expect(putCardsFirst(cards, keys).map((card) => card.key)).toEqual(['p/b', 'p/a', 'p/x', 'p/y']);
  });

  it('lists a card once when it answered several flags, and leads for two weeks to the millisecond', () => {
    const gaps = [
      gapRecord({ id: '1', status: 'addressed', addressedByCardKey: 'p/a', addressedAt: NOW - ADDRESSED_FIRST_MS }),
      gapRecord({ id: '2', status: 'addressed', addressedByCardKey: 'p/a', addressedAt: NOW - DAY }),
    ];
    expect(addressingCardKeys(gaps, SPEEDGRADER, NOW)).toEqual(['p/a']);
    expect(addressingCardKeys(gaps.slice(0, 1), SPEEDGRADER, NOW + 1)).toEqual([]);
  });

  it('leaves the order alone when no card answered a flag', () => {
    const cards = [{ key: 'p/x' }, { key: 'p/y' }];
    const ordered = putCardsFirst(cards, []);
    expect(ordered).toEqual(cards);
    expect(ordered).not.toBe(cards);
  });
});
