import { describe, expect, it } from 'vitest';
import { formatBody } from '../../../utils/endpoints';
import type { GapFlagPayload } from '../../../utils/endpoints/types';
import { CSV_COLUMNS, gapsToCsv } from '../../../utils/gaps/csv';
import { parseGapFlags, parseGapImport } from '../../../utils/gaps/import';
import { buildGapFlag } from '../../../utils/gaps/payload';
import { flag, flagInput, RUBRIC_CARD, TRICKY_FLAGS } from './flags';

describe('parseGapImport: JSON lines', () => {
  it('keeps the good lines and reports each bad one by its line number', () => {
    const lines = [
      JSON.stringify(flag('a')),
      '',
      '{"type":"gap-flag", "id": "broken"',
      JSON.stringify({ ...flag('b'), kind: 'boring' }),
      JSON.stringify({ type: 'help-request', id: 'h', message: 'hi' }),
      JSON.stringify(flag('c', { card: { id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 2 }, kind: 'outdated' })),
      '[1,2]',
      JSON.stringify({ ...flag('d'), createdAt: 'yesterday' }),
      JSON.stringify(flag('a')),
      JSON.stringify({ ...flag('e'), card: null, extra: 'dropped', teacher: { name: 'Ann', email: 'ann@example.org' } }),
    ];
    const result = parseGapImport(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(result.format).toBe('jsonl');
    expect(result.gaps.map((flag) => flag.id)).toEqual(['a', 'c', 'e']);
    expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5, 7, 8]);
    expect(result.errors[0]!.message).toMatch(/^not valid JSON/);
    expect(result.errors[1]!.message).toMatch(/^kind: /);
    expect(result.errors[2]!.message).toBe('not a gap flag (type is "help-request")');
    expect(result.errors[3]!.message).toBe('not a gap flag (expected a JSON object)');
    expect(result.errors[4]!.message).toMatch(/^createdAt: must be a date and time/);
    expect(result.duplicates).toBe(1);
    // Undocumented fields are not kept; a null card is no card.
    expect(result.gaps[2]).toEqual({ ...flag('e'), teacher: { name: 'Ann' } });
    expect(result.gaps[1]!.card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 2 });
  });

  it('reads what the generic JSON endpoint receives, byte for byte', () => {
    const sent = buildGapFlag(flagInput({ kind: 'unhelpful', card: RUBRIC_CARD }));
    const body = JSON.stringify(formatBody('json', sent));
    expect(parseGapImport(body)).toEqual({ format: 'jsonl', gaps: [sent], errors: [], duplicates: 0 });
  });
});

describe('parseGapFlags: values already read (a Hub’s list)', () => {
  it('checks each value as a line of a file would be, reporting a bad one by its position', () => {
    const result = parseGapFlags([flag('a'), { ...flag('b'), kind: 'boring' }, [1, 2], flag('a'), { ...flag('c'), card: null }]);
    expect(result.gaps.map((gap) => gap.id)).toEqual(['a', 'c']);
    expect(result.gaps[1]).not.toHaveProperty('card');
    expect(result.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(result.errors[1]!.message).toBe('not a gap flag (expected a JSON object)');
    expect(result.duplicates).toBe(1);
  });
});

describe('parseGapImport: CSV', () => {
  const tricky = TRICKY_FLAGS;

  it('round-trips every field', () => {
    const csv = gapsToCsv(tricky);
    expect(parseGapImport(csv)).toEqual({ format: 'csv', gaps: tricky, errors: [], duplicates: 0 });
  });

  it('reports malformed rows by the line they start on and keeps the rest', () => {
    const row = (payload: GapFlagPayload) => gapsToCsv([payload]).slice(CSV_COLUMNS.join(',').length + 2, -2);
    // Flag b's note, searches and mentors hold five line breaks: its record is lines 2 to 7.
    const b = row(tricky[1]!);
    expect(b.match(/\r\n|\n/g)).toHaveLength(5);
    const lines = [
      CSV_COLUMNS.join(','), // 1
      b, // 2-7
      row(flag('f')).replace('missing', 'nonsense'), // 8: bad kind
      'only,three,fields', // 9
      row(flag('g')).replace(',Maya Lopez,', ',"Maya Lopez,'), // 10: a quote that runs on to the next quote (line 12)
      row(flag('h')), // 11
      row(flag('i')).replace('canvas,Canvas', 'canvas,"Canvas"x'), // 12: text after a closing quote
      row(flag('j', { createdAt: 'not a date' })), // 13
      row(flag('k', { card: { id: 'c', title: 't', pack: 'p', version: 1 } })).replace(',p,1,', ',p,one,'), // 14
      row(flag('l')), // 15
    ];
    const result = parseGapImport(`${lines.join('\r\n')}\r\n`);
    expect(result.gaps.map((flag) => flag.id)).toEqual(['b', 'h', 'l']);
    expect(result.gaps[0]).toEqual(tricky[1]);
    const byLine = Object.fromEntries(result.errors.map((error) => [error.line, error.message]));
    expect(result.errors.map((error) => error.line)).toEqual([8, 9, 10, 12, 13, 14]);
    expect(byLine[8]).toMatch(/^kind: /);
    expect(byLine[9]).toBe(`has 3 fields; the header has ${CSV_COLUMNS.length}`);
    // Line 10's stray quote runs to the first quote on line 12, where text follows it: the record
    // is reported on the line it starts on, and reading resumes on line 11, which is kept.
    expect(byLine[10]).toMatch(/text after a closing quote/);
    expect(byLine[12]).toMatch(/text after a closing quote/);
    expect(byLine[13]).toMatch(/^createdAt: must be a date and time/);
    expect(byLine[14]).toBe('cardVersion: must be a whole number from 1, not "one"');
  });

  it('reports a quote that is never closed and keeps every line before and after it', () => {
    const rows = gapsToCsv([flag('a'), flag('b'), flag('c')]).split('\r\n');
    rows[2] = rows[2]!.replace('Nothing explains', '"Nothing explains');
    // With no later quote to close it, the rest of the file would be one field: reading
    // resumes on the next line instead.
    const text = `${rows[0]}\n${rows[1]}\n${rows[2]}\n${rows[3]!.replaceAll('"', '')}\n`;
    const result = parseGapImport(text);
    expect(result.errors).toEqual([{ line: 3, message: 'a quoted field is never closed (a " is missing)' }]);
    expect(result.gaps.map((flag) => flag.id)).toEqual(['a', 'c']);
  });

  it('refuses a file that is neither JSON lines nor a flag export, naming the columns it needs', () => {
    const result = parseGapImport('name,email\nAnn,ann@example.org\n');
    expect(result.gaps).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(1);
    expect(result.errors[0]!.message).toContain('missing id, createdAt, kind, toolId');
  });

  it('accepts columns in any order and without the optional ones', () => {
    const text = 'kind,toolId,createdAt,id,note\r\nmissing,canvas,2026-11-24T10:00:00.000Z,z1,"Short, sweet"\r\n';
    expect(parseGapImport(text).gaps).toEqual([
      {
        type: 'gap-flag',
        id: 'z1',
        createdAt: '2026-11-24T10:00:00.000Z',
        teacher: { name: '' },
        tool: { id: 'canvas', name: 'canvas' },
        page: { context: null, name: null, url: '' },
        mentors: [],
        kind: 'missing',
        note: 'Short, sweet',
        searches: [],
      },
    ]);
  });
});
