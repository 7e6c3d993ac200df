import { describe, expect, it } from 'vitest';
import { topK } from '../../../utils/search/heap';

/** Larger first, then the smaller index: a total order like the index's score-then-rank. */
function byValue(values: number[]) {
  return (a: number, b: number) => (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b);
}

describe('topK', () => {
  it('gives the head of the fully sorted list, for every limit', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 7919) % 37);
    const items = values.map((_, i) => i);
    const better = byValue(values);
    const sorted = [...items].sort((a, b) => (better(a, b) ? -1 : 1));
    for (const limit of [1, 2, 5, 37, 199, 200, 500, Infinity]) {
      expect(topK(items, limit, better), String(limit)).toEqual(sorted.slice(0, limit));
    }
  });

  it('rounds a fractional limit down and leaves the input as it was', () => {
    const items = [3, 1, 2, 0];
    const values = [10, 30, 20, 40];
    // Item 3 has the largest value (40), item 1 the next (30).
    expect(topK(items, 2.5, byValue(values))).toEqual([3, 1]);
    expect(items).toEqual([3, 1, 2, 0]);
  });

  it('gives nothing for nothing', () => {
    expect(topK([], 3, () => true)).toEqual([]);
  });
});
