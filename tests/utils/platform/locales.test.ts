// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

/**
 * The UI strings are community-editable data: every locale has exactly English's keys, no
 * empty or padded messages, the same placeholders, and the file is written the way a
 * read-modify-write script writes it back (2-space JSON, trailing newline), so diffs stay small.
 */

interface Placeholder {
  content: string;
  example?: string;
}
interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}
type Messages = Record<string, Entry>;

const LOCALES_DIR = resolve(__dirname, '../../../public/_locales');
const locales = readdirSync(LOCALES_DIR).sort();
const raw = Object.fromEntries(locales.map((locale) => [locale, readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')]));
const parsed = Object.fromEntries(locales.map((locale) => [locale, JSON.parse(raw[locale]!) as Messages]));
const en = parsed.en!;

/** $NAME$ references in a message, lower-cased (Chrome matches placeholder names case-insensitively). */
function references(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

/** What is left of a message once placeholders and "$$" (a literal dollar) are taken out. */
const strayDollar = (message: string) =>
  message
    .replace(/\$\$/g, '')
    .replace(/\$[A-Za-z0-9_@]+\$/g, '')
    .includes('$');

function placeholderContents(entry: Entry): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
}

describe('public/_locales', () => {
  it('has English and Spanish', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it.each(locales)('%s has exactly the keys of English', (locale) => {
    const keys = Object.keys(parsed[locale]!);
    expect(
      keys.filter((key) => !(key in en)),
      'keys English lacks',
    ).toEqual([]);
    expect(
      Object.keys(en).filter((key) => !(key in parsed[locale]!)),
      'keys missing',
    ).toEqual([]);
  });

  it.each(locales)('%s is formatted as written: format(parse(file)) === file', (locale) => {
    expect(`${JSON.stringify(parsed[locale], null, 2)}\n`).toBe(raw[locale]);
  });

  it.each(locales)('%s has no empty messages, no padded ones and no stray "$"', (locale) => {
    for (const [key, entry] of Object.entries(parsed[locale]!)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.message, key).toBe(entry.message.trim());
      expect(strayDollar(entry.message), `${key}: "${entry.message}"`).toBe(false);
    }
  });

  it('names keys the way Chrome accepts them, and describes every English message for translators', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.description ?? '', key).toMatch(/\S/);
    }
  });

  it.each(locales)('%s uses exactly the placeholders it declares, with the same contents as English', (locale) => {
    for (const [key, entry] of Object.entries(parsed[locale]!)) {
      const declared = Object.keys(entry.placeholders ?? {})
        .map((name) => name.toLowerCase())
        .sort();
      expect([...new Set(references(entry.message))], `${key}: references vs declared`).toEqual(declared);
      const english = en[key];
      if (!english) continue;
      // Same names and the same $1, $2… so one set of substitutions fits every language.
      expect(placeholderContents(entry), key).toEqual(placeholderContents(english));
      for (const content of Object.values(placeholderContents(entry))) expect(content, key).toMatch(/^\$[1-9]$/);
    }
  });
});

describe('manifest strings', () => {
  const manifestFor = (browser: string, manifestVersion: 2 | 3) => {
    const manifest = config.manifest as unknown as (env: {
      browser: string;
      manifestVersion: 2 | 3;
      mode: string;
      command: string;
    }) => Record<string, unknown>;
    return manifest({ browser, manifestVersion, mode: 'production', command: 'build' });
  };

  it.each([
    ['chrome', 3],
    ['firefox', 2],
  ] as const)('%s MV%i takes its name and description from the locales', (browser, version) => {
    const manifest = manifestFor(browser, version);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.default_locale).toBe('en');
    // Every __MSG_…__ anywhere in the manifest names a real message.
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const key of used) expect(Object.keys(en), key).toContain(key);
  });
});
