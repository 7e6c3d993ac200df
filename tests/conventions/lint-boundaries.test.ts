// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './sources';

/**
 * The boundaries in eslint.config.js are the architecture: only background-only modules
 * (`*.background.ts`) use the network, pages and components never import them, and the content
 * script never opens the database. Each rule is proved here on code that breaks it, and on the
 * same code where it is allowed, so a config change that quietly drops one fails a test.
 */

const eslint = new ESLint({ cwd: ROOT });

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties']);

/** The boundary errors ESLint reports for this code at this path (the file need not exist). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2 && BOUNDARY_RULES.has(message.ruleId ?? ''))
    .map((message) => message.ruleId!);
}

async function allErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`);
}

const IMPORTS_BACKGROUND = `import { setupOutbox } from '@/utils/outbox/runner.background';\nexport const wire = () => setupOutbox();\n`;
const IMPORTS_BACKGROUND_RELATIVE = `import { fetchRemoteFile } from '../platform/remote-file.background';\nexport const get = fetchRemoteFile;\n`;
const FETCHES = `export async function load(url: string): Promise<string> {\n  return (await fetch(url)).text();\n}\n`;
const FETCHES_THROUGH_GLOBAL = `export const load = (url: string) => globalThis.fetch(url);\n`;
const OPENS_DATABASE = `import { db } from '@/utils/platform/db';\nexport const count = () => db.cards.count();\n`;

describe('lint boundaries', () => {
  it.each([
    ['a component importing a background-only module', 'components/studio/Example.tsx', IMPORTS_BACKGROUND, 'no-restricted-imports'],
    ['a page importing a background-only module', 'entrypoints/sidepanel/main.tsx', IMPORTS_BACKGROUND, 'no-restricted-imports'],
    ['shared logic importing a background-only module', 'utils/cards/example.ts', IMPORTS_BACKGROUND_RELATIVE, 'no-restricted-imports'],
    ['fetch in a component', 'components/panel/Example.tsx', FETCHES, 'no-restricted-globals'],
    ['fetch in shared logic', 'utils/cards/example.ts', FETCHES, 'no-restricted-globals'],
    ['globalThis.fetch in shared logic', 'utils/search/example.ts', FETCHES_THROUGH_GLOBAL, 'no-restricted-properties'],
    ['fetch in a page', 'entrypoints/options/main.tsx', FETCHES, 'no-restricted-globals'],
    ['the content script opening the database', 'entrypoints/content.ts', OPENS_DATABASE, 'no-restricted-imports'],
    ['the content script importing a background-only module', 'entrypoints/content.ts', IMPORTS_BACKGROUND, 'no-restricted-imports'],
  ])('refuses %s', async (_case, filePath, code, rule) => {
    expect(await boundaryErrors(filePath, code)).toContain(rule);
  });

  it.each([
    ['a background-only module importing another', 'utils/cards/example.background.ts', IMPORTS_BACKGROUND],
    ['fetch in a background-only module', 'utils/cards/example.background.ts', FETCHES],
    ['globalThis.fetch in a background-only module', 'utils/platform/example.background.ts', FETCHES_THROUGH_GLOBAL],
    ['the background entrypoint importing a background-only module', 'entrypoints/background.ts', IMPORTS_BACKGROUND],
    ['a page opening the database', 'entrypoints/sidepanel/main.tsx', OPENS_DATABASE],
  ])('allows %s', async (_case, filePath, code) => {
    expect(await allErrors(filePath, code)).toEqual([]);
  });
});
