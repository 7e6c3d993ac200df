// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GAP_KIND_LABELS, URGENCY_LABELS } from '../../utils/endpoints/message-parts';
import { FORMAT_NAME_KEYS } from '../../utils/endpoints';
import { ENDPOINT_FORMATS, GAP_KINDS, URGENCIES } from '../../utils/endpoints/types';
import { ROOT, nodesOf, readSource, sourceFiles } from './sources';

/**
 * Label maps (`Record<Union, …>` from a union's members to words or locale keys) cover their
 * union exactly, and every locale key they name exists in English. The type checker reads
 * every such map in the sources, exported or not, so a new one is checked without listing it.
 */

const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;

interface LabelMap {
  name: string;
  at: string;
  /** The union's members, or null when the key type is not a union of string literals. */
  members: string[] | null;
  keys: string[];
  /** String literals in the map whose type is MessageKey. */
  localeKeys: string[];
}

function isRecordType(node: ts.TypeNode | undefined): node is ts.TypeReferenceNode {
  return !!node && ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Record' && node.typeArguments?.length === 2;
}

function unwrap(expression: ts.Expression): ts.Expression {
  while (ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isParenthesizedExpression(expression)) {
    expression = expression.expression;
  }
  return expression;
}

function literalMembers(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((part) => part.isStringLiteral())) return null;
  return parts.map((part) => (part as ts.StringLiteralType).value).sort();
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

function findLabelMaps(): LabelMap[] {
  // Only files that declare a Record map are roots; the checker follows their imports.
  const roots = sourceFiles().filter((path) => /:\s*(Readonly<)?Record</.test(readSource(path)));
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram({ rootNames: roots.map((path) => join(ROOT, path)), options: { ...config.options, noEmit: true } });
  const checker = program.getTypeChecker();

  const i18n = program.getSourceFile(join(ROOT, 'utils/platform/i18n.ts'));
  const messageKeySymbol = i18n && checker.getSymbolAtLocation(i18n)?.exports?.get(ts.escapeLeadingUnderscores('MessageKey'));
  if (!messageKeySymbol) throw new Error('utils/platform/i18n.ts exports no MessageKey');
  const messageKey = checker.getDeclaredTypeOfSymbol(messageKeySymbol);

  const maps: LabelMap[] = [];
  for (const path of roots) {
    const source = program.getSourceFile(join(ROOT, path))!;
    for (const node of nodesOf(source)) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) continue;
      const typeNode =
        node.type && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'Readonly'
          ? node.type.typeArguments?.[0]
          : node.type;
      if (!isRecordType(typeNode)) continue;
      const literal = unwrap(node.initializer);
      if (!ts.isObjectLiteralExpression(literal)) continue;
      const keys = literal.properties.map((property) => (property.name ? propertyName(property.name) : property.getText())).sort();
      const localeKeys = [...nodesOf(literal)]
        .filter(
          (child): child is ts.StringLiteral =>
            ts.isStringLiteral(child) && ts.isPropertyAssignment(child.parent) && child.parent.initializer === child,
        )
        .filter((child) => {
          const contextual = checker.getContextualType(child);
          return !!contextual && checker.getNonNullableType(contextual) === messageKey;
        })
        .map((child) => child.text);
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      maps.push({
        name: node.name.text,
        at: `${path}:${line}`,
        members: literalMembers(checker.getTypeFromTypeNode(typeNode.typeArguments![0]!)),
        keys,
        localeKeys,
      });
    }
  }
  return maps;
}

describe('label maps', () => {
  const maps = findLabelMaps();
  const byName = (name: string) => maps.filter((map) => map.name === name).map((map) => map.at.replace(/:\d+$/, ''));

  it('finds the maps to check', () => {
    expect(byName('GAP_KIND_LABELS')).toContain('utils/endpoints/message-parts.ts');
    expect(byName('URGENCY_LABELS')).toContain('utils/endpoints/message-parts.ts');
    expect(byName('FORMAT_NAME_KEYS')).toEqual(['utils/endpoints/index.ts']);
    expect(maps.filter((map) => map.localeKeys.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(maps.filter((map) => map.members !== null).map((map) => [map.name, map.at, map] as const))(
    '%s (%s) has exactly its union’s members',
    (_name, _at, map) => {
      expect(map.keys).toEqual(map.members);
    },
  );

  it.each(maps.filter((map) => map.localeKeys.length > 0).map((map) => [map.name, map.at, map] as const))(
    '%s (%s) names only locale keys that exist in English',
    (_name, _at, map) => {
      expect(map.localeKeys.filter((key) => !(key in en))).toEqual([]);
    },
  );

  it('covers the payload unions at run time too', () => {
    expect(Object.keys(GAP_KIND_LABELS).sort()).toEqual([...GAP_KINDS].sort());
    expect(Object.keys(URGENCY_LABELS).sort()).toEqual([...URGENCIES].sort());
    expect(Object.keys(FORMAT_NAME_KEYS).sort()).toEqual([...ENDPOINT_FORMATS].sort());
    for (const key of Object.values(FORMAT_NAME_KEYS)) expect(en).toHaveProperty(key);
  });
});
