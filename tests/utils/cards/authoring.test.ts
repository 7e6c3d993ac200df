import { beforeEach, describe, expect, it } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { createLocalPack, deleteCard, deletePack, duplicateCard, restoreDeleted, saveCard } from '../../../utils/cards/authoring';
import {
  addStep,
  draftFromCard,
  moveStep,
  newDraft,
  removeStep,
  setStepTarget,
  slugify,
  splitTags,
  uniqueId,
  validateDraft,
} from '../../../utils/cards/draft';
import { exportPack, importPack } from '../../../utils/cards/import';
import { replacePack } from '../../../utils/cards/store';
import { card, pack as packFile } from '../../support/factories';

const NOW = Date.UTC(2026, 10, 24, 12);

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`authoring-${Math.random()}`);
  await database.open();
});

async function dump() {
  return { packs: await database.packs.toArray(), cards: await database.cards.toArray() };
}

describe('card drafts', () => {
  it('starts a new card on the page it was asked for', () => {
    expect(newDraft({ tool: 'canvas', context: 'speedgrader' })).toMatchObject({
      tools: ['canvas'],
      contexts: ['speedgrader'],
      steps: [''],
    });
    expect(newDraft({ tool: 'canvas', context: null })).toMatchObject({ tools: ['canvas'], contexts: [] });
    expect(newDraft()).toMatchObject({ tools: [], contexts: [] });
  });

  it('validates with the pack schema and names each bad field the way the form does', () => {
    const draft = {
      ...newDraft({ tool: 'canvas' }),
      id: 'Bad Id',
      summary: 'x'.repeat(500),
      links: [{ title: 'Help', url: 'javascript:alert(1)', kind: 'help' as const }],
      reviewBy: '2026-02-30',
    };
    const check = validateDraft(draft);
    expect(check.ok).toBe(false);
    const byField = Object.fromEntries(check.issues.map((issue) => [issue.field, issue]));
    expect(Object.keys(byField).sort()).toEqual(['id', 'links.0.url', 'reviewBy', 'steps.0', 'summary', 'title']);
    expect(byField.summary).toMatchObject({ code: 'too_big:string', limit: 400 });
    expect(byField.title).toMatchObject({ code: 'too_small:string', limit: 1 });
    expect(byField['links.0.url']!.message).toContain('https');
  });

  it('round-trips a card through a draft without losing fields the form does not show', () => {
    const full = card({
      id: 'a',
      steps: ['Open **SpeedGrader**.', 'Click **Save**.'],
      tags: ['grade', 'rubric'],
      lang: 'es',
      version: 3,
      updatedAt: '2026-01-02',
      reviewBy: '2026-09-01',
      targets: [{ step: 1, selectors: ['#save'] }],
      links: [{ title: 'Guide', url: 'https://example.org/guide', kind: 'article' }],
    });
    const check = validateDraft(draftFromCard(full));
    expect(check).toEqual({ ok: true, card: full, issues: [] });
  });

  it('splits tags on commas, trimmed and without repeats', () => {
    expect(splitTags(' grade, rubric,,grade , feedback ')).toEqual(['grade', 'rubric', 'feedback']);
  });

  it('makes ids from titles and keeps them unique', () => {
    expect(slugify('Reuse a rubric in SpeedGrader!')).toBe('reuse-a-rubric-in-speedgrader');
    expect(slugify('Calificar con rúbrica')).toBe('calificar-con-rubrica');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueId('', new Set())).toBe('card');
  });

  it('keeps "show me" targets on their steps when steps move or go', () => {
    const draft = {
      ...draftFromCard(
        card({
          id: 'a',
          steps: ['A', 'B', 'C'],
          targets: [
            { step: 0, selectors: ['#a'] },
            { step: 2, selectors: ['#c'] },
          ],
        }),
      ),
    };
    const moved = moveStep(draft, 2, 0);
    expect(moved.steps).toEqual(['C', 'A', 'B']);
    expect(moved.targets).toEqual([
      { step: 1, selectors: ['#a'] },
      { step: 0, selectors: ['#c'] },
    ]);
    const removed = removeStep(draft, 0);
    expect(removed.steps).toEqual(['B', 'C']);
    expect(removed.targets).toEqual([{ step: 1, selectors: ['#c'] }]);
    expect(moveStep(draft, 0, -1)).toBe(draft);
    expect(addStep(draft).steps).toEqual(['A', 'B', 'C', '']);
  });
});

