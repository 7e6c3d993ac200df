import { visit, printParseErrorCode, type JSONPath, type ParseErrorCode } from 'jsonc-parser';
import type { $ZodIssue } from 'zod/v4/core';
import { LIMITS, cardSchema, linkSchema, packSchema, stepTargetSchema, type Card, type Pack } from './schema';
import { KNOWN_TOOL_IDS, toolById } from '../tools/catalog';

export type { Card, Pack } from './schema';

export type ParsePackResult = { ok: true; pack: Pack; warnings: string[] } | { ok: false; errors: string[] };

/** Keys that would change an object's prototype if a later step copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A pack is about six levels deep; anything far deeper is not a pack and could exhaust the stack. */
export const MAX_NESTING = 32;
const MAX_REPORTED = 200;
const WHAT_A_PACK_IS = 'a JSON object with schemaVersion, id, name, version and cards';

/**
 * Validates a card pack. `input` is the file's text (JSON syntax errors then carry line and
 * column) or an already-parsed value. Never throws; every error starts with the path of the
 * bad field, for example `cards[3].links[0].url: must be a full https link…`. Warnings
 * (unknown tools, contexts or fields) never stop a pack from loading.
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
    const read = readPackText(input);
    if (!read.ok) return read;
    value = read.value;
  }

  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const cards = (value as { cards?: unknown }).cards;
    if (Array.isArray(cards) && cards.length > LIMITS.maxCards) {
      // Checked before anything walks the cards, so that a huge pack is refused quickly.
      return { ok: false, errors: [`cards: has ${cards.length} cards, more than the ${LIMITS.maxCards} a pack may hold`] };
    }
  }
  const structural = findStructuralProblems(value);
  if (structural.length > 0) return { ok: false, errors: capped(structural, 'errors') };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`pack: must be ${WHAT_A_PACK_IS}, not ${describeValue(value)}`] };
  }

  const result = packSchema.safeParse(value);
  if (!result.success) {
    return { ok: false, errors: formatIssues(result.error.issues, value) };
  }
  const warnings = [...unknownFieldWarnings(value), ...catalogueWarnings(result.data.cards)];
  return { ok: true, pack: result.data, warnings: capped(warnings, 'warnings') };
}

// ---------------------------------------------------------------------------------------------
// Text: size, encoding, nesting and syntax, each with a position the author can find.

export type ReadResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

function readPackText(raw: string): ReadResult {
  const bytes = utf8Length(raw);
  if (bytes > LIMITS.maxFileBytes) {
    return { ok: false, errors: [`file: ${describeOversize(bytes)}`] };
  }
  return readJsonText(raw, `a pack is ${WHAT_A_PACK_IS}`);
}

/**
 * JSON text to a value, or errors an author can act on: line and column of a syntax error,
 * keys given twice, nesting too deep to walk. `whatItIs` completes "file: is empty; …".
 * Shared with the other JSON files Coachmark reads (the mentor directory).
 */
export function readJsonText(raw: string, whatItIs: string): ReadResult {
  // Editors on Windows often save UTF-8 with a byte order mark; JSON.parse rejects it.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, errors: [`file: is empty; ${whatItIs}`] };

  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== null) {
    const { line, column } = lineAndColumn(text, tooDeep);
    return { ok: false, errors: [`file: nested more than ${MAX_NESTING} levels deep at line ${line}, column ${column}`] };
  }
  const syntax = findSyntaxProblems(text);
  if (syntax.length > 0) return { ok: false, errors: capped(syntax, 'errors') };
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

