// @vitest-environment node
// Subscriptions are fetched from a real HTTP server on 127.0.0.1 with Node's own fetch.
import { beforeEach, describe, expect, it } from 'vitest';
import { useFileServer } from '../../support/file-server';
import { CoachmarkDB } from '../../../utils/platform/db';
import { cardsForPage, ensureStarterPack, replacePack, STARTER_PACK_ID } from '../../../utils/cards/store';
import { cardsOnPage } from '../../../utils/cards/page-cards';
import { formatPack, importPack } from '../../../utils/cards/import';
import { syncPackUrl, type SyncEnvironment } from '../../../utils/cards/pack-sync.background';
import { adaptCard, createLocalPack, deleteCard } from '../../../utils/cards/authoring';
import { referencesTo, visibleCards, withoutReplaced } from '../../../utils/cards/replacements';
import { parsePack } from '../../../utils/cards/pack';
import type { Card } from '../../../utils/cards/schema';
import { card, cardRecord, pack } from '../../support/factories';

const files = useFileServer();

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`replaces-${Math.random()}`);
  await database.open();
});

const rubric = card({ id: 'canvas-speedgrader-rubric', title: 'Grade with a rubric in SpeedGrader', contexts: ['speedgrader'] });
const rubricEs = card({
  id: 'canvas-speedgrader-rubric.es',
  title: 'Calificar con una rúbrica en SpeedGrader',
  lang: 'es',
  tags: ['rúbrica', 'translation-of:canvas-speedgrader-rubric'],
});
const comments = card({ id: 'canvas-speedgrader-comments', title: 'Comment in SpeedGrader', contexts: ['speedgrader'] });

/** The bundled pack as ensureStarterPack reads it. */
const starter =
  (version: string, cards: Card[] = [rubric, rubricEs, comments]) =>
  () =>
    Promise.resolve(formatPack(pack({ id: STARTER_PACK_ID, name: 'Coachmark starter pack', version, lang: 'en', cards })));

const district = (cards: Card[], version = '1.0.0') => pack({ id: 'district', name: 'Our district', version, cards });
const ours = card({
  id: 'our-rubric',
  title: 'Grade with our district rubric',
  contexts: ['speedgrader'],
  replaces: `${STARTER_PACK_ID}/canvas-speedgrader-rubric`,
});

async function speedGraderTitles(uiLanguage = 'en-US'): Promise<string[]> {
  const onPage = await cardsOnPage('canvas', 'speedgrader', database, { uiLanguage });
  const listed = await cardsForPage('canvas', 'speedgrader', database, { uiLanguage });
  // The first screen's read and the full read agree.
  expect(listed.page.map((c) => c.key)).toEqual(onPage.map((c) => c.key));
  return onPage.map((c) => c.title);
}

