/**
 * Edit distances with an upper bound: every caller only asks "is it within `max` edits?", so the
 * work stops as soon as a whole row of the table is over the bound. Above the bound the answer is
 * `max + 1`, whatever the true distance.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, and a swap of neighbours counting once. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return alignment(a, b, max, { prefixOfB: false, swaps: true });
}

/** Smallest editDistance between `a` and any prefix of `b`: a word still being typed against a longer word. */
export function prefixEditDistance(a: string, b: string, max: number): number {
  return alignment(a, b, max, { prefixOfB: true, swaps: true });
}

/** Levenshtein distance: like editDistance, but a swap of neighbours costs two edits. */
export function levenshteinDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return alignment(a, b, max, { prefixOfB: false, swaps: false });
}

function alignment(a: string, b: string, max: number, { prefixOfB, swaps }: { prefixOfB: boolean; swaps: boolean }): number {
  const n = a.length;
  const m = prefixOfB ? Math.min(b.length, n + max) : b.length;
  // Three rows of the table: a swap looks two rows back.
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (current[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  const best = prefixOfB ? Math.min(...prev) : (prev[m] as number);
  return Math.min(best, max + 1);
}
