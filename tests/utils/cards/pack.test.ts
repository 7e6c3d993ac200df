import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePack } from '../../../utils/cards/pack';
import { LIMITS } from '../../../utils/cards/schema';
import { MAX_NESTING } from '../../../utils/platform/json-file';
import { card as validCard, pack as validPack } from '../../support/factories';

const BAD_PACKS = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/bad-packs');

interface Expectation {
  /** The error must start with "<path>: ". */
  path: string;
  /** Fragment(s) the error must contain. */
  message: string | string[];
  /** The defect exists only in the text (JSON.parse would hide it). */
  textOnly?: boolean;
}

const manifest = JSON.parse(readFileSync(join(BAD_PACKS, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const fixtureFiles = readdirSync(BAD_PACKS).filter((name) => name !== 'expected.json');

function errorsOf(input: unknown): string[] {
  const result = parsePack(input);
  if (result.ok) throw new Error(`expected the pack to be refused, but it loaded with ${result.pack.cards.length} cards`);
  return result.errors;
}

/** Every error names a path first: a field path, "pack" or "file". */
const PATH_PREFIX = /^(?:file|pack|[A-Za-z_$][\w$]*|\[\d+\])(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*: \S/;

describe('bad-pack corpus (tests/fixtures/bad-packs)', () => {
  it('lists every fixture in expected.json, and nothing else', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(25);
    expect([...fixtureFiles].sort()).toEqual(Object.keys(manifest).sort());
  });

  it.each(Object.entries(manifest))('%s is refused with one error at the expected path', (file, expectation) => {
    const errors = errorsOf(readFileSync(join(BAD_PACKS, file), 'utf8'));
    // One defect per file, so exactly one error: the rest of each fixture is a valid pack.
    expect(errors).toHaveLength(1);
    const [error] = errors as [string];
    expect(error.startsWith(`${expectation.path}: `), `"${error}" should start with "${expectation.path}: "`).toBe(true);
    for (const fragment of [expectation.message].flat()) expect(error).toContain(fragment);
    expect(error).toMatch(PATH_PREFIX);
  });

  const parsedFixtures = Object.entries(manifest).filter(([, e]) => e.path !== 'file' && !e.textOnly);
  it.each(parsedFixtures)('%s gives the same error when passed already parsed', (file) => {
    const text = readFileSync(join(BAD_PACKS, file), 'utf8');
    expect(errorsOf(JSON.parse(text))).toEqual(errorsOf(text));
  });
});

/** A compact valid card; `i` makes the id unique. */
function card(i: number) {
  return validCard({ id: `card-${i}`, title: `Card ${i}`, summary: 'Short.', steps: ['Do it.'], contexts: [] });
}

/** A pack around any cards, valid or not. */
function pack(cards: unknown[]) {
  return { ...validPack({ id: 'generated', name: 'Generated' }), cards };
}

describe('generated bad packs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a pack with 50,000 cards with one error, as text and as a value', () => {
    const huge = pack(Array.from({ length: 50_000 }, (_, i) => card(i)));
    const text = JSON.stringify(huge);
    expect(text.length).toBeLessThan(LIMITS.maxFileBytes); // refused for its cards, not its size
    for (const input of [huge, text]) {
      const started = performance.now();
      const errors = errorsOf(input);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(errors).toEqual([`cards: has 50000 cards, more than the ${LIMITS.maxCards} a pack may hold`]);
    }
  });

  it('refuses text over 20 MB before any JSON parsing', () => {
    const padding = 'a'.repeat(LIMITS.maxFileBytes + 1024);
    const text = `{"schemaVersion": 1, "id": "big", "name": "Big", "version": "1", "cards": [], "notes": "${padding}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const errors = errorsOf(text);
    const elapsed = performance.now() - started;
    expect(parse).not.toHaveBeenCalled();
    // Scanning or parsing 20 MB takes far longer than this; the size check does not look inside.
    expect(elapsed).toBeLessThan(250);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe('file: is 20.1 MB, over the 20.0 MB limit for a pack');
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    // 7.5 million three-byte characters: 7.5 M characters but about 21.5 MB.
    const errors = errorsOf(`"${'€'.repeat(7_500_000)}"`);
    expect(errors).toEqual(['file: is 21.5 MB, over the 20.0 MB limit for a pack']);
    // Just under the limit in bytes: read, then refused for what it is.
    expect(errorsOf(`"${'€'.repeat(6_000_000)}"`)[0]).toMatch(/^pack: must be a JSON object .*, not the string "€€€/);
  });

  it('refuses very deep nesting in text without overflowing the stack', () => {
    const errors = errorsOf(`{"cards": ${'['.repeat(100_000)}`);
    expect(errors).toEqual([`file: nested more than ${MAX_NESTING} levels deep at line 1, column ${11 + MAX_NESTING - 1}`]);
  });

  it('refuses very deep or circular values passed already parsed', () => {
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(errorsOf(pack(root))[0]).toMatch(/^cards(\[0\])+: nested more than 32 levels deep$/);

    const circular: Record<string, unknown> = pack([card(1)]);
    circular.self = circular;
    const circularErrors = errorsOf(circular);
    expect(circularErrors.length).toBeGreaterThan(0);
    for (const error of circularErrors) expect(error).toMatch(/^self(\.self)+\S*: nested more than 32 levels deep$/);
  });

  it('reports at most 200 errors and says how many more there were', () => {
    const cards = Array.from({ length: 300 }, (_, i) => ({ ...card(i), title: '' }));
    const errors = errorsOf(pack(cards));
    expect(errors).toHaveLength(201);
    expect(errors[0]).toBe('cards[0].title: must not be empty');
    expect(errors[200]).toBe('pack: 100 more errors not shown');
  });
});

describe('parsePack never throws', () => {
  const hostileValues: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a boolean', true],
    ['a symbol', Symbol('pack')],
    ['a function', () => 1],
    ['a Map', new Map([['cards', []]])],
    ['JSON null text', 'null'],
    ['JSON string text', '"pack"'],
    ['a lone BOM', '\uFEFF'],
    ['whitespace only', ' \n\t '],
    [
      'an object whose getter throws',
      Object.defineProperty(pack([]), 'name', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
    ],
    [
      'a proxy that throws on every access',
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('no keys');
          },
          get() {
            throw new Error('no get');
          },
        },
      ),
    ],
  ];

  it.each(hostileValues)('%s gives errors, not an exception', (_name, value) => {
    const result = parsePack(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(error).toMatch(PATH_PREFIX);
    }
  });
});

/** A pack using every field of the format, written the way the format prints it. */
const CANONICAL = {
  $schema: 'https://coachmark.app/pack.schema.json',
  schemaVersion: 1,
  id: 'district-canvas',
  name: 'District: Canvas basics',
  version: '2026.9.1',
  description: 'Cards for our teachers, kept by the tech coaches.',
  lang: 'en',
  cards: [
    {
      id: 'canvas-speedgrader-comment',
      title: 'Leave a comment in SpeedGrader',
      summary: 'Give a student written feedback next to their work.',
      steps: ['Open the assignment and choose **SpeedGrader**.', 'Type in **Assignment Comments** and choose **Submit**.'],
      tools: ['canvas'],
      contexts: ['speedgrader'],
      tags: ['feedback', 'grading'],
      level: 'beginner',
      links: [
        { title: 'Canvas Instructor Guide', url: 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor', kind: 'help' },
      ],
      lang: 'en',
      version: 3,
      reviewBy: '2027-06-30',
      updatedAt: '2026-09-01',
      targets: [{ step: 1, selectors: ['#speed_grader_comment_textarea', 'textarea[name="comment"]'], label: 'Comment box' }],
    },
    {
      id: 'classroom-reuse-post',
      title: 'Reuse a post from another class',
      summary: 'Copy an assignment you already made into this class.',
      steps: ['Open **Classwork**, choose **Create**, then **Reuse post**.'],
      tools: ['google-classroom'],
      contexts: [],
      tags: [],
      level: 'intermediate',
      links: [],
    },
  ],
};

describe('valid packs, and details of the messages', () => {
  it('accepts a minimal pack with no cards, and one with a minimal card', () => {
    const empty = { schemaVersion: 1, id: 'min', name: 'Minimal', version: '1', cards: [] };
    expect(parsePack(empty)).toEqual({ ok: true, pack: empty, warnings: [] });
    const one = parsePack(pack([card(1)]));
    expect(one).toEqual({ ok: true, pack: pack([card(1)]), warnings: [] });
  });

  it('round-trips a canonical pack: JSON.stringify of the result deep-equals the input', () => {
    const result = parsePack(structuredClone(CANONICAL));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.pack))).toEqual(CANONICAL);
  });

  it('gives the same result for the text and for the parsed value', () => {
    const text = JSON.stringify(CANONICAL, null, 2);
    expect(parsePack(text)).toEqual(parsePack(JSON.parse(text)));
  });

  it('accepts a file saved with a UTF-8 byte order mark', () => {
    const result = parsePack(`\uFEFF${JSON.stringify(CANONICAL)}`);
    expect(result.ok).toBe(true);
  });

  it('counts lines and columns correctly in files with Windows line endings', () => {
    const text = '{\r\n  "schemaVersion": 1,\r\n  "id": "x"\r\n  "name": "y"\r\n}';
    expect(errorsOf(text)).toEqual(['file: invalid JSON at line 4, column 3 (expected ",")']);
  });

  it('points at the comma itself for a trailing comma in an array', () => {
    const text = '{"schemaVersion": 1, "tags": ["a", "b", ]}';
    const column = text.indexOf(', ]') + 1;
    expect(errorsOf(text)).toEqual([`file: invalid JSON at line 1, column ${column} (a comma before "]": JSON allows no trailing commas)`]);
  });

  it('warns, but loads, a card for a tool Coachmark does not know', () => {
    const result = parsePack(pack([{ ...card(1), tools: ['smartboard-notebook'] }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      'cards[0].tools[0]: "smartboard-notebook" is not a tool Coachmark knows; the card will only show in search',
    ]);
  });

  it("warns about a context the card's tools do not have", () => {
    const result = parsePack(pack([{ ...card(1), contexts: ['speedgrader', 'speed-grader'] }]));
    expect(result.ok && result.warnings).toEqual([
      'cards[0].contexts[1]: "speed-grader" is not a context of canvas; the card will not show there',
    ]);
  });

  it('accepts unknown extra fields, drops them, and warns with a guess for typos', () => {
    const input = {
      ...pack([{ ...card(1), reviewby: '2027-01-01', 'x-district': { owner: 'coach' } }]),
      maintainer: 'Tech coaches',
    };
    const result = parsePack(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack).toEqual(pack([card(1)]));
    expect(result.warnings).toEqual([
      'maintainer: is not a field of a pack and is ignored',
      'cards[0].reviewby: is not a field of a card and is ignored (did you mean "reviewBy"?)',
      'cards[0]["x-district"]: is not a field of a card and is ignored',
    ]);
  });

  it('trims surrounding whitespace from text fields', () => {
    const result = parsePack(pack([{ ...card(1), title: '  Spaced title \n' }]));
    expect(result.ok && result.pack.cards[0]?.title).toBe('Spaced title');
  });
});
