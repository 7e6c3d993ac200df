import { describe, expect, it } from 'vitest';
import { cardsPastReview, localDate, mostUnhelpful } from '../../../utils/gaps/review';
import { gapRecord } from '../../support/factories';

describe('cardsPastReview and localDate', () => {
  it('lists cards past their review date, most overdue first', () => {
    const cards = [
      { key: 'p/a', reviewBy: '2026-11-23' },
      { key: 'p/b', reviewBy: '2026-11-24' },
      { key: 'p/c' },
      { key: 'p/d', reviewBy: '2025-01-01' },
    ];
    expect(cardsPastReview(cards, localDate(new Date(2026, 10, 24, 9).getTime())).map((card) => card.key)).toEqual(['p/d', 'p/a']);
  });

  it("writes today's date on this device's calendar, as reviewBy dates are written", () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    expect(localDate(new Date(2026, 10, 24, 0, 0).getTime())).toBe('2026-11-24');
  });
});

describe('mostUnhelpful', () => {
  it('counts "didn\'t help" marks on this device and "didn\'t help" flags per card', () => {
    const feedback = [
      { cardKey: 'p/a', helpful: 'no' as const },
      { cardKey: 'p/b', helpful: 'yes' as const },
      { cardKey: 'p/c', helpful: 'no' as const },
    ];
    const gaps = [
      gapRecord({ id: '1', kind: 'unhelpful', cardKey: 'p/c' }),
      gapRecord({ id: '2', kind: 'unhelpful', cardKey: 'p/c', origin: 'imported' }),
      gapRecord({ id: '3', kind: 'outdated', cardKey: 'p/a' }),
      gapRecord({ id: '4', kind: 'unhelpful', cardKey: 'p/b' }),
    ];
    expect(mostUnhelpful(feedback, gaps)).toEqual([
      { cardKey: 'p/c', votes: 1, flags: 2, total: 3 },
      { cardKey: 'p/a', votes: 1, flags: 0, total: 1 },
      { cardKey: 'p/b', votes: 0, flags: 1, total: 1 },
    ]);
  });

  it('keeps the most counted up to the limit', () => {
    const feedback = ['p/a', 'p/b', 'p/b', 'p/c'].map((cardKey) => ({ cardKey, helpful: 'no' as const }));
    expect(mostUnhelpful(feedback, [], 2).map((count) => count.cardKey)).toEqual(['p/b', 'p/a']);
  });
});
