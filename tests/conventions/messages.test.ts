// @vitest-environment node
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nodesOf, parseSource, sourceFiles } from './sources';

/**
 * Every message is declared once in ProtocolMap and handled in exactly one place: a message
 * with no handler fails at run time with "Could not establish connection", and two handlers
 * race to answer. Sends may only name declared messages.
 */

const PROTOCOL = 'utils/platform/messages.ts';

function declaredMessages(): string[] {
  const map = parseSource(PROTOCOL).statements.find(
    (statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === 'ProtocolMap',
  );
  if (!map) throw new Error(`${PROTOCOL} declares no ProtocolMap`);
  return map.members.map((member) => (member.name && ts.isIdentifier(member.name) ? member.name.text : member.getText()));
}

interface Use {
  name: string | null;
  at: string;
}

/** Every onMessage(…) and sendMessage(…) call in the sources, with the message it names (null: not a literal). */
function messageCalls(): { handlers: Use[]; sends: Use[] } {
  const handlers: Use[] = [];
  const sends: Use[] = [];
  for (const path of sourceFiles().filter((file) => file !== PROTOCOL)) {
    const source = parseSource(path);
    for (const node of nodesOf(source)) {
      if (!ts.isCallExpression(node)) continue;
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
      if (!ts.isIdentifier(callee) || (callee.text !== 'onMessage' && callee.text !== 'sendMessage')) continue;
      const first = node.arguments[0];
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const use = { name: first && ts.isStringLiteralLike(first) ? first.text : null, at: `${path}:${line}` };
      (callee.text === 'onMessage' ? handlers : sends).push(use);
    }
  }
  return { handlers, sends };
}

describe('messages', () => {
  const declared = declaredMessages();
  const { handlers, sends } = messageCalls();

  it('finds the protocol and its uses', () => {
    expect(declared).toEqual(expect.arrayContaining(['contentReportsPage', 'panelKicksOutbox', 'studioSyncsPacks']));
    expect(handlers.length).toBeGreaterThanOrEqual(declared.length);
    expect(sends.length).toBeGreaterThan(0);
  });

  it('names every message with a string literal, so that this test can follow it', () => {
    expect([...handlers, ...sends].filter((use) => use.name === null).map((use) => use.at)).toEqual([]);
  });

  it.each(declared)('%s has exactly one handler', (name) => {
    expect(handlers.filter((use) => use.name === name).map((use) => use.at)).toHaveLength(1);
  });

  it('handles and sends only declared messages', () => {
    const known = new Set(declared);
    expect(
      [...handlers, ...sends].filter((use) => use.name !== null && !known.has(use.name)).map((use) => `${use.name} at ${use.at}`),
    ).toEqual([]);
  });

  it('sends every declared message from somewhere', () => {
    const sent = new Set(sends.map((use) => use.name));
    expect(declared.filter((name) => !sent.has(name))).toEqual([]);
  });
});