describe('authoring local packs', () => {
  it('creates a local pack with an id from its name', async () => {
    const first = await createLocalPack("My school's cards", database, NOW);
    const second = await createLocalPack("My school's cards", database, NOW);
    expect([first.id, second.id]).toEqual(['my-schools-cards', 'my-schools-cards-2']);
    expect(first).toMatchObject({ source: { kind: 'local' }, version: '1.0.0', cardCount: 0 });
  });

  it('saves a new card as version 1 dated today, and raises the version when it changes', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    const saved = await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW);
    expect(saved).toMatchObject({
      ok: true,
      value: { key: 'mine/a', version: 1, updatedAt: '2026-11-24', places: ['canvas/speedgrader'] },
    });
    const unchanged = await saveCard(
      pack.id,
      { ...card({ id: 'a' }), version: 1, updatedAt: '2026-11-24' },
      { previousKey: 'mine/a' },
      database,
      NOW + 86_400_000,
    );
    expect(unchanged).toMatchObject({ ok: true, value: { version: 1, updatedAt: '2026-11-24' } });
    const edited = await saveCard(
      pack.id,
      { ...card({ id: 'a', title: 'Better' }), version: 1 },
      { previousKey: 'mine/a' },
      database,
      NOW + 86_400_000,
    );
    expect(edited).toMatchObject({ ok: true, value: { title: 'Better', version: 2, updatedAt: '2026-11-25' } });
    expect(await database.packs.get(pack.id)).toMatchObject({ cardCount: 1 });
  });

  it('an edited card replaces the old copy when another school imports it', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW);
    const elsewhere = new CoachmarkDB(`elsewhere-${Math.random()}`);
    await importPack((await exportPack(pack.id, database))!, undefined, elsewhere);
    await saveCard(pack.id, card({ id: 'a', title: 'Better' }), { previousKey: 'mine/a' }, database, NOW);
    const result = await importPack((await exportPack(pack.id, database))!, undefined, elsewhere);
    expect(result).toMatchObject({ ok: true, updated: 1, added: 0 });
    expect((await elsewhere.cards.get('mine/a'))?.title).toBe('Better');
  });

  it('refuses an id already used in the pack, and saving into a pack that is not local', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW);
    await saveCard(pack.id, card({ id: 'b' }), {}, database, NOW);
    const before = await dump();
    expect(await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW)).toEqual({ ok: false, error: 'id-taken' });
    expect(await saveCard(pack.id, card({ id: 'a' }), { previousKey: 'mine/b' }, database, NOW)).toEqual({ ok: false, error: 'id-taken' });
    await replacePack(packFile({ id: 'coachmark-starter' }), { kind: 'builtin' }, database);
    expect(await saveCard('coachmark-starter', card({ id: 'c' }), {}, database, NOW)).toEqual({ ok: false, error: 'not-local' });
    expect((await dump()).cards).toEqual(before.cards);
  });

  it('renames and moves a card, counting both packs', async () => {
    const one = await createLocalPack('One', database, NOW);
    const two = await createLocalPack('Two', database, NOW);
    await saveCard(one.id, card({ id: 'a' }), {}, database, NOW);
    await saveCard(two.id, card({ id: 'renamed' }), { previousKey: 'one/a' }, database, NOW);
    expect((await database.cards.toArray()).map((c) => c.key)).toEqual(['two/renamed']);
    expect((await database.packs.toArray()).map((p) => [p.id, p.cardCount])).toEqual([
      ['one', 0],
      ['two', 1],
    ]);
  });

  it('duplicates a card with a free id and the given title, at the end of the pack', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    await saveCard(pack.id, card({ id: 'a', version: 4, steps: ['One.', 'Two.'] }), {}, database, NOW);
    await saveCard(pack.id, card({ id: 'a-copy' }), {}, database, NOW);
    const copy = await duplicateCard('mine/a', 'Title of a (copy)', database, NOW);
    expect(copy).toMatchObject({
      ok: true,
      value: { id: 'a-copy-2', title: 'Title of a (copy)', version: 1, steps: ['One.', 'Two.'], position: 2 },
    });
    expect(await database.packs.get(pack.id)).toMatchObject({ cardCount: 3 });
  });

  it('deletes a card and brings it back on undo, exactly as it was', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW);
    await saveCard(pack.id, card({ id: 'b' }), {}, database, NOW);
    const before = await dump();
    const deleted = await deleteCard('mine/a', database, NOW);
    expect(deleted.ok).toBe(true);
    expect(await database.cards.count()).toBe(1);
    expect(await database.packs.get(pack.id)).toMatchObject({ cardCount: 1 });
    if (!deleted.ok) return;
    expect(await restoreDeleted(deleted.value, database, NOW)).toEqual({ ok: true, value: 1 });
    expect(await dump()).toEqual(before);
  });

  it('deletes a local pack with its cards and restores both on undo', async () => {
    const pack = await createLocalPack('Mine', database, NOW);
    await saveCard(pack.id, card({ id: 'a' }), {}, database, NOW);
    const before = await dump();
    const deleted = await deletePack(pack.id, database);
    expect(await dump()).toEqual({ packs: [], cards: [] });
    if (!deleted.ok) throw new Error(deleted.error);
    await restoreDeleted(deleted.value, database, NOW);
    expect(await dump()).toEqual(before);
  });

  it('never deletes the built-in pack or a subscribed one', async () => {
    await replacePack(packFile({ id: 'coachmark-starter', cards: [card({ id: 's' })] }), { kind: 'builtin' }, database);
    await replacePack(packFile({ id: 'feed', cards: [card({ id: 'f' })] }), { kind: 'url', url: 'https://example.org/f.json' }, database);
    const before = await dump();
    expect(await deletePack('coachmark-starter', database)).toEqual({ ok: false, error: 'not-local' });
    expect(await deletePack('feed', database)).toEqual({ ok: false, error: 'not-local' });
    expect(await deleteCard('feed/f', database)).toEqual({ ok: false, error: 'not-local' });
    expect(await dump()).toEqual(before);
  });
});

describe('show-me targets in the editor', () => {
  it('sets, replaces and removes one step’s target, keeping the others in step order', () => {
    let draft = {
      ...newDraft({ tool: 'canvas', context: 'speedgrader' }),
      id: 'canvas-submit',
      title: 'Submit a rubric',
      summary: 'Score and submit.',
      steps: ['Open it.', 'Score it.', 'Submit it.'],
    };
    draft = setStepTarget(draft, 2, { selectors: ['#submit'], label: 'Submit' });
    draft = setStepTarget(draft, 0, { selectors: ['[data-testid="rubric"]'] });
    expect(draft.targets?.map((target) => target.step)).toEqual([0, 2]);
    draft = setStepTarget(draft, 2, { selectors: ['#save'], label: 'Save' });
    expect(draft.targets?.find((target) => target.step === 2)).toEqual({ step: 2, selectors: ['#save'], label: 'Save' });
    draft = setStepTarget(draft, 0, null);
    expect(draft.targets).toEqual([{ step: 2, selectors: ['#save'], label: 'Save' }]);
    expect(validateDraft(draft).ok).toBe(true);
  });
});
