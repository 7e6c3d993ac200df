import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CoachmarkDB } from '../../../utils/platform/db';
import { exportPack, formatPack, importPack, isNewerCard, planImport, readPackFile } from '../../../utils/cards/import';
import { parsePack } from '../../../utils/cards/pack';
import { replacePack } from '../../../utils/cards/store';
import { LIMITS, type Card, type Pack } from '../../../utils/cards/schema';
import { card, pack } from '../../support/factories';

const ROOT = resolve(import.meta.dirname, '../../..');
const BAD_PACKS = join(ROOT, 'tests/fixtures/bad-packs');

/** Cards for Classroom's Classwork page with a tag and a help link, so that imports carry every kind of field. */
function classworkCard(overrides: Partial<Card>): Card {
  return card({
    steps: ['Open **Classwork**.', 'Click **Create**.'],
    tools: ['google-classroom'],
    contexts: ['classwork'],
    tags: ['assign'],
    links: [{ title: 'Help', url: 'https://support.google.com/edu/classroom/answer/6020265', kind: 'help' }],
    ...overrides,
  });
}

function districtPack(cards: Card[], extra: Partial<Pack> = {}): Pack {
  return pack({ id: 'district-pack', name: 'District pack', cards, ...extra });
}

/** Every table, every row: the whole database as a test can compare it. */
async function dump(database: CoachmarkDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of database.tables) out[table.name] = await table.toArray();
  return out;
}

let database: CoachmarkDB;
beforeEach(async () => {
  database = new CoachmarkDB(`import-${Math.random()}`);
  await database.open();
});

describe('planImport', () => {
  it('adds new ids, updates newer copies and skips same or older ones', () => {
    const existing = [
      classworkCard({ id: 'same' }),
      classworkCard({ id: 'older', version: 3 }),
      classworkCard({ id: 'newer', version: 2 }),
      classworkCard({ id: 'dated', updatedAt: '2026-01-01' }),
    ];
    const plan = planImport(
      districtPack([
        classworkCard({ id: 'fresh' }),
        classworkCard({ id: 'same' }),
        classworkCard({ id: 'older', version: 2 }),
        classworkCard({ id: 'newer', version: 3 }),
        classworkCard({ id: 'dated', updatedAt: '2026-02-01' }),
      ]),
      existing,
    );
    expect(plan.added.map((c) => c.id)).toEqual(['fresh']);
    expect(plan.updated.map((c) => c.id)).toEqual(['newer', 'dated']);
    expect(plan.skipped.map((c) => c.id)).toEqual(['same', 'older']);
    expect(plan.counts).toEqual({ added: 1, updated: 2, skipped: 2 });
  });

  it('lets the version decide before the date, and counts a missing version as 1', () => {
    expect(isNewerCard({ version: 2, updatedAt: '2020-01-01' }, { version: 1, updatedAt: '2026-01-01' })).toBe(true);
    expect(isNewerCard({ version: 1, updatedAt: '2027-01-01' }, { version: 2, updatedAt: '2026-01-01' })).toBe(false);
    expect(isNewerCard({}, { version: 1 })).toBe(false);
    expect(isNewerCard({ version: 2 }, {})).toBe(true);
    expect(isNewerCard({ updatedAt: '2026-03-01' }, {})).toBe(true);
    expect(isNewerCard({}, { updatedAt: '2026-03-01' })).toBe(false);
  });
});

