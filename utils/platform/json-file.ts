import { visit, printParseErrorCode, type JSONPath, type ParseErrorCode } from 'jsonc-parser';
import type { $ZodIssue } from 'zod/v4/core';

/**
 * Reading the JSON files people write by hand (card packs, the mentor directory): text to a
 * value with errors an author can act on, and zod's issues as messages that start with the
 * path of the bad field, `cards[3].links[0].url: …`. `whole` is what a message names when no
 * one field is to blame ("pack: 12 more errors not shown").
 */

/** Hand-written files are a few levels deep; anything far deeper is not one and could exhaust the stack. */
export const MAX_NESTING = 32;
/** More messages than this help nobody: the first ones are the ones to fix. */
export const MAX_REPORTED = 200;
const DEFAULT_WHOLE = 'file';

export type ReadResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/**
 * JSON text to a value, or errors an author can act on: line and column of a syntax error,
 * keys given twice, nesting too deep to walk. `whatItIs` completes "file: is empty; …".
 */
export function readJsonText(raw: string, whatItIs: string, whole = DEFAULT_WHOLE): ReadResult {
  // Editors on Windows often save UTF-8 with a byte order mark; JSON.parse rejects it.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, errors: [`file: is empty; ${whatItIs}`] };

  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== null) {
    const { line, column } = lineAndColumn(text, tooDeep);
    return { ok: false, errors: [`file: nested more than ${MAX_NESTING} levels deep at line ${line}, column ${column}`] };
  }
  const syntax = findSyntaxProblems(text);
  if (syntax.length > 0) return { ok: false, errors: capped(syntax, 'errors', whole) };
  return { ok: true, value: JSON.parse(text) };
}

/** Offset of the first bracket that opens level MAX_NESTING + 1, skipping strings. */
function findExcessiveNesting(text: string): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) break;
      }
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > MAX_NESTING) return i;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return null;
}

/** The first syntax error, or else every key that appears twice in one object. */
function findSyntaxProblems(text: string): string[] {
  let first: { error: ParseErrorCode; offset: number } | null = null;
  const duplicates: string[] = [];
  const objects: Set<string>[] = [];
  visit(
    text,
    {
      onError(error, offset) {
        first ??= { error, offset };
      },
      onObjectBegin() {
        objects.push(new Set());
      },
      onObjectEnd() {
        objects.pop();
      },
      onObjectProperty(property, _offset, _length, startLine, startCharacter, pathSupplier) {
        const keys = objects[objects.length - 1];
        if (!keys) return;
        if (keys.has(property) && duplicates.length < MAX_REPORTED) {
          // JSON readers disagree on which copy wins, so the file means different things to different tools.
          const path = formatPath([...(pathSupplier() as JSONPath), property]);
          duplicates.push(
            `${path}: appears twice in the same object (again at line ${startLine + 1}, column ${startCharacter + 1}); keep one`,
          );
        }
        keys.add(property);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first) {
    const { error, offset } = first as { error: ParseErrorCode; offset: number };
    const comma = trailingCommaBefore(text, offset);
    if (comma !== null) {
      const { line, column } = lineAndColumn(text, comma);
      return [`file: invalid JSON at line ${line}, column ${column} (a comma before "${text[offset]}": JSON allows no trailing commas)`];
    }
    const { line, column } = lineAndColumn(text, offset);
    const cutOff = text.slice(offset).trim() === '' ? '; the file ends there: is it cut off?' : '';
    return [`file: invalid JSON at line ${line}, column ${column} (${describeSyntaxError(printParseErrorCode(error))}${cutOff})`];
  }
  return duplicates;
}

/** Where the parser stops at a closing bracket, the offset of a comma just before it. */
function trailingCommaBefore(text: string, offset: number): number | null {
  if (text[offset] !== '}' && text[offset] !== ']') return null;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',' ? i : null;
}

function describeSyntaxError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is cut off',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'control character inside a string',
  };
  return words[code] ?? code;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Messages.

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** Path in the style of the file: cards[3].links[0].url; the empty path is `whole`. */
export function formatPath(path: readonly PropertyKey[], whole = DEFAULT_WHOLE): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || whole;
}

/** zod's issues as path-named messages, one per field, capped; `root` is the value that was checked. */
export function formatIssues(issues: readonly $ZodIssue[], root: unknown, whole = DEFAULT_WHOLE): string[] {
  return capped(
    firstIssuePerPath(issues).map((issue) => formatIssue(issue, root, whole)),
    'errors',
    whole,
  );
}

/**
 * One message per field: zod goes on checking a value after it fails (a string where an
 * array belongs also gets "too many items"), and the first failure is the one to fix.
 */
function firstIssuePerPath(issues: readonly $ZodIssue[]): $ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function formatIssue(issue: $ZodIssue, root: unknown, whole: string): string {
  const path = formatPath(issue.path, whole);
  const found = lookup(root, issue.path);
  if (!found.present) return `${path}: is missing (${expectation(issue)})`;
  if (issue.code === 'invalid_type') return `${path}: must be ${typeName(issue.expected)}, not ${describeValue(found.value)}`;
  return `${path}: ${issue.message}`;
}

function expectation(issue: $ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${typeName(issue.expected)}`;
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v));
    return values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(', ')}`;
  }
  return issue.message;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'an array',
    object: 'an object',
  };
  return names[expected] ?? `a ${expected}`;
}

/** A value as an error message names it: "an array", `the string "abc…"`, "the number 3". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

function lookup(root: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return { present: true, value: current };
    if (!Object.prototype.hasOwnProperty.call(current, key)) return { present: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current === undefined ? { present: false } : { present: true, value: current };
}

/** At most MAX_REPORTED messages, then one that says how many more there were. */
export function capped(messages: string[], noun: string, whole = DEFAULT_WHOLE): string[] {
  if (messages.length <= MAX_REPORTED) return messages;
  return [...messages.slice(0, MAX_REPORTED), `${whole}: ${messages.length - MAX_REPORTED} more ${noun} not shown`];
}
