import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { capped, describeValue, formatIssues, formatPath, MAX_REPORTED, readJsonText } from '../../../utils/platform/json-file';

describe('readJsonText', () => {
  it('reads JSON, with or without a byte order mark', () => {
    expect(readJsonText('{"a": [1, 2]}', 'a list')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(readJsonText('\uFEFF[]', 'a list')).toEqual({ ok: true, value: [] });
  });

  it('says what the file should have been when it is empty', () => {
    expect(readJsonText(' \n', 'a list is an array')).toEqual({ ok: false, errors: ['file: is empty; a list is an array'] });
  });

  it('names the line and column of a syntax error, and every key given twice', () => {
    expect(readJsonText('{\n  "a": 1\n  "b": 2\n}', 'x')).toEqual({
      ok: false,
      errors: ['file: invalid JSON at line 3, column 3 (expected ",")'],
    });
    expect(readJsonText('{"a": {"b": 1, "b": 2}}', 'x')).toEqual({
      ok: false,
      errors: ['a.b: appears twice in the same object (again at line 1, column 16); keep one'],
    });
  });
});

describe('messages', () => {
  it('writes paths as the file does, and names the whole file for the empty path', () => {
    expect(formatPath(['cards', 3, 'links', 0, 'url'])).toBe('cards[3].links[0].url');
    expect(formatPath(['cards', 0, 'x-district'])).toBe('cards[0]["x-district"]');
    expect(formatPath([])).toBe('file');
    expect(formatPath([], 'pack')).toBe('pack');
  });

  it('turns zod issues into one message per field, naming what was found', () => {
    const schema = z.object({ name: z.string(), tags: z.array(z.string()).max(1) });
    const value = { tags: 'grading' };
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error.issues as $ZodIssue[], value)).toEqual([
      'name: is missing (expected a string)',
      'tags: must be an array, not the string "grading"',
    ]);
  });

  it('caps long lists with one message saying how many more there were', () => {
    const many = Array.from({ length: MAX_REPORTED + 3 }, (_, i) => `e${i}`);
    const shown = capped(many, 'errors', 'pack');
    expect(shown).toHaveLength(MAX_REPORTED + 1);
    expect(shown[MAX_REPORTED]).toBe('pack: 3 more errors not shown');
    expect(capped(['one'], 'errors')).toEqual(['one']);
  });

  it('describes values the way an author would', () => {
    expect([null, undefined, [], {}, 3, true].map(describeValue)).toEqual([
      'null',
      'nothing',
      'an array',
      'an object',
      'the number 3',
      'true',
    ]);
    expect(describeValue('x'.repeat(50))).toBe(`the string "${'x'.repeat(40)}…"`);
  });
});
