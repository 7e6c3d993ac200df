import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** Fetched on first use (PanelActions.tsx, CardFlagButtons.tsx): never part of the panel's first load. */
const LAZY = [
  'components/panel/PingForm.tsx',
  'components/panel/FlagForm.tsx',
  'components/panel/OutboxList.tsx',
  'components/panel/MyFlags.tsx',
];

/** Static imports only: `import(...)` is how a chunk is kept lazy. */
function staticImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('@/')
      ? join(ROOT, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(join(ROOT, file)), specifier)
        : null;
    if (!base) return [];
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ending) => base + ending)
      .find((path) => existsSync(path) && statSync(path).isFile());
    return found && !found.endsWith('.css') ? [found.slice(ROOT.length + 1)] : [];
  });
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

describe('the panel first load', () => {
  it('reaches the panel code it should (the walk follows imports)', () => {
    const first = reachable('entrypoints/sidepanel/main.tsx');
    expect(first).toContain('components/panel/Panel.tsx');
    expect(first).toContain('components/panel/PanelActions.tsx');
    expect(first).toContain('components/panel/CardFlagButtons.tsx');
  });

  it('imports none of the lazily loaded forms and lists statically', () => {
    const first = reachable('entrypoints/sidepanel/main.tsx');
    expect(LAZY.filter((file) => first.has(file))).toEqual([]);
    // What only they use stays in their chunks too.
    expect(['components/panel/SendFlow.tsx', 'components/panel/use-send-flow.ts'].filter((file) => first.has(file))).toEqual([]);
  });
});
