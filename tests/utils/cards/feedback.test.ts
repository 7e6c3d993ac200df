import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import type { Level } from '../../../utils/cards/schema';
import { markViewed, recentlyViewed, setHelpful, setKnown, splitKnown } from '../../../utils/cards/feedback';
import { card, pack } from '../../support/factories';

const c = (key: string, level: Level) => ({ key, level });

describe('splitKnown', () => {
  const cards = [
    c('i1', 'intermediate'),
    c('b1', 'beginner'),
    c('a1', 'advanced'),
    c('b2', 'beginner'),
    c('i2', 'intermediate'),
    c('a2', 'advanced'),
  ];
  const keys = (list: Array<{ key: string }>) => list.map((card) => card.key);

  it('splits known cards from the rest, order kept', () => {
    const { active, known } = splitKnown(cards, [
      { cardKey: 'a1', known: true },
      { cardKey: 'b1', known: true },
      { cardKey: 'i1', known: false },
    ]);
    expect(keys(active)).toEqual(['i1', 'b2', 'i2', 'a2']);
    expect(keys(known)).toEqual(['b1', 'a1']);
  });
});

describe('feedback and recently viewed', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    const onCanvas = (id: string) => card({ id, tools: ['canvas'], contexts: [] });
    const cards = [onCanvas('a'), onCanvas('b'), card({ id: 'c', tools: ['seesaw'], contexts: [] }), onCanvas('d')];
    await replacePack(pack({ id: 'p', cards }), { kind: 'local' });
  });

  it('merges marks into one record per card', async () => {
    await setHelpful('p/a', 'no', db, 100);
    await setKnown('p/a', true, db);
    await markViewed('p/a', db, 200);
    await setHelpful('p/a', 'yes', db, 300);
    expect(await db.feedback.toArray()).toEqual([{ cardKey: 'p/a', helpful: 'yes', helpfulAt: 300, known: true, viewedAt: 200 }]);
  });

  it('lists the cards opened last, newest first, leaving out known, missing and excluded ones', async () => {
    await markViewed('p/a', db, 10);
    await markViewed('p/b', db, 30);
    await markViewed('p/c', db, 40);
    await markViewed('p/d', db, 20);
    await markViewed('gone/x', db, 50);
    await setKnown('p/b', true, db);
    await setHelpful('p/c', 'yes', db); // other marks leave the time it was viewed alone
    expect((await recentlyViewed(db)).map((record) => record.id)).toEqual(['c', 'd', 'a']);
    expect((await recentlyViewed(db, { tool: 'canvas' })).map((record) => record.id)).toEqual(['d', 'a']);
    expect((await recentlyViewed(db, { tool: 'canvas', exclude: new Set(['p/d']) })).map((record) => record.id)).toEqual(['a']);
    expect((await recentlyViewed(db, { limit: 1 })).map((record) => record.id)).toEqual(['c']);
  });
});
