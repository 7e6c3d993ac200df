// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './sources';

/**
 * Coachmark is a US product: its English strings use US spelling. Each pattern is a British
 * spelling a writer slips into; the list grows when a new one is caught.
 */

const BRITISH: Array<[RegExp, string]> = [
  [/\b\w*centre/i, 'center'],
  [/\b\w*(colour|behaviour|favour|honour|labour|neighbour)/i, '-or'],
  [
    /\b\w*(organis|recognis|customis|prioritis|summaris|authoris|normalis|sanitis|apologis|minimis|maximis|personalis|synchronis|categoris|memoris)(e|ed|es|ing|ation)\b/i,
    '-ize',
  ],
  [/\b(analys|paralys)(e|ed|es|ing)\b/i, '-yze'],
  [/\bcatalogue/i, 'catalog'],
  [/\b(cancell|travell|modell|labell|signall)(ed|ing)\b/i, 'single l'],
  [/\b(licence|defence|offence)\b/i, '-se'],
  [/\b(grey|programme|whilst|amongst|enrolment)\b/i, 'US word'],
];

const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('English UI strings', () => {
  it('finds British spellings (the patterns work)', () => {
    const caught = ['Help centre', 'Coachmark recognises it', 'Picking cancelled.', 'not in the catalogue'].filter((text) =>
      BRITISH.some(([pattern]) => pattern.test(text)),
    );
    expect(caught).toHaveLength(4);
    expect(BRITISH.some(([pattern]) => pattern.test('Help center, recognizes, canceled, catalog, rise, precise'))).toBe(false);
  });

  it('use US spelling', () => {
    const found = Object.entries(en).flatMap(([key, { message }]) =>
      BRITISH.filter(([pattern]) => pattern.test(message)).map(([pattern, fix]) => `${key}: "${message.match(pattern)![0]}" (${fix})`),
    );
    expect(found).toEqual([]);
  });
});
