// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../utils/cards/pack';
import { packQualityProblems } from '../../utils/cards/quality';
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

  it('links each task’s own article, once, and names the control in every few steps', () => {
    const result = parsePack(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(packQualityProblems(result.pack)).toEqual([]);
  });

  it('says of each card checked against the vendor’s article when, and which article', () => {
    const result = parsePack(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { cards } = result.pack;
    // A date without the article it was checked against says nothing anyone can check again.
    expect(cards.filter((card) => card.verifiedAt && !card.source).map((card) => card.id)).toEqual([]);
    expect(cards.filter((card) => card.verifiedAt && card.updatedAt && card.verifiedAt < card.updatedAt).map((card) => card.id)).toEqual(
      [],
    );
    const verified = cards.filter((card) => card.verifiedAt).length;
    console.info(`[starter] ${verified} of ${cards.length} cards checked against a vendor article`);
  });

  it('has every card in Spanish too', () => {
    const result = parsePack(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const ids = new Set(result.pack.cards.map((card) => card.id));
    const english = result.pack.cards.filter((card) => (card.lang ?? 'en') === 'en');
    expect(english.filter((card) => !ids.has(`${card.id}.es`)).map((card) => card.id)).toEqual([]);
    for (const card of result.pack.cards.filter((candidate) => candidate.lang === 'es')) {
      expect(card.tags, card.id).toContain(`translation-of:${card.id.replace(/\.es$/, '')}`);
    }
  });
});