describe('importPack', () => {
  it('adds a new pack as a local pack and says what it did', async () => {
    const result = await importPack(
      formatPack(districtPack([classworkCard({ id: 'a' }), classworkCard({ id: 'b' })])),
      { kind: 'local', fileName: 'district.json' },
      database,
    );
    expect(result).toEqual({
      ok: true,
      packId: 'district-pack',
      packName: 'District pack',
      added: 2,
      updated: 0,
      skipped: 0,
      warnings: [],
    });
    const record = await database.packs.get('district-pack');
    expect(record).toMatchObject({
      name: 'District pack',
      version: '1.0.0',
      cardCount: 2,
      source: { kind: 'local', fileName: 'district.json' },
    });
    const stored = await database.cards.where('pack').equals('district-pack').toArray();
    expect(stored.map((c) => [c.key, c.places])).toEqual([
      ['district-pack/a', ['google-classroom/classwork']],
      ['district-pack/b', ['google-classroom/classwork']],
    ]);
  });

  it('merges a second import card by card and keeps cards the file does not mention', async () => {
    await importPack(
      districtPack([
        classworkCard({ id: 'keep' }),
        classworkCard({ id: 'old', title: 'Old title', version: 1 }),
        classworkCard({ id: 'same', title: 'Mine' }),
      ]),
      undefined,
      database,
    );
    const result = await importPack(
      districtPack(
        [
          classworkCard({ id: 'old', title: 'New title', version: 2 }),
          classworkCard({ id: 'same', title: 'Theirs' }),
          classworkCard({ id: 'new' }),
        ],
        {
          version: '1.1.0',
          name: 'Renamed',
        },
      ),
      undefined,
      database,
    );
    expect(result).toMatchObject({ ok: true, added: 1, updated: 1, skipped: 1 });
    const titles = Object.fromEntries((await database.cards.toArray()).map((c) => [c.id, c.title]));
    expect(titles).toEqual({ keep: 'Title of keep', old: 'New title', same: 'Mine', new: 'Title of new' });
    expect(await database.packs.get('district-pack')).toMatchObject({ name: 'Renamed', version: '1.1.0', cardCount: 4 });
  });

  it('keeps the newer pack name when an older pack file is imported', async () => {
    await importPack(districtPack([classworkCard({ id: 'a' })], { version: '2.0.0', name: 'Current' }), undefined, database);
    await importPack(districtPack([classworkCard({ id: 'b' })], { version: '1.0.0', name: 'Outdated' }), undefined, database);
    expect(await database.packs.get('district-pack')).toMatchObject({ name: 'Current', version: '2.0.0', cardCount: 2 });
  });

  it('passes warnings through (an unknown tool is a warning, not an error)', async () => {
    const result = await importPack(
      districtPack([classworkCard({ id: 'a', tools: ['not-a-real-tool'], contexts: [] })]),
      undefined,
      database,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.added).toBe(1);
    expect(result.warnings.join('\n')).toContain('cards[0].tools[0]');
  });

  it('refuses a pack with errors, reports every one with its path, and changes nothing', async () => {
    await importPack(districtPack([classworkCard({ id: 'a' })]), undefined, database);
    const before = await dump(database);
    const bad = districtPack([classworkCard({ id: 'a', title: 'Changed', version: 5 }), classworkCard({ id: 'b' })]) as unknown as {
      cards: Array<Record<string, unknown>>;
    };
    bad.cards[0]!.level = 'expert';
    (bad.cards[1]!.links as Array<Record<string, unknown>>)[0]!.url = 'javascript:alert(1)';
    const result = await importPack(JSON.stringify(bad, null, 2), undefined, database);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => e.startsWith('cards[0].level:'))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('cards[1].links[0].url:'))).toBe(true);
    expect(await dump(database)).toEqual(before);
  });

  it('changes nothing for any pack in the bad-pack corpus', async () => {
    await importPack(districtPack([classworkCard({ id: 'a' })]), undefined, database);
    const before = await dump(database);
    const files = readdirSync(BAD_PACKS).filter((name) => name.endsWith('.json') && name !== 'expected.json');
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const name of files) {
      const result = await importPack(readFileSync(join(BAD_PACKS, name), 'utf8'), undefined, database);
      expect(result.ok, name).toBe(false);
    }
    expect(await dump(database)).toEqual(before);
  });

  it('refuses to merge into the built-in pack or a subscribed pack', async () => {
    await replacePack(districtPack([classworkCard({ id: 'a' })], { id: 'coachmark-starter' }), { kind: 'builtin' }, database);
    await replacePack(
      districtPack([classworkCard({ id: 'a' })], { id: 'feed' }),
      { kind: 'url', url: 'https://example.org/feed.json' },
      database,
    );
    const before = await dump(database);
    const builtin = await importPack(districtPack([classworkCard({ id: 'b' })], { id: 'coachmark-starter' }), undefined, database);
    const feed = await importPack(districtPack([classworkCard({ id: 'b' })], { id: 'feed' }), undefined, database);
    expect(builtin).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^id: "coachmark-starter" is already used by the built-in pack/)],
    });
    expect(feed).toEqual({ ok: false, errors: [expect.stringContaining('https://example.org/feed.json')] });
    expect(await dump(database)).toEqual(before);
  });

  it('refuses a file over the size limit without reading it', async () => {
    class HugeFile extends Blob {
      override get size() {
        return LIMITS.maxFileBytes + 1;
      }
      override text(): Promise<string> {
        throw new Error('read a file that should have been refused by its size');
      }
    }
    const before = await dump(database);
    const result = await importPack(new HugeFile(['{}']), undefined, database);
    expect(result).toEqual({ ok: false, errors: ['file: is 20.0 MB, over the 20.0 MB limit for a pack'] });
    expect(await dump(database)).toEqual(before);
  });

  it('reads a picked file within the limit', async () => {
    const file = new Blob([formatPack(districtPack([classworkCard({ id: 'a' })]))], { type: 'application/json' });
    expect(await readPackFile(file)).toMatchObject({ ok: true });
    expect(await importPack(file, undefined, database)).toMatchObject({ ok: true, added: 1 });
  });

  it('writes nothing when the transaction fails half-way', async () => {
    await importPack(districtPack([classworkCard({ id: 'a' })]), undefined, database);
    const before = await dump(database);
    // A pack record write that fails after the cards were written: the cards must roll back too.
    database.packs.hook('creating', () => {
      throw new Error('disk full');
    });
    const result = await importPack(districtPack([classworkCard({ id: 'b' })], { id: 'other' }), undefined, database);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('disk full')] });
    expect(await dump(database)).toEqual(before);
  });
});

