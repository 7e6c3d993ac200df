import { beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { cardsForPage, ensureStarterPack, replacePack, STARTER_PACK_ID } from '../../../utils/cards/store';
import { cardsOnPage } from '../../../utils/cards/page-cards';
import { card, pack } from '../../support/factories';

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
