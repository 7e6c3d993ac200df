import { beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { cardsForPage, countForPage, ensureStarterPack, replacePack, STARTER_PACK_ID } from '../../../utils/cards/store';
import type { Card, Pack } from '../../../utils/cards/schema';

function card(id: string, tools: string[], contexts: string[], title = id): Card {
  return { id, title, summary: `${title} summary`, steps: ['Do it.'], tools, contexts, tags: [], level: 'beginner', links: [] };
}

function pack(id: string, version: string, cards: Card[]): Pack {
  return { schemaVersion: 1, id, name: id, version, cards };
}

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`test-${Math.random()}`);
  await database.open();
});

describe('card store', () => {
  it('lists the page cards first, then tool-wide cards, then the tool’s other pages', async () => {
    await replacePack(
      pack('p', '1', [
        card('grade-rubric', ['canvas'], ['speedgrader'], 'Grade with a rubric'),
        card('comment', ['canvas'], ['speedgrader', 'gradebook'], 'Leave a comment'),
        card('modules', ['canvas'], ['modules'], 'Add a module'),
        card('canvas-any', ['canvas'], [], 'Find your way in Canvas'),
        card('classroom', ['google-classroom'], ['classwork'], 'Post an assignment'),
      ]),
      { kind: 'local' },
      database,
    );
    const cards = await cardsForPage('canvas', 'speedgrader', database);
    expect(cards.page.map((c) => c.id)).toEqual(['grade-rubric', 'comment']);
    expect(cards.tool.map((c) => c.id)).toEqual(['canvas-any', 'modules']);
    expect(await countForPage('canvas', 'speedgrader', database)).toBe(2);
    expect(await countForPage('canvas', 'files', database)).toBe(4);
    expect(await countForPage('schoology', null, database)).toBe(0);
  });

  it('replaces a pack’s cards atomically and leaves other packs alone', async () => {
    await replacePack(pack('a', '1', [card('one', ['canvas'], []), card('two', ['canvas'], [])]), { kind: 'local' }, database);
    await replacePack(pack('b', '1', [card('one', ['canvas'], [])]), { kind: 'local' }, database);
    await replacePack(pack('a', '2', [card('three', ['canvas'], [])]), { kind: 'local' }, database);
    const keys = (await database.cards.toArray()).map((c) => c.key).sort();
    expect(keys).toEqual(['a/three', 'b/one']);
    expect((await database.packs.get('a'))?.cardCount).toBe(1);
  });

  it('installs the starter pack once, updates it on a new version, never touches coach packs', async () => {
    const coach = pack('district', '1', [card('ours', ['canvas'], [])]);
    await replacePack(coach, { kind: 'local' }, database);
    const v1 = JSON.stringify(pack(STARTER_PACK_ID, '1.0.0', [card('s1', ['canvas'], [])]));
    const v2 = JSON.stringify(pack(STARTER_PACK_ID, '1.1.0', [card('s1', ['canvas'], []), card('s2', ['seesaw'], [])]));
    expect(await ensureStarterPack(async () => v1, database)).toBe('installed');
    expect(await ensureStarterPack(async () => v1, database)).toBe('current');
    expect(await ensureStarterPack(async () => v2, database)).toBe('updated');
    expect((await database.cards.where('pack').equals(STARTER_PACK_ID).toArray()).map((c) => c.id).sort()).toEqual(['s1', 's2']);
    expect(await database.cards.get('district/ours')).toBeDefined();
    expect((await database.packs.get(STARTER_PACK_ID))?.source).toEqual({ kind: 'builtin' });
  });

  it('refuses an invalid bundled pack without changing anything', async () => {
    await expect(ensureStarterPack(async () => '{"schemaVersion": 1', database)).rejects.toThrow(/invalid/);
    expect(await database.packs.count()).toBe(0);
  });
});
