import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import { createSearchCache, librarySignature, type SearchCache } from '../../../utils/search/cache';
import type { Card } from '../../../utils/cards/schema';
import { card as validCard } from '../../support/factories';

const card = (id: string, title: string): Card => validCard({ id, title, summary: 's', steps: ['x'], contexts: [] });

let database: CoachmarkDB;
let cache: SearchCache;

beforeEach(async () => {
  database = new CoachmarkDB(`search-cache-${Math.random()}`);
  await database.open();
  await replacePack(
    { schemaVersion: 1, id: 'p', name: 'p', version: '1', cards: [card('rubric', 'Grade with a rubric')] },
    { kind: 'local' },
    database,
  );
  cache = createSearchCache(database);
});
afterEach(async () => {
  cache.dispose();
  await database.delete();
});

describe('search cache', () => {
  it('reads the library once and serves the same index until it changes', async () => {
    const readAll = vi.spyOn(database.cards, 'toArray');
    expect(cache.peek()).toBeUndefined();
    const first = await cache.load();
    expect(await cache.load()).toBe(first);
    expect(cache.peek()).toBe(first);
    expect(readAll).toHaveBeenCalledTimes(1);
    // The index hands back the stored records themselves.
    expect(first.search('rubrik')[0]).toMatchObject({ key: 'p/rubric', places: ['canvas/*'] });
  });

  it('drops the index when a pack is added or a pack’s cards change, and the next load sees them', async () => {
    const first = await cache.load();
    const dropped = vi.fn();
    cache.onInvalidate(dropped);
    await replacePack(
      { schemaVersion: 1, id: 'q', name: 'q', version: '1', cards: [card('announce', 'Post an announcement')] },
      { kind: 'local' },
      database,
    );
    await vi.waitFor(() => expect(dropped).toHaveBeenCalledTimes(1));
    expect(cache.peek()).toBeUndefined();
    const second = await cache.load();
    expect(second).not.toBe(first);
    expect(second.search('anouncement').map((found) => found.id)).toEqual(['announce']);

    // Same count, new version of a pack: still a change.
    await replacePack(
      { schemaVersion: 1, id: 'q', name: 'q', version: '2', cards: [card('announce', 'Schedule an announcement')] },
      { kind: 'local' },
      database,
    );
    await vi.waitFor(() => expect(dropped).toHaveBeenCalledTimes(2));
    expect((await cache.load()).search('schedule').map((found) => found.title)).toEqual(['Schedule an announcement']);
  });

  it('describes the library by card count and each pack’s version and last change', async () => {
    const before = await librarySignature(database);
    await database.packs.update('p', { updatedAt: 1 });
    expect(await librarySignature(database)).not.toBe(before);
    // A failed sync attempt changes neither.
    const now = await librarySignature(database);
    await database.packs.update('p', { source: { kind: 'url', url: 'https://example.org/p.json', lastSyncAt: 5 } });
    expect(await librarySignature(database)).toBe(now);
  });

  it('indexes the cards a teacher sees: not a replaced card, and of a card and its translation the one in their language', async () => {
    await replacePack(
      {
        schemaVersion: 1,
        id: 'p',
        name: 'p',
        version: '2',
        cards: [
          card('rubric', 'Grade with a rubric'),
          validCard({
            id: 'rubric.es',
            title: 'Calificar con una rúbrica',
            summary: 's',
            steps: ['x'],
            contexts: [],
            lang: 'es',
            tags: ['translation-of:rubric'],
          }),
          card('announce', 'Post an announcement'),
        ],
      },
      { kind: 'local' },
      database,
    );
    await replacePack(
      {
        schemaVersion: 1,
        id: 'district',
        name: 'district',
        version: '1',
        cards: [
          validCard({
            id: 'our-announce',
            title: 'Post an announcement the district way',
            summary: 's',
            steps: ['x'],
            contexts: [],
            replaces: 'p/announce',
          }),
        ],
      },
      { kind: 'local' },
      database,
    );
    const ids = (loaded: Awaited<ReturnType<SearchCache['load']>>, query: string) => loaded.search(query).map((found) => found.id);

    const spanish = createSearchCache(database, { uiLanguage: 'es-419' });
    const inSpanish = await spanish.load();
    expect(inSpanish.language).toBe('es');
    expect(inSpanish.size).toBe(2);
    expect(ids(inSpanish, 'rubricas')).toEqual(['rubric.es']);
    expect(ids(inSpanish, 'announcement')).toEqual(['our-announce']);
    expect(inSpanish.matchTerms('rubricas').language).toBe('es');
    spanish.dispose();

    const english = createSearchCache(database, { uiLanguage: 'en-US' });
    const inEnglish = await english.load();
    expect(inEnglish.language).toBe('en');
    expect(ids(inEnglish, 'rubric')).toEqual(['rubric']);
    expect(ids(inEnglish, 'announcement')).toEqual(['our-announce']);
    english.dispose();
  });
});
