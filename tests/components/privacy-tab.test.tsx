import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { PrivacyTab } from '../../components/studio/PrivacyTab';
import { db } from '../../utils/platform/db';
import { redactUrl } from '../../utils/privacy/redact';

/**
 * The privacy page is a promise about the code: it must name every place data is kept. A new
 * database table or storage area fails this test until the page (and docs/privacy.md) say
 * what it holds.
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

/** Every browser.storage area the code uses (local, session, managed, sync…). */
function storageAreasInCode(): string[] {
  const areas = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /\bstorage\.(local|session|managed|sync)\.(get|set|remove|clear|getBytesInUse)\b/g,
    )) {
      areas.add(match[1]!);
    }
  }
  return [...areas].sort();
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

  it('names every storage area the code uses', () => {
    const areas = storageAreasInCode();
    expect(areas).toContain('local');
    render(<PrivacyTab />);
    const text = document.body.textContent ?? '';
    for (const area of areas) expect(text, area).toContain(`storage.${area}`);
    // And says none of it is synced, which holds only while the code never uses storage.sync.
    expect(areas).not.toContain('sync');
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

  it('has a row for every database table and every storage area', () => {
    for (const table of db.tables.map((item) => item.name)) expect(doc, table).toContain(`| \`${table}\` |`);
    for (const area of storageAreasInCode()) expect(doc, area).toContain(`| \`storage.${area}\` |`);
  });

  it('shows redactUrl’s real output in its examples table', () => {
    const rows = [...doc.matchAll(/^\| `(https:[^`]+)` \| `([^`]+)` \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [, page, sent] of rows) expect(redactUrl(page!), page).toBe(sent);
  });
});
