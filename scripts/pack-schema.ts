import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PACK_SCHEMA_VERSION, packSchema } from '../utils/cards/schema';

/**
 * Writes public/pack.schema.json from the zod schema, so that editors can check and complete
 * pack files as coaches type. The zod schema stays the single source: a test fails if the
 * committed file differs from what this script generates.
 *
 *   node --import tsx scripts/pack-schema.ts           write the file
 *   node --import tsx scripts/pack-schema.ts --check   exit 1 if the file is out of date
 */

export const PACK_SCHEMA_ID = 'https://coachmark.app/pack.schema.json';
export const PACK_SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'pack.schema.json');

export function buildPackJsonSchema(): Record<string, unknown> {
  // `input`: describe what authors write (optional fields optional, unknown fields allowed).
  const { $schema, ...generated } = z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    $id: PACK_SCHEMA_ID,
    title: 'Coachmark card pack',
    description:
      `A pack of how-to cards for Coachmark, format version ${PACK_SCHEMA_VERSION}. ` +
      'Editors use this schema for hints; Coachmark itself checks more (https links only, real dates, ' +
      'unique card ids, no blank text): run `npm run cards -- check <file>` for the full check.',
    ...generated,
  };
}

export function renderPackJsonSchema(): string {
  return `${JSON.stringify(buildPackJsonSchema(), null, 2)}\n`;
}

function main(argv: string[]): number {
  const expected = renderPackJsonSchema();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(PACK_SCHEMA_FILE, 'utf8');
    } catch {
      // A missing file is out of date too.
    }
    if (current === expected) return 0;
    console.error('public/pack.schema.json is out of date: run node --import tsx scripts/pack-schema.ts');
    return 1;
  }
  writeFileSync(PACK_SCHEMA_FILE, expected);
  console.log('wrote public/pack.schema.json');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
