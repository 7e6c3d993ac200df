import { visit, printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import type { $ZodIssue } from 'zod/v4/core';
import { LIMITS, packSchema, type Card, type Pack } from './schema';
import { KNOWN_TOOL_IDS } from '../tools/catalog';

export type { Card, Pack } from './schema';

export type ParsePackResult =
  | { ok: true; pack: Pack; warnings: string[] }
  | { ok: false; errors: string[] };

/** Keys that would change an object's prototype if a later step copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_REPORTED_ERRORS = 200;

/**
 * Validates a card pack. `input` is the file's text (JSON syntax errors then carry line and
 * column) or an already-parsed value. Never throws; every error starts with the path of the
 * bad field, for example `cards[3].links[0].url: must be a full http(s) link`.
 */
export function parsePack(input: unknown): ParsePackResult {
  try {
    return parsePackUnsafe(input);
  } catch (error) {
    return { ok: false, errors: [`pack: could not be read (${String(error)})`] };
  }
}

function parsePackUnsafe(input: unknown): ParsePackResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const bytes = byteLength(input);
    if (bytes > LIMITS.maxFileBytes) {
      return {
        ok: false,
        errors: [`file: is ${formatMegabytes(bytes)}, over the ${formatMegabytes(LIMITS.maxFileBytes)} limit for a pack`],
      };
    }
    const syntax = findJsonSyntaxError(input);
    if (syntax) return { ok: false, errors: [syntax] };
    value = JSON.parse(input);
  }

  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) {
    return { ok: false, errors: forbidden.map((path) => `${path}: this key is not allowed in a pack`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['pack: must be a JSON object with schemaVersion, id, name, version and cards'] };
  }
  const cards = (value as { cards?: unknown }).cards;
  if (Array.isArray(cards) && cards.length > LIMITS.maxCards) {
    // Checked before the full validation so that a huge pack is refused quickly.
    return { ok: false, errors: [`cards: has ${cards.length} cards, more than the ${LIMITS.maxCards} a pack may hold`] };
  }

  const result = packSchema.safeParse(value);
  if (!result.success) {
    const errors = result.error.issues.slice(0, MAX_REPORTED_ERRORS).map(formatIssue);
    const extra = result.error.issues.length - MAX_REPORTED_ERRORS;
    if (extra > 0) errors.push(`pack: ${extra} more errors not shown`);
    return { ok: false, errors };
  }
  return { ok: true, pack: result.data, warnings: unknownToolWarnings(result.data.cards) };
}

/** Path in the style of the file: cards[3].links[0].url */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || 'pack';
}

function formatIssue(issue: $ZodIssue): string {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const received = describeValueAt(issue);
    if (received === 'undefined') return `${path}: is missing (expected ${issue.expected})`;
    return `${path}: must be ${article(issue.expected)}, not ${received}`;
  }
  if (issue.code === 'unrecognized_keys') return `${path}: unknown keys ${issue.keys.join(', ')}`;
  return `${path}: ${issue.message}`;
}

function describeValueAt(issue: $ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input).slice(0, 40)}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function unknownToolWarnings(cards: Card[]): string[] {
  const warnings: string[] = [];
  cards.forEach((card, index) => {
    card.tools.forEach((tool, toolIndex) => {
      if (!KNOWN_TOOL_IDS.has(tool)) {
        warnings.push(`cards[${index}].tools[${toolIndex}]: "${tool}" is not a tool Coachmark knows; the card will only show in search`);
      }
    });
  });
  return warnings;
}

function findJsonSyntaxError(text: string): string | null {
  let first: { error: ParseErrorCode; offset: number } | null = null;
  visit(
    text,
    {
      onError(error, offset) {
        first ??= { error, offset };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (!first) return null;
  const { error, offset } = first as { error: ParseErrorCode; offset: number };
  const { line, column } = lineAndColumn(text, offset);
  return `file: invalid JSON at line ${line}, column ${column} (${describeSyntaxError(printParseErrorCode(error))})`;
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

function findForbiddenKeys(value: unknown, path: PropertyKey[] = [], found: string[] = []): string[] {
  if (found.length >= MAX_REPORTED_ERRORS || typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbiddenKeys(item, [...path, index], found));
    return found;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) found.push(formatPath([...path, key]));
    else findForbiddenKeys((value as Record<string, unknown>)[key], [...path, key], found);
  }
  return found;
}

function byteLength(text: string): number {
  // Upper bound without allocating: UTF-16 code units * 3 covers every UTF-8 encoding.
  if (text.length * 3 <= LIMITS.maxFileBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
