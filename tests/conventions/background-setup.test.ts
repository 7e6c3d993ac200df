// @vitest-environment node
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isExported, nodesOf, parseSource, sourceFiles } from './sources';

/**
 * The background's main() only wires `setupX()` functions, one per concern. A setup that is
 * written and exported but never called there is a feature that silently never runs.
 */

const BACKGROUND = 'entrypoints/background.ts';

/** Every exported `setup…` function of a background-only module, as `module path → names`. */
function exportedSetups(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of sourceFiles().filter((file) => /^utils\/.*\.background\.ts$/.test(file))) {
    const names: string[] = [];
    for (const statement of parseSource(path).statements) {
      if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name && /^setup[A-Z]/.test(statement.name.text)) {
        names.push(statement.name.text);
      }
      if (ts.isVariableStatement(statement) && isExported(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && /^setup[A-Z]/.test(declaration.name.text)) names.push(declaration.name.text);
        }
      }
    }
    if (names.length > 0) found.set(path, names);
  }
  return found;
}

/** What background.ts imports (name → module path without extension) and which names main() calls. */
function backgroundWiring(): { imports: Map<string, string>; called: Set<string> } {
  const source = parseSource(BACKGROUND);
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const module = specifier.startsWith('@/') ? specifier.slice(2) : posix.join(posix.dirname(BACKGROUND), specifier);
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) imports.set(element.name.text, (element.propertyName ?? element.name).text + ' from ' + module);
    }
  }
  const main = [...nodesOf(source)].find(
    (node): node is ts.MethodDeclaration | ts.PropertyAssignment =>
      (ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.name.text === 'main',
  );
  const called = new Set<string>();
  for (const node of main ? nodesOf(main) : []) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) called.add(node.expression.text);
  }
  return { imports, called };
}

describe('entrypoints/background.ts', () => {
  const setups = exportedSetups();
  const { imports, called } = backgroundWiring();

  it('finds the setup functions to check', () => {
    expect([...setups.values()].flat()).toEqual(expect.arrayContaining(['setupOutbox', 'setupPackSync', 'setupTabTracking']));
  });

  it.each([...setups].flatMap(([path, names]) => names.map((name) => [name, path] as const)))('calls %s (%s) in main()', (name, path) => {
    const module = path.replace(/\.ts$/, '');
    const local = [...imports].find(([, source]) => source === `${name} from ${module}`)?.[0];
    expect(local, `${name} is not imported from ${module}`).toBeDefined();
    expect(called.has(local!), `${name} is imported but main() never calls it`).toBe(true);
  });

  it('calls nothing in main() but setup functions', () => {
    expect([...called].filter((name) => !/^setup[A-Z]/.test(name))).toEqual([]);
  });
});
