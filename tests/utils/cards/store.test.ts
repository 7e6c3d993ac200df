import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoachmarkDB } from '../../../utils/platform/db';
import { cardsForPage, ensureStarterPack, replacePack, STARTER_PACK_ID } from '../../../utils/cards/store';
import { cardsOnPage } from '../../../utils/cards/page-cards';
import { formatPack, importPack } from '../../../utils/cards/import';
import { preferLanguage } from '../../../utils/cards/language';
import { createSearchIndex } from '../../../utils/search';
import type { Card } from '../../../utils/cards/schema';
import { card, pack } from '../../support/factories';

const STARTER_TEXT = readFileSync(resolve(import.meta.dirname, '../../../public/packs/starter.json'), 'utf8');

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`test-${Math.random()}`);
  await database.open();
});

describe('card store', () => {
  it('lists the page cards first, then tool-wide cards, then the tool’s other pages', async () => {
    await replacePack(
      pack({
        id: 'p',
        version: '1',
        cards: [
          card({ id: 'grade-rubric', tools: ['canvas'], contexts: ['speedgrader'], title: 'Grade with a rubric' }),
          card({ id: 'comment', tools: ['canvas'], contexts: ['speedgrader', 'gradebook'], title: 'Leave a comment' }),
          card({ id: 'modules', tools: ['canvas'], contexts: ['modules'], title: 'Add a module' }),
          card({ id: 'canvas-any', tools: ['canvas'], contexts: [], title: 'Find your way in Canvas' }),
          card({ id: 'classroom', tools: ['google-classroom'], contexts: ['classwork'], title: 'Post an assignment' }),
        ],
      }),
      { kind: 'local' },
      database,
    );
    const cards = await cardsForPage('canvas', 'speedgrader', database);
    expect(cards.page.map((c) => c.id)).toEqual(['grade-rubric', 'comment']);
    expect(cards.tool.map((c) => c.id)).toEqual(['canvas-any', 'modules']);
    // The first screen's read by the page's index gives the same page list.
    expect(await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage: 'en-US' })).toEqual(cards.page);
    expect(await cardsOnPage('canvas', null, database)).toEqual([]);
  });

  it('replaces a pack’s cards atomically and leaves other packs alone', async () => {
    await replacePack(
      pack({ id: 'a', version: '1', cards: [card({ id: 'one', contexts: [] }), card({ id: 'two', contexts: [] })] }),
      { kind: 'local' },
      database,
    );
    await replacePack(pack({ id: 'b', version: '1', cards: [card({ id: 'one', contexts: [] })] }), { kind: 'local' }, database);
    await replacePack(pack({ id: 'a', version: '2', cards: [card({ id: 'three', contexts: [] })] }), { kind: 'local' }, database);
    const keys = (await database.cards.toArray()).map((c) => c.key).sort();
    expect(keys).toEqual(['a/three', 'b/one']);
    expect((await database.packs.get('a'))?.cardCount).toBe(1);
  });

  it('installs the starter pack once, updates it on a new version, never touches coach packs', async () => {
    const coach = pack({ id: 'district', version: '1', cards: [card({ id: 'ours', contexts: [] })] });
    await replacePack(coach, { kind: 'local' }, database);
    const v1 = JSON.stringify(pack({ id: STARTER_PACK_ID, version: '1.0.0', cards: [card({ id: 's1', contexts: [] })] }));
    const v2 = JSON.stringify(
      pack({
        id: STARTER_PACK_ID,
        version: '1.1.0',
        cards: [card({ id: 's1', contexts: [] }), card({ id: 's2', tools: ['seesaw'], contexts: [] })],
      }),
    );
    expect(await ensureStarterPack(async () => v1, database)).toBe('installed');
    expect(await ensureStarterPack(async () => v1, database)).toBe('current');
    expect(await ensureStarterPack(async () => v2, database)).toBe('updated');
    expect((await database.cards.where('pack').equals(STARTER_PACK_ID).toArray()).map((c) => c.id).sort()).toEqual(['s1', 's2']);
    expect(await database.cards.get('district/ours')).toMatchObject({ id: 'ours', pack: 'district' });
    expect((await database.packs.get(STARTER_PACK_ID))?.source).toEqual({ kind: 'builtin' });
  });

  it('refuses an invalid bundled pack without changing anything', async () => {
    await expect(ensureStarterPack(async () => '{"schemaVersion": 1', database)).rejects.toThrow(/invalid/);
    expect(await database.packs.count()).toBe(0);
  });
});

