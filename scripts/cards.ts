import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { describeOversize, parsePack } from '../utils/cards/pack';
import { LIMITS, PACK_SCHEMA_VERSION, type Pack } from '../utils/cards/schema';
import { packQualityProblems } from '../utils/cards/quality';

/**
 * The coaches' command line for card packs:
 *
 *   npm run cards -- check <file...>   validate pack files; exit 1 if any fails
 *   npm run cards -- new               print a template pack to start from
 *   npm run cards -- --help
 *
 * All logic is in runCardsCli so that tests can drive it with their own output streams.
 */

export interface CardsCliIo {
  readFile(path: string): Promise<string>;
  /** Size in bytes, so that oversized files are refused without reading them. */
  fileSize(path: string): Promise<number>;
  stdout(line: string): void;
  stderr(line: string): void;
  /** Today's date as YYYY-MM-DD, for the template. */
  today(): string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const USAGE = `Usage: npm run cards -- <command>

Commands:
  check [--strict] <file...>   Check card pack files. Prints "<file>: OK (N cards, M warnings)"
                               or each problem as "<file>: <path>: <what is wrong>".
                               --strict also fails files that have warnings.
                               "Show me" targets without a source, or found by CSS
                               alone, are warnings; so are links to a help centre's
                               home page, a link twice in one card, and more than
                               3 steps in a row that name no control in **bold**.
                               Exit code 1 if any file fails.
  new                          Print a template pack with one example card, for example
                               npm run cards -- new > my-pack.json
  --help, -h                   Show this help.

A pack is a JSON file: { "schemaVersion": ${PACK_SCHEMA_VERSION}, "id", "name", "version", "cards": [...] }.
Editors can check packs as you type with public/pack.schema.json.`;

export const nodeIo: CardsCliIo = {
  readFile: (path) => readFile(path, 'utf8'),
  fileSize: async (path) => (await stat(path)).size,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  today: () => new Date().toISOString().slice(0, 10),
};

export async function runCardsCli(argv: readonly string[], io: CardsCliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'new') {
    if (rest.length > 0) return usageError(`"new" takes no arguments (got ${rest.join(' ')})`, io);
    io.stdout(JSON.stringify(templatePack(io.today()), null, 2));
    return EXIT.ok;
  }
  return usageError(`unknown command "${command}"`, io);
}

function usageError(message: string, io: CardsCliIo): number {
  io.stderr(`cards: ${message}`);
  io.stderr('');
  io.stderr(USAGE);
  return EXIT.usage;
}

async function check(args: readonly string[], io: CardsCliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const strict = args.includes('--strict');
  const unknownOption = args.find((arg) => arg.startsWith('--') && arg !== '--strict');
  if (unknownOption) return usageError(`unknown option "${unknownOption}"`, io);
  const files = args.filter((arg) => arg !== '--strict');
  if (files.length === 0) return usageError('"check" needs at least one file', io);

  let failed = 0;
  for (const file of files) {
    if (!(await checkFile(file, strict, io))) failed++;
  }
  if (files.length > 1) {
    io.stdout(failed === 0 ? `${files.length} files OK` : `${failed} of ${files.length} files failed`);
  }
  return failed === 0 ? EXIT.ok : EXIT.failed;
}

/** Checks one file and prints the outcome; true when it passes. */
async function checkFile(file: string, strict: boolean, io: CardsCliIo): Promise<boolean> {
  let text: string;
  try {
    const size = await io.fileSize(file);
    if (size > LIMITS.maxFileBytes) {
      io.stdout(`${file}: ${describeOversize(size)}`);
      return false;
    }
    text = await io.readFile(file);
  } catch (error) {
    io.stdout(`${file}: cannot be read (${describeReadError(error)})`);
    return false;
  }

  // The text, not a parsed value, so that syntax errors come with line and column.
  const result = parsePack(text);
  if (!result.ok) {
    for (const error of result.errors) io.stdout(`${file}: ${withoutFilePrefix(error)}`);
    return false;
  }
  const { cards } = result.pack;
  const warnings = [...(result.warnings ?? []), ...targetWarnings(result.pack), ...packQualityProblems(result.pack)];
  const passes = !strict || warnings.length === 0;
  const verdict = passes ? 'OK' : 'FAILED (--strict: warnings count as errors)';
  io.stdout(`${file}: ${verdict} (${plural(cards.length, 'card')}, ${plural(warnings.length, 'warning')})`);
  for (const warning of warnings) io.stdout(`${file}: warning: ${warning}`);
  return passes;
}

/**
 * What the format allows but a pack that lasts should not do: a "show me" target without the
 * source its control's label was checked against (so nobody can tell a guess from a fact when
 * the vendor changes the page), or one found by CSS alone (generated class names change with
 * every release; what a person sees stays).
 */
export function targetWarnings(pack: Pack): string[] {
  const warnings: string[] = [];
  pack.cards.forEach((card, index) => {
    card.targets?.forEach((target, t) => {
      const path = `cards[${index}].targets[${t}]`;
      if (!target.source)
        warnings.push(`${path}: has no source; say where the control's label was checked (the vendor's help article or source file)`);
      const locators = target.locate ?? [];
      if (locators.every((locator) => locator.css !== undefined)) {
        warnings.push(`${path}: is found by CSS only; put a role and name (or text) locator first, which survives redesigns`);
      }
    });
  });
  return warnings;
}

/** parsePack names whole-file problems "file: …"; after the file's own name that is noise. */
function withoutFilePrefix(error: string): string {
  return error.startsWith('file: ') ? error.slice('file: '.length) : error;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A pack to start from: every required field, the common optional ones, one real card. */
export function templatePack(today: string) {
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    id: 'my-district-canvas',
    name: 'My district: Canvas basics',
    version: '1.0.0',
    description: 'How-to cards for our teachers. Change the id, name and cards; raise the version with every release.',
    lang: 'en',
    cards: [
      {
        id: 'canvas-speedgrader-comment',
        title: 'Leave a comment on a submission in SpeedGrader',
        summary: 'Give a student written feedback next to their work, without leaving SpeedGrader.',
        steps: [
          'Open the assignment and choose **SpeedGrader**.',
          'Pick the student from the list at the top of the page.',
          'Type your feedback in the **Assignment Comments** box and choose **Submit**.',
        ],
        tools: ['canvas'],
        contexts: ['speedgrader'],
        tags: ['feedback', 'grading', 'comments'],
        level: 'beginner',
        links: [
          {
            title: 'How do I use SpeedGrader?',
            url: 'https://community.instructure.com/en/kb/articles/661157-how-do-i-use-speedgrader',
            kind: 'help',
          },
        ],
        updatedAt: today,
      },
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCardsCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cards: ${String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
