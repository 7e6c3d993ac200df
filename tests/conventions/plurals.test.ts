// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readSource, sourceFiles } from './sources';

/**
 * Counted messages come in plural forms, `${key}_one` and `${key}_other` (more where a language
 * needs them), chosen by tn() with Intl.PluralRules. Every form has its `_other` to fall back
 * on, in every locale; the catalogue says which language's rules fit its words; and code reads
 * the forms only through tn(), so no count is left to a hand-written `count === 1`.
 */

type Messages = Record<string, { message: string }>;

const LOCALES_DIR = join(ROOT, 'public/_locales');
const locales = readdirSync(LOCALES_DIR).sort();
const catalogues = Object.fromEntries(
  locales.map((locale) => [locale, JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages]),
);
const FORM = /^(.+)_(zero|one|two|few|many|other)$/;

function pluralBases(messages: Messages): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const key of Object.keys(messages)) {
    const match = FORM.exec(key);
    if (match) bases.set(match[1]!, [...(bases.get(match[1]!) ?? []), match[2]!]);
  }
  return bases;
}

describe('plural messages', () => {
  it('exist: the counts shown in the panel and studio are plural messages', () => {
    const bases = [...pluralBases(catalogues.en!).keys()];
    expect(bases).toEqual(expect.arrayContaining(['cardCount', 'importFailed', 'showKnown', 'showAllToolCards', 'searchResults']));
  });

  it.each(locales)('%s: every _one key has its _other partner, and every form has _other to fall back on', (locale) => {
    const messages = catalogues[locale]!;
    const orphans = [...pluralBases(messages)]
      .filter(([base]) => !(`${base}_other` in messages))
      .map(([base, forms]) => `${base}: ${forms}`);
    expect(orphans).toEqual([]);
    const lonelyOther = [...pluralBases(messages)].filter(([base, forms]) => forms.length === 1 && `${base}_other` in messages);
    expect(lonelyOther.map(([base]) => base)).toEqual([]);
  });

  it.each(locales)('%s: a counted message is only in plural forms, never also as a plain key', (locale) => {
    const messages = catalogues[locale]!;
    expect([...pluralBases(messages).keys()].filter((base) => base in messages)).toEqual([]);
  });

  it.each(locales)('%s: names the language whose plural rules fit its words', (locale) => {
    const tag = catalogues[locale]!.pluralRulesLocale?.message ?? '';
    expect(tag.toLowerCase().split('-')[0]).toBe(locale.toLowerCase().split('_')[0]);
    expect(Intl.PluralRules.supportedLocalesOf(tag)).toEqual([tag]);
  });

  it('are read only through tn(), which picks the form: no source names a form key itself', () => {
    const named = sourceFiles().flatMap((path) =>
      [...readSource(path).matchAll(/['"`]([A-Za-z0-9]+_(?:zero|one|two|few|many|other))['"`]/g)].map((match) => `${path}: ${match[1]}`),
    );
    expect(named).toEqual([]);
  });
});
