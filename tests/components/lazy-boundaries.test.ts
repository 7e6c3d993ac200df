import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** Fetched on first use (PanelActions.tsx, CardView.tsx, CardFeedbackMenu.tsx): never part of the panel's first load. */
const LAZY = [
  'components/panel/PingForm.tsx',
  'components/panel/FlagForm.tsx',
  'components/panel/RequestsView.tsx',
  'components/panel/OutboxList.tsx',
  'components/panel/MyFlags.tsx',
  'components/panel/CardBody.tsx',
  'components/panel/SearchResults.tsx',
];
/** Libraries the first screen of cards does without: pack validation, Markdown, sanitising, CSV. */
const HEAVY_PACKAGES = ['zod', 'marked', 'dompurify', 'papaparse'];

/** Static imports only: `import(...)` is how a chunk is kept lazy. Packages come back as `package:<name>`. */
function staticImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)]
    .filter((match) => !/^\s*(?:import|export)\s+type\s/.test(match[0]))
    .map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('@/')
      ? join(ROOT, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(join(ROOT, file)), specifier)
        : null;
    if (!base) return [`package:${specifier.split('/')[0]}`];
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ending) => base + ending)
      .find((path) => existsSync(path) && statSync(path).isFile());
    return found && !found.endsWith('.css') ? [found.slice(ROOT.length + 1)] : [];
  });
}

/** Every file and package the entry loads up front, each with the chain of imports that brings it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue: Array<[string, string[]]> = [[entry, [entry]]];
  while (queue.length > 0) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    if (file.startsWith('package:')) continue;
    for (const next of staticImports(file)) queue.push([next, [...chain, next]]);
  }
  return seen;
}

describe('the panel first load', () => {
  const first = reachable('entrypoints/sidepanel/main.tsx');

  it('reaches the panel code it should (the walk follows imports)', () => {
    expect(first.has('components/panel/Panel.tsx')).toBe(true);
    expect(first.has('components/panel/PanelActions.tsx')).toBe(true);
    expect(first.has('components/panel/CardView.tsx')).toBe(true);
    expect(first.has('package:preact')).toBe(true);
  });

  it('imports none of the lazily loaded forms, lists and card bodies statically', () => {
    expect(LAZY.filter((file) => first.has(file))).toEqual([]);
    // What only they use stays in their chunks too.
    expect(['components/panel/SendFlow.tsx', 'components/panel/use-send-flow.ts'].filter((file) => first.has(file))).toEqual([]);
  });

  it('leaves zod, marked, DOMPurify and papaparse out of the first load', () => {
    const chains = HEAVY_PACKAGES.map((name) => first.get(`package:${name}`)?.join(' → ')).filter((chain) => chain !== undefined);
    expect(chains).toEqual([]);
  });
});
