import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, nodeIo, runCardsCli, type CardsCliIo } from '../../scripts/cards';
import { parsePack } from '../../utils/cards/pack';
import { LIMITS, type Card } from '../../utils/cards/schema';
import { card, pack } from '../support/factories';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BAD_PACKS = join(PROJECT_ROOT, 'tests/fixtures/bad-packs');

/** Real files through the real Node file functions; only the output is captured. */
function capture(overrides: Partial<CardsCliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const io: CardsCliIo = {
    ...nodeIo,
    readFile: (path) => {
      reads.push(path);
      return nodeIo.readFile(path);
    },
    stdout: (line) => out.push(...line.split('\n')),
    stderr: (line) => err.push(...line.split('\n')),
    today: () => '2026-11-22',
    ...overrides,
  };
  return { io, out, err, reads };
}

const cliPack = (cards: Card[]) => pack({ id: 'cli-test', name: 'CLI test', cards });

let dir: string;
let goodFile: string;
let warningFile: string;
let syntaxFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cards-cli-'));
  goodFile = join(dir, 'good.json');
  writeFileSync(goodFile, JSON.stringify(cliPack([card({ id: 'a' }), card({ id: 'b' })]), null, 2));
  warningFile = join(dir, 'warning.json');
  writeFileSync(warningFile, JSON.stringify(cliPack([card({ id: 'c', tools: ['smartboard-notebook'], contexts: [] })]), null, 2));
  syntaxFile = join(dir, 'syntax.json');
  writeFileSync(syntaxFile, '{\n  "schemaVersion": 1,\n  "id": "x",,\n}\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cards CLI: usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const { io, out, err } = capture();
    expect(await runCardsCli(['--help'], io)).toBe(EXIT.ok);
    expect(out.join('\n')).toMatch(/^Usage: npm run cards -- <command>/);
    expect(out.join('\n')).toContain('check [--strict] <file...>');
    expect(out.join('\n')).toContain('new ');
    expect(err).toEqual([]);
  });

  it('with no command prints the usage on stderr and exits 2', async () => {
    const { io, out, err } = capture();
    expect(await runCardsCli([], io)).toBe(EXIT.usage);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^Usage:/);
  });

  it('rejects an unknown command, an unknown option and check without files', async () => {
    for (const [argv, message] of [
      [['bogus'], 'cards: unknown command "bogus"'],
      [['check', '--fix', goodFile], 'cards: unknown option "--fix"'],
      [['check'], 'cards: "check" needs at least one file'],
      [['new', 'extra'], 'cards: "new" takes no arguments (got extra)'],
    ] as const) {
      const { io, err } = capture();
      expect(await runCardsCli(argv, io), argv.join(' ')).toBe(EXIT.usage);
      expect(err[0]).toBe(message);
    }
  });
});