/** UTF-8 size without allocating an encoded copy. */
function utf8Length(text: string): number {
  // Every UTF-16 unit takes one to three UTF-8 bytes, so the length alone often decides.
  if (text.length > LIMITS.maxFileBytes || text.length * 3 <= LIMITS.maxFileBytes) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "is 20.1 MB, over the 20.0 MB limit for a pack"; the size rounds up so it never looks within the limit. */
export function describeOversize(bytes: number): string {
  const megabytes = (value: number, round: (x: number) => number) => `${(round((value / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
  return `is ${megabytes(bytes, Math.ceil)}, over the ${megabytes(LIMITS.maxFileBytes, Math.round)} limit for a pack`;
}

// ---------------------------------------------------------------------------------------------
// Values: forbidden keys and nesting, for text and for already-parsed input alike.

function findStructuralProblems(root: unknown): string[] {
  const found: string[] = [];
  const path: PropertyKey[] = []; // one shared stack: packs have tens of thousands of nodes
  const walk = (value: unknown) => {
    if (found.length >= MAX_REPORTED || typeof value !== 'object' || value === null) return;
    if (path.length > MAX_NESTING) {
      found.push(`${formatPath(path)}: nested more than ${MAX_NESTING} levels deep`);
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walk(value[index]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) found.push(`${formatPath(path)}: the key "${key}" is not allowed in a pack`);
      else walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(root);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Messages.

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** Path in the style of the file: cards[3].links[0].url */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'pack';
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

/** zod's issues as path-named messages, one per field, capped; `root` is the value that was checked. */
export function formatIssues(issues: readonly $ZodIssue[], root: unknown): string[] {
  return capped(
    firstIssuePerPath(issues).map((issue) => formatIssue(issue, root)),
    'errors',
  );
}

function formatIssue(issue: $ZodIssue, root: unknown): string {
  const path = formatPath(issue.path);
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

function describeValue(value: unknown): string {
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

function capped(messages: string[], noun: string): string[] {
  if (messages.length <= MAX_REPORTED) return messages;
  return [...messages.slice(0, MAX_REPORTED), `pack: ${messages.length - MAX_REPORTED} more ${noun} not shown`];
}

// ---------------------------------------------------------------------------------------------
// Warnings: things that load but probably are not what the author meant.

const KNOWN_FIELDS = {
  pack: Object.keys(packSchema.shape),
  card: Object.keys(cardSchema.shape),
  link: Object.keys(linkSchema.shape),
  target: Object.keys(stepTargetSchema.shape),
};

/** Unknown fields are allowed (newer packs may carry more) but dropped, so say so: often a typo. */
function unknownFieldWarnings(pack: object): string[] {
  const warnings: string[] = [];
  const check = (value: unknown, known: string[], path: PropertyKey[], what: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = closest(key, known);
      warnings.push(
        `${formatPath([...path, key])}: is not a field of a ${what} and is ignored${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    }
  };
  check(pack, KNOWN_FIELDS.pack, [], 'pack');
  const cards = (pack as { cards?: unknown }).cards;
  if (!Array.isArray(cards)) return warnings;
  cards.forEach((card: unknown, index) => {
    check(card, KNOWN_FIELDS.card, ['cards', index], 'card');
    const { links, targets } = (card ?? {}) as { links?: unknown; targets?: unknown };
    if (Array.isArray(links)) links.forEach((link, i) => check(link, KNOWN_FIELDS.link, ['cards', index, 'links', i], 'link'));
    if (Array.isArray(targets)) {
      targets.forEach((target, i) => check(target, KNOWN_FIELDS.target, ['cards', index, 'targets', i], 'target'));
    }
  });
  return warnings;
}

/** A known field within two edits (case-insensitive) of `key`, if any. */
function closest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Tools and contexts Coachmark does not know: the card loads but never shows on a page. */
function catalogueWarnings(cards: Card[]): string[] {
  const warnings: string[] = [];
  cards.forEach((card, index) => {
    card.tools.forEach((tool, toolIndex) => {
      if (!KNOWN_TOOL_IDS.has(tool)) {
        warnings.push(`cards[${index}].tools[${toolIndex}]: "${tool}" is not a tool Coachmark knows; the card will only show in search`);
      }
    });
    const knownTools = card.tools.map((tool) => toolById(tool)).filter((tool) => tool !== undefined);
    // Only judge contexts when every tool is known: an unknown tool may well have them.
    if (knownTools.length === 0 || knownTools.length < card.tools.length) return;
    card.contexts.forEach((context, contextIndex) => {
      if (!knownTools.some((tool) => tool.contexts.some((c) => c.id === context))) {
        warnings.push(
          `cards[${index}].contexts[${contextIndex}]: "${context}" is not a context of ${card.tools.join(' or ')}; the card will not show there`,
        );
      }
    });
  });
  return warnings;
}