describe('replaces in the pack format', () => {
  it('accepts "<pack id>/<card id>" and names the field when it is anything else', () => {
    expect(parsePack(district([ours])).ok).toBe(true);
    const bad = parsePack(district([{ ...ours, replaces: 'canvas-speedgrader-rubric' }]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/cards\[0\]\.replaces: must name a card as "<pack id>\/<card id>"/);
  });

  it('refuses a card that replaces a card of its own pack', () => {
    const bad = parsePack(district([comments, { ...ours, replaces: 'district/canvas-speedgrader-comments' }]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/cards\[1\]\.replaces: names a card of this same pack/);
  });
});

describe('which cards a replacement hides', () => {
  const builtIn = (c: Card) => cardRecord(c, STARTER_PACK_ID);

  it('hides the named card and its translations, nothing else', () => {
    const cards = [builtIn(rubric), builtIn(rubricEs), builtIn(comments), cardRecord(ours)];
    expect(withoutReplaced(cards, cards).map((c) => c.id)).toEqual(['canvas-speedgrader-comments', 'our-rubric']);
    expect(referencesTo(builtIn(rubricEs))).toEqual([
      `${STARTER_PACK_ID}/canvas-speedgrader-rubric.es`,
      `${STARTER_PACK_ID}/canvas-speedgrader-rubric`,
    ]);
  });

  it('ignores a replacement from the built-in pack itself', () => {
    const cards = [
      builtIn(comments),
      builtIn({ ...rubric, replaces: 'district/our-rubric' }),
      cardRecord({ ...ours, replaces: undefined }),
    ];
    expect(withoutReplaced(cards, cards)).toHaveLength(3);
  });

  it('picks the teacher’s language after the replacements', () => {
    const cards = [builtIn(rubric), builtIn(rubricEs), builtIn(comments)];
    const packs = [{ id: STARTER_PACK_ID, lang: 'en' }];
    expect(visibleCards(cards, packs, 'es-419').map((c) => c.id)).toEqual(['canvas-speedgrader-rubric.es', 'canvas-speedgrader-comments']);
    expect(visibleCards([...cards, cardRecord(ours)], packs, 'es-419').map((c) => c.id)).toEqual([
      'canvas-speedgrader-comments',
      'our-rubric',
    ]);
  });
});

describe('a district version in place of the built-in card', () => {
  it('through an imported pack: shown instead, in every language, and the built-in card back once the pack goes', async () => {
    await ensureStarterPack(starter('1'), database);
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with a rubric in SpeedGrader']);

    const imported = await importPack(formatPack(district([ours])), { kind: 'local' }, database);
    expect(imported.ok).toBe(true);
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with our district rubric']);
    expect(await speedGraderTitles('es')).toEqual(['Comment in SpeedGrader', 'Grade with our district rubric']);

    await database.cards.where('pack').equals('district').delete();
    await database.packs.delete('district');
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with a rubric in SpeedGrader']);
    expect(await speedGraderTitles('es')).toEqual(['Calificar con una rúbrica en SpeedGrader', 'Comment in SpeedGrader']);
  });

  it('through a subscription: a new copy of the feed without the card brings the built-in one back', async () => {
    await ensureStarterPack(starter('1'), database);
    const env: SyncEnvironment = { fetch: (input, init) => fetch(input, init), now: () => 1_000, database, timeoutMs: 2_000 };
    files.routes.set('/feed.json', { body: formatPack(district([ours, comments])), etag: '"v1"' });
    expect(await syncPackUrl(files.url('/feed.json'), env)).toMatchObject({ outcome: 'updated', added: 2 });
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Comment in SpeedGrader', 'Grade with our district rubric']);

    files.routes.set('/feed.json', { body: formatPack(district([comments], '1.1.0')), etag: '"v2"' });
    expect(await syncPackUrl(files.url('/feed.json'), env)).toMatchObject({ outcome: 'updated', removed: 1 });
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Comment in SpeedGrader', 'Grade with a rubric in SpeedGrader']);
  });

  it('across starter pack updates: the district card still stands in for the updated built-in card', async () => {
    await ensureStarterPack(starter('1'), database);
    await replacePack(district([ours]), { kind: 'local' }, database);
    const updatedRubric = { ...rubric, title: 'Grade with a rubric (updated)', version: 2 };
    expect(await ensureStarterPack(starter('2', [updatedRubric, rubricEs, comments]), database)).toBe('updated');
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with our district rubric']);
    // A starter pack that drops the card leaves the district card as it is.
    expect(await ensureStarterPack(starter('3', [comments]), database)).toBe('updated');
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with our district rubric']);
  });

  it('through "Duplicate to my pack": the copy replaces the original until it is deleted', async () => {
    await ensureStarterPack(starter('1'), database);
    const mine = await createLocalPack('District cards', database);
    const copy = await adaptCard(`${STARTER_PACK_ID}/canvas-speedgrader-rubric.es`, mine.id, database);
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    expect(copy.value).toMatchObject({
      id: 'canvas-speedgrader-rubric.es',
      pack: mine.id,
      replaces: `${STARTER_PACK_ID}/canvas-speedgrader-rubric`,
      version: 1,
    });
    // Asked again, it hands back the same copy.
    expect(await adaptCard(`${STARTER_PACK_ID}/canvas-speedgrader-rubric.es`, mine.id, database)).toEqual(copy);
    expect(await speedGraderTitles()).toEqual(['Calificar con una rúbrica en SpeedGrader', 'Comment in SpeedGrader']);
    expect((await database.cards.where('pack').equals(mine.id).toArray()).map((c) => c.pack)).toEqual([mine.id]);

    expect((await deleteCard(copy.value.key, database)).ok).toBe(true);
    expect(await speedGraderTitles()).toEqual(['Comment in SpeedGrader', 'Grade with a rubric in SpeedGrader']);
  });

  it('refuses to adapt into a pack the studio does not edit', async () => {
    await ensureStarterPack(starter('1'), database);
    expect(await adaptCard(`${STARTER_PACK_ID}/canvas-speedgrader-rubric`, STARTER_PACK_ID, database)).toEqual({
      ok: false,
      error: 'not-local',
    });
    expect(await adaptCard('nope/none', STARTER_PACK_ID, database)).toEqual({ ok: false, error: 'missing' });
  });
});