describe('cards CLI: check', () => {
  it('prints OK with the card and warning counts for a valid pack and exits 0', async () => {
    const { io, out } = capture();
    expect(await runCardsCli(['check', goodFile], io)).toBe(EXIT.ok);
    expect(out).toEqual([`${goodFile}: OK (2 cards, 0 warnings)`]);
  });

  it('lists warnings under the OK line; --strict turns them into a failure', async () => {
    const relaxed = capture();
    expect(await runCardsCli(['check', warningFile], relaxed.io)).toBe(EXIT.ok);
    expect(relaxed.out).toEqual([
      `${warningFile}: OK (1 card, 1 warning)`,
      `${warningFile}: warning: cards[0].tools[0]: "smartboard-notebook" is not a tool Coachmark knows; the card will only show in search`,
    ]);
    const strict = capture();
    expect(await runCardsCli(['check', '--strict', warningFile], strict.io)).toBe(EXIT.failed);
    expect(strict.out[0]).toBe(`${warningFile}: FAILED (--strict: warnings count as errors) (1 card, 1 warning)`);
  });

  it('checks "show me" targets: locators are validated, and a target without a source or with CSS only is a warning', async () => {
    const targeted = card({ id: 't', steps: ['Open **Modules**.', 'Select **Add Module**.', 'Save.'] });
    const file = join(dir, 'targets.json');
    writeFileSync(
      file,
      JSON.stringify(
        cliPack([
          {
            ...targeted,
            targets: [
              { step: 0, locate: [{ role: 'link', name: 'Modules' }], source: 'https://community.canvaslms.com/t5/x' },
              { step: 1, locate: [{ css: '.add_module_link' }], source: 'canvas-lms app/views/context_modules/index.html.erb' },
              { step: 2, selectors: ['#save'] },
            ],
          },
        ]),
      ),
    );
    const { io, out } = capture();
    expect(await runCardsCli(['check', file], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      `${file}: OK (1 card, 3 warnings)`,
      `${file}: warning: cards[0].targets[1]: is found by CSS only; put a role and name (or text) locator first, which survives redesigns`,
      `${file}: warning: cards[0].targets[2]: has no source; say where the control's label was checked (the vendor's help article or source file)`,
      `${file}: warning: cards[0].targets[2]: is found by CSS only; put a role and name (or text) locator first, which survives redesigns`,
    ]);

    const badFile = join(dir, 'bad-target.json');
    writeFileSync(badFile, JSON.stringify(cliPack([{ ...targeted, targets: [{ step: 0, locate: [{ role: 'link', text: 'Modules' }] }] }])));
    const bad = capture();
    expect(await runCardsCli(['check', badFile], bad.io)).toBe(EXIT.failed);
    expect(bad.out.join('\n')).toContain('cards[0].targets[0].locate[0]: uses role and text');
  });

  it('reads the text, so JSON syntax errors come with line and column', async () => {
    const { io, out } = capture();
    expect(await runCardsCli(['check', syntaxFile], io)).toBe(EXIT.failed);
    expect(out).toEqual([`${syntaxFile}: invalid JSON at line 3, column 13 (expected a property name in double quotes)`]);
  });

  it('prefixes every error with the file name, checks every file, and exits 1 if any fails', async () => {
    const bad = join(BAD_PACKS, 'link-javascript-url.json');
    const { io, out } = capture();
    expect(await runCardsCli(['check', goodFile, bad, warningFile], io)).toBe(EXIT.failed);
    expect(out).toEqual([
      `${goodFile}: OK (2 cards, 0 warnings)`,
      `${bad}: cards[0].links[0].url: must be a full https link, for example https://example.com/help`,
      `${warningFile}: OK (1 card, 1 warning)`,
      expect.stringContaining(`${warningFile}: warning: `),
      '1 of 3 files failed',
    ]);
  });

  it('reports a missing file and a directory without stopping', async () => {
    const missing = join(dir, 'missing.json');
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    const { io, out } = capture();
    expect(await runCardsCli(['check', missing, folder, goodFile], io)).toBe(EXIT.failed);
    expect(out).toEqual([
      `${missing}: cannot be read (no such file)`,
      `${folder}: cannot be read (it is a directory)`,
      `${goodFile}: OK (2 cards, 0 warnings)`,
      '2 of 3 files failed',
    ]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, LIMITS.maxFileBytes + 1024 * 1024); // sparse: no 21 MB written to disk
    const { io, out, reads } = capture();
    expect(await runCardsCli(['check', big], io)).toBe(EXIT.failed);
    expect(reads).toEqual([]);
    expect(out).toEqual([`${big}: is 21.0 MB, over the 20.0 MB limit for a pack`]);
  });
});

describe('cards CLI: new', () => {
  it('prints a template pack that passes check with no warnings', async () => {
    const { io, out } = capture();
    expect(await runCardsCli(['new'], io)).toBe(EXIT.ok);
    const text = out.join('\n');
    const result = parsePack(text);
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.pack.cards).toHaveLength(1);
    expect(result.ok && result.pack.cards[0]?.updatedAt).toBe('2026-11-22');

    const file = join(dir, 'from-template.json');
    writeFileSync(file, text);
    const checked = capture();
    expect(await runCardsCli(['check', file], checked.io)).toBe(EXIT.ok);
    expect(checked.out).toEqual([`${file}: OK (1 card, 0 warnings)`]);
  });
});

describe('cards CLI as a process (what npm run cards runs)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cards.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('sets the exit code and prints to stdout', () => {
    const passing = run('check', goodFile);
    expect(passing.status).toBe(0);
    expect(passing.stdout).toBe(`${goodFile}: OK (2 cards, 0 warnings)\n`);

    const failing = run('check', syntaxFile);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain(`${syntaxFile}: invalid JSON at line 3, column 13`);

    expect(run('frobnicate').status).toBe(2);
  }, 60_000);
});
