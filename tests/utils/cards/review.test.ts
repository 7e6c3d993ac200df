import { describe, expect, it } from 'vitest';
import { isOpenOutdatedFlag, openOutdatedFlags, reviewLookup, REVIEW_STATES } from '../../../utils/cards/review';
import { localDate } from '../../../utils/gaps/review';
import { cardRecord, gapRecord } from '../../support/factories';

const TODAY = '2026-11-24';

describe('review states', () => {
  it('tells due, flagged, unverified and current cards apart, a card in several at once', () => {
    const cards = [
      cardRecord({ id: 'due', reviewBy: '2026-11-23', verifiedAt: '2026-01-10' }),
      cardRecord({ id: 'due-today', reviewBy: TODAY, verifiedAt: '2026-01-10' }),
      cardRecord({ id: 'flagged', verifiedAt: '2026-01-10' }),
      cardRecord({ id: 'unverified', reviewBy: '2027-08-01' }),
      cardRecord({ id: 'everything', reviewBy: '2025-01-01' }),
      cardRecord({ id: 'current', reviewBy: '2027-08-01', verifiedAt: '2026-09-01' }),
    ];
    const gaps = [
      gapRecord({ id: '1', kind: 'outdated', cardKey: 'district/flagged' }),
      gapRecord({ id: '2', kind: 'outdated', cardKey: 'district/everything', status: 'sent' }),
    ];
    const review = reviewLookup(cards, gaps, TODAY);
    expect(Object.fromEntries(cards.map((card) => [card.id, review.statesOf(card)]))).toEqual({
      due: ['due'],
      // "Before today": the review date itself is not overdue yet.
      'due-today': ['current'],
      flagged: ['outdated'],
      unverified: ['unverified'],
      everything: ['due', 'outdated', 'unverified'],
      current: ['current'],
    });
    expect(review.counts).toEqual({ due: 2, outdated: 2, unverified: 2, current: 2 });
    expect(review.has(cards[4]!, 'outdated')).toBe(true);
    expect(review.has(cards[4]!, 'current')).toBe(false);
    expect(review.outdatedFlags(cards[4]!)).toBe(1);
    expect(review.outdatedFlags(cards[5]!)).toBe(0);
  });

  it('lists the states in a fixed order, "current" last', () => {
    expect(REVIEW_STATES).toEqual(['due', 'outdated', 'unverified', 'current']);
  });

  it('follows the device calendar for today, as the Gaps tab does', () => {
    const card = cardRecord({ id: 'a', reviewBy: '2026-11-23', verifiedAt: '2026-01-01' });
    expect(reviewLookup([card], [], localDate(new Date(2026, 10, 23, 23, 59).getTime())).statesOf(card)).toEqual(['current']);
    expect(reviewLookup([card], [], localDate(new Date(2026, 10, 24, 0, 1).getTime())).statesOf(card)).toEqual(['due']);
  });
});

describe('open "out of date" flags', () => {
  it('counts open and sent flags per card, and only "out of date" flags about a card', () => {
    const gaps = [
      gapRecord({ id: '1', kind: 'outdated', cardKey: 'p/a' }),
      gapRecord({ id: '2', kind: 'outdated', cardKey: 'p/a', status: 'sent' }),
      gapRecord({ id: '3', kind: 'outdated', cardKey: 'p/b' }),
      gapRecord({ id: '4', kind: 'unhelpful', cardKey: 'p/c' }),
      gapRecord({ id: '5', kind: 'outdated' }),
      gapRecord({ id: '6', kind: 'missing', cardKey: 'p/d' }),
    ];
    expect([...openOutdatedFlags(gaps)]).toEqual([
      ['p/a', 2],
      ['p/b', 1],
    ]);
  });

  it('leaves out flags a newer card answered, the coach resolved, or the Hub resolved', () => {
    const flag = (overrides: Parameters<typeof gapRecord>[0]) =>
      isOpenOutdatedFlag(gapRecord({ kind: 'outdated', cardKey: 'p/a', ...overrides }));
    expect(flag({})).toBe(true);
    expect(flag({ status: 'addressed' })).toBe(false);
    expect(flag({ status: 'resolved' })).toBe(false);
    expect(flag({ hub: { url: 'https://hub.district.example/', status: 'resolved' } })).toBe(false);
    expect(flag({ hub: { url: 'https://hub.district.example/', status: 'open' } })).toBe(true);
  });
});
