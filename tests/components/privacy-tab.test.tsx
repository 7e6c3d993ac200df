import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { PrivacyTab } from '../../components/studio/PrivacyTab';
import { db } from '../../utils/platform/db';
import { redactUrl } from '../../utils/privacy/redact';
import { t } from '../../utils/platform/i18n';
import { STORED_VALUES } from '../../utils/platform/storage';

/**
 * The privacy page is a promise about the code: it must name every place data is kept. A new
 * database table, or a new value declared in the storage layer, fails this test until the page
 * (and docs/privacy.md) say what it holds; and no code may store anything around that layer.
 */

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['utils', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Where the storage layer lives: the one file allowed to reach browser.storage. */
const STORAGE_LAYER = join(ROOT, 'utils/platform/storage.ts');

/** The text of the `<dd>` that follows the `<dt>` naming `storage.<area>` on the Privacy tab. */
function privacyTabSection(area: string): string {
  const term = [...document.querySelectorAll('dt')].find((node) => node.textContent?.includes(`storage.${area}`));
  expect(term, `a heading for storage.${area}`).toBeDefined();
  const details = term!.nextElementSibling;
  expect(details?.tagName).toBe('DD');
  return details!.textContent ?? '';
}

/** The docs' table row for `storage.<area>`. */
function docRow(doc: string, area: string): string {
  return doc.split('\n').find((line) => line.startsWith(`| \`storage.${area}\` |`)) ?? '';
}

afterEach(cleanup);

describe('PrivacyTab', () => {
  it('names every database table and says what it holds', () => {
    render(<PrivacyTab />);
    const tables = db.tables.map((table) => table.name);
    expect(tables.length).toBeGreaterThanOrEqual(7);
    const items = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    for (const table of tables)
      expect(
        items.some((text) => text.startsWith(`${table}: `)),
        table,
      ).toBe(true);
  });

  it('tells teachers about every stored value, under the area that holds it', () => {
    render(<PrivacyTab />);
    expect(STORED_VALUES.length).toBeGreaterThanOrEqual(5);
    for (const value of STORED_VALUES) {
      const sentence = t(value.privacyMessage);
      expect(sentence, value.key).not.toBe('');
      expect(privacyTabSection(value.area), `${value.area}:${value.key}`).toContain(sentence);
    }
  });

  it('shows redaction examples as redactUrl really makes them: no ids, query or fragment', () => {
    render(<PrivacyTab />);
    const examples = screen.getAllByTestId('redacted-example').map((node) => node.textContent ?? '');
    expect(examples).toEqual([
      'https://district.instructure.com/courses/:id/gradebook/speed_grader',
      'https://docs.google.com/u/:id/document/d/:id/edit',
    ]);
    for (const example of examples) {
      expect(example).not.toMatch(/[?#@]|\d{2,}/);
      expect(redactUrl(example)).toBe(example);
    }
  });
});

describe('docs/privacy.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/privacy.md'), 'utf8');

  it('has a row for every database table', () => {
    for (const table of db.tables.map((item) => item.name)) expect(doc, table).toContain(`| \`${table}\` |`);
  });

  it('names every stored value in the row of the area that holds it', () => {
    for (const value of STORED_VALUES) expect(docRow(doc, value.area), `${value.area}:${value.key}`).toContain(`\`${value.key}\``);
  });

  it('shows redactUrl’s real output in its examples table', () => {
    const rows = [...doc.matchAll(/^\| `(https:[^`]+)` \| `([^`]+)` \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [, page, sent] of rows) expect(redactUrl(page!), page).toBe(sent);
  });
});

describe('the storage layer', () => {
  it('is the only code that reaches browser.storage or WXT storage; nothing uses storage.sync', () => {
    const reaching = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => file !== STORAGE_LAYER)
      .filter((file) =>
        /\b(?:browser|chrome)\s*\.\s*storage\b|['"](?:wxt\/utils\/storage|wxt\/storage|@wxt-dev\/storage)['"]/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(ROOT, file));
    expect(reaching).toEqual([]);
    // The privacy page says nothing is synced to the teacher's account.
    expect(readFileSync(STORAGE_LAYER, 'utf8')).not.toMatch(/['"`]sync:|storage\.sync/);
  });
});
