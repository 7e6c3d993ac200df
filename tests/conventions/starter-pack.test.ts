// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../utils/cards/pack';
import { ROOT } from './sources';

/**
 * The pack every install starts with is also the example districts copy: it must load cleanly,
 * without a single warning (an unknown tool or context there would hide a card on day one).
 */

describe('public/packs/starter.json', () => {
  const text = readFileSync(join(ROOT, 'public/packs/starter.json'), 'utf8');

  it('loads with parsePack, with zero warnings', () => {
    const result = parsePack(text);
    if (!result.ok) expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings ?? []).toEqual([]);
      expect(result.pack.cards.length).toBeGreaterThan(0);
    }
  });
});