describe('cards from another pack never stand in for the starter pack’s', () => {
  const REAL = `${STARTER_PACK_ID}/canvas-speedgrader-rubric`;
  /** A pasted pack with one SpeedGrader card that tries to pass for the built-in one. */
  const pasteImpostor = async (impostor: Partial<Card>) => {
    const pasted = pack({
      id: 'pasted',
      cards: [
        card({ title: 'Grade with a rubric in SpeedGrader', steps: ['Paste your password [here](https://evil.example/).'], ...impostor }),
      ],
    });
    const result = await importPack(formatPack(pasted), { kind: 'local' }, database);
    expect(result).toMatchObject({ ok: true });
  };
  /** What the panel shows on SpeedGrader and finds for "rubric", in an en-US browser. */
  const panelKeys = async () => {
    const options = { uiLanguage: 'en-US' };
    const page = (await cardsForPage('canvas', 'speedgrader', database, options)).page.map((c) => c.key);
    const firstScreen = (await cardsOnPage('canvas', 'speedgrader', database, options)).map((c) => c.key);
    const all = await database.cards.toArray();
    const packLanguages = new Map((await database.packs.toArray()).map((record) => [record.id, record.lang]));
    const found = createSearchIndex(all).search('rubric speedgrader') as typeof all;
    const search = preferLanguage(found, 'en-US', packLanguages).map((c) => c.key);
    return { page, firstScreen, search };
  };

  beforeEach(async () => {
    expect(await ensureStarterPack(async () => STARTER_TEXT, database)).toBe('installed');
  });

  it('keeps the starter card next to a card that reuses its id with a closer language', async () => {
    await pasteImpostor({ id: 'canvas-speedgrader-rubric', lang: 'en-US' });
    const { page, firstScreen, search } = await panelKeys();
    for (const keys of [page, firstScreen, search])
      expect(keys).toEqual(expect.arrayContaining([REAL, 'pasted/canvas-speedgrader-rubric']));
  });

  it('keeps the starter card next to a card tagged as its translation', async () => {
    await pasteImpostor({ id: 'better-rubric', lang: 'en-US', tags: ['translation-of:canvas-speedgrader-rubric'] });
    const { page, firstScreen, search } = await panelKeys();
    for (const keys of [page, firstScreen, search]) expect(keys).toEqual(expect.arrayContaining([REAL, 'pasted/better-rubric']));
  });

  it('still lets a pack carry its own translations', async () => {
    const district = pack({
      id: 'district',
      lang: 'en',
      cards: [
        card({ id: 'grade-quiz', title: 'Grade a quiz' }),
        card({ id: 'calificar', title: 'Calificar un cuestionario', lang: 'es', tags: ['translation-of:grade-quiz'] }),
      ],
    });
    expect(await importPack(formatPack(district), { kind: 'local' }, database)).toMatchObject({ ok: true });
    const shown = async (uiLanguage: string) =>
      (await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage })).map((c) => c.key).filter((key) => key.startsWith('district/'));
    expect(await shown('es-MX')).toEqual(['district/calificar']);
    expect(await shown('en-US')).toEqual(['district/grade-quiz']);
    // The starter's own card is there in either language: its Spanish variant for a Spanish browser.
    expect((await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage: 'es-MX' })).map((c) => c.key)).toContain(`${REAL}.es`);
    expect((await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage: 'en-US' })).map((c) => c.key)).toContain(REAL);
  });
});
