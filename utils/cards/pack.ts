import { LIMITS, cardSchema, linkSchema, locatorSchema, packSchema, stepTargetSchema, type Card, type Pack } from './schema';
import { KNOWN_TOOL_IDS, toolById } from '../tools/catalog';
import { levenshteinDistance } from '../platform/edit-distance';
import {
  capped,
  describeValue,
  formatIssues,
  formatPath,
  MAX_NESTING,
  MAX_REPORTED,
  readJsonText,
  type ReadResult,
} from '../platform/json-file';

export type { Card, Pack } from './schema';

export type ParsePackResult = { ok: true; pack: Pack; warnings: string[] } | { ok: false; errors: string[] };

/** Keys that would change an object's prototype if a later step copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** What messages name when no one field is to blame. */
const WHOLE = 'pack';
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
  if (structural.length > 0) return { ok: false, errors: capped(structural, 'errors', WHOLE) };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`pack: must be ${WHAT_A_PACK_IS}, not ${describeValue(value)}`] };
  }

  const result = packSchema.safeParse(value);
  if (!result.success) {
    return { ok: false, errors: formatIssues(result.error.issues, value, WHOLE) };
  }
  const warnings = [...unknownFieldWarnings(value), ...catalogueWarnings(result.data.cards)];
  return { ok: true, pack: result.data, warnings: capped(warnings, 'warnings', WHOLE) };
}

// ---------------------------------------------------------------------------------------------
// Text: size first (before anything reads it), then JSON syntax with positions the author can find.

function readPackText(raw: string): ReadResult {
  const bytes = utf8Length(raw);
  if (bytes > LIMITS.maxFileBytes) {
    return { ok: false, errors: [`file: ${describeOversize(bytes)}`] };
  }
  return readJsonText(raw, `a pack is ${WHAT_A_PACK_IS}`, WHOLE);
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
      found.push(`${formatPath(path, WHOLE)}: nested more than ${MAX_NESTING} levels deep`);
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
      if (FORBIDDEN_KEYS.has(key)) found.push(`${formatPath(path, WHOLE)}: the key "${key}" is not allowed in a pack`);
      else walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(root);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Warnings: things that load but probably are not what the author meant.

const KNOWN_FIELDS = {
  pack: Object.keys(packSchema.shape),
  card: Object.keys(cardSchema.shape),
  link: Object.keys(linkSchema.shape),
  target: Object.keys(stepTargetSchema.shape),
  locator: Object.keys(locatorSchema.shape),
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
      targets.forEach((target: unknown, i) => {
        const path = ['cards', index, 'targets', i];
        check(target, KNOWN_FIELDS.target, path, 'target');
        const locate = (target as { locate?: unknown } | null)?.locate;
        if (!Array.isArray(locate)) return;
        locate.forEach((locator: unknown, l) => {
          check(locator, KNOWN_FIELDS.locator, [...path, 'locate', l], 'locator');
          const within = (locator as { within?: unknown } | null)?.within;
          check(
            within,
            KNOWN_FIELDS.locator.filter((key) => key !== 'within'),
            [...path, 'locate', l, 'within'],
            'container locator',
          );
        });
      });
    }
  });
  return warnings;
}

/** A guess further off than this is more often another word than a typo. */
const MAX_GUESS_EDITS = 2;

/** A known field within MAX_GUESS_EDITS (case-insensitive) of `key`, if any. */
function closest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = MAX_GUESS_EDITS + 1;
  for (const candidate of known) {
    const distance = levenshteinDistance(key.toLowerCase(), candidate.toLowerCase(), MAX_GUESS_EDITS);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
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
