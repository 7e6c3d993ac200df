import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { nodesOf, parseSource, ROOT, sourceFiles } from './sources';

/**
 * The Hub (hub/) is a Node server that shares the extension's pure logic; the extension must
 * never load the server's code (it would pull Node modules and a database driver into the
 * bundle), and the Hub must not load the extension's browser runtime (ESLint checks that side).
 */

function importsOf(path: string): string[] {
  const specifiers: string[] = [];
  for (const node of nodesOf(parseSource(path))) {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) specifiers.push(argument.text);
    }
  }
  return specifiers;
}

/** Whether a relative or `@/` import from `from` resolves to a file under hub/. */
function landsInHub(from: string, specifier: string): boolean {
  const target = specifier.startsWith('@/')
    ? resolve(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(ROOT, dirname(from), specifier)
      : null;
  return target !== null && /^hub(\/|$)/.test(relative(ROOT, target).split('\\').join('/'));
}

describe('the Hub boundary', () => {
  it('no extension source imports from hub/', () => {
    const offenders = sourceFiles().flatMap((path) =>
      importsOf(path)
        .filter((specifier) => landsInHub(path, specifier))
        .map((specifier) => `${path} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the Hub reads the extension only through utils/ (never components/ or entrypoints/)', () => {
    const hubFiles = readdirSync(join(ROOT, 'hub'))
      .filter((name) => /\.ts$/.test(name))
      .map((name) => `hub/${name}`);
    expect(hubFiles.length).toBeGreaterThan(3);
    const offenders = hubFiles.flatMap((path) =>
      importsOf(path)
        .filter((specifier) => specifier.startsWith('.') && !specifier.startsWith('./') && !/^\.\.\/utils\//.test(specifier))
        .map((specifier) => `${path} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