describe('exportPack', () => {
  it('writes the canonical file: schema key order, 2-space indent, only format fields', async () => {
    const scrambled = {
      cards: [
        {
          level: 'beginner',
          links: [{ kind: 'help', url: 'https://example.org/help', title: 'Help' }],
          tags: [],
          contexts: [],
          tools: ['canvas'],
          steps: ['Go.'],
          summary: 'S.',
          title: 'T',
          id: 'c',
          version: 2,
        },
      ],
      lang: 'en',
      version: '1.0.0',
      name: 'Scrambled',
      id: 'scrambled',
      schemaVersion: 1,
    };
    await importPack(scrambled, undefined, database);
    const text = await exportPack('scrambled', database);
    expect(text).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "id": "scrambled",',
        '  "name": "Scrambled",',
        '  "version": "1.0.0",',
        '  "lang": "en",',
        '  "cards": [',
        '    {',
        '      "id": "c",',
        '      "title": "T",',
        '      "summary": "S.",',
        '      "steps": [',
        '        "Go."',
        '      ],',
        '      "tools": [',
        '        "canvas"',
        '      ],',
        '      "contexts": [],',
        '      "tags": [],',
        '      "level": "beginner",',
        '      "links": [',
        '        {',
        '          "title": "Help",',
        '          "url": "https://example.org/help",',
        '          "kind": "help"',
        '        }',
        '      ],',
        '      "version": 2',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('returns null for a pack that does not exist', async () => {
    expect(await exportPack('nope', database)).toBeNull();
  });

  it('round-trips the starter pack exactly: import → export → import → export', async () => {
    const starter = readFileSync(join(ROOT, 'public/packs/starter.json'), 'utf8');
    const parsed = parsePack(starter);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const canonical = formatPack(parsed.pack);

    await importPack(starter, undefined, database);
    const exported = await exportPack(parsed.pack.id, database);
    // Same pack, same card order, nothing lost: the file is the parsed pack, canonically written.
    expect(exported).toBe(canonical);
    // $schema only helps editors find the JSON Schema; it is not part of the pack.
    const { $schema: _editorsOnly, ...content } = parsed.pack;
    expect(JSON.parse(exported!)).toEqual(JSON.parse(JSON.stringify(content)));

    const second = new CoachmarkDB(`import-${Math.random()}`);
    await second.open();
    await importPack(exported!, undefined, second);
    expect(await exportPack(parsed.pack.id, second)).toBe(exported);
    const withoutTimes = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), updatedAt: 0 }));
    expect(withoutTimes(await second.packs.toArray())).toEqual(withoutTimes(await database.packs.toArray()));
    expect(await second.cards.toArray()).toEqual(await database.cards.toArray());
  });

  it('keeps the author’s card order after a merge: new cards go to the end', async () => {
    await importPack(districtPack([classworkCard({ id: 'zeta' }), classworkCard({ id: 'alpha' })]), undefined, database);
    await importPack(districtPack([classworkCard({ id: 'beta' }), classworkCard({ id: 'zeta', version: 2 })]), undefined, database);
    const exported = JSON.parse((await exportPack('district-pack', database))!) as Pack;
    expect(exported.cards.map((c) => c.id)).toEqual(['zeta', 'alpha', 'beta']);
    expect(exported.cards[0]!.version).toBe(2);
  });
});
