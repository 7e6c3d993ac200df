import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvHeader, gapsToCsv, payloadFromCsv, readCsv } from '../../../utils/gaps/csv';
import { flag, TRICKY_FLAGS } from './flags';

const tricky = TRICKY_FLAGS;

describe('gapsToCsv', () => {
  it('writes one line per simple flag, under the header, exactly', () => {
    expect(gapsToCsv([flag('a')])).toBe(
      `${CSV_COLUMNS.join(',')}\r\n` +
        'a,2026-11-22T15:30:00.000Z,missing,canvas,Canvas,speedgrader,SpeedGrader,/courses/:id/gradebook/speed_grader,' +
        'Maya Lopez,Lincoln Elementary,Nothing explains rubric comments.,hide grades,,,,,,Mr. Okafor <okafor@district.org>\r\n',
    );
    expect(gapsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes RFC 4180: a header, CRLF between records, quoted fields with doubled quotes', () => {
    const csv = gapsToCsv([tricky[1]!]);
    expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Line one, with a comma\nLine two with ""quotes""\r\nand a CRLF"');
    expect(csv).toContain('"Grade, with ""a"" rubric"');
    expect(csv).toContain('"Ms. Lee\nMr. Okafor <U024BE7LH>"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const csv = gapsToCsv([tricky[2]!, tricky[3]!]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain("'+1 teacher,'@school");
    expect(csv).toContain("''already quoted");
  });

  it('quotes a cell with spaces at either end, so a spreadsheet keeps them', () => {
    expect(gapsToCsv([tricky[4]!])).toContain(',"  leading and trailing spaces  ",');
  });
});

describe('readCsv', () => {
  it('numbers records by the line they start on, across quoted line breaks and blank lines', () => {
    const records = readCsv('a,b\r\n"x\ny",2\r\n\r\nlast,"q""uote"');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 5, fields: ['last', 'q"uote'] },
    ]);
  });

  it('keeps empty fields', () => {
    expect(readCsv(',,\n')).toEqual([{ line: 1, fields: ['', '', ''] }]);
  });

  it('reports a broken record on the line it starts on and reads on from the next line', () => {
    expect(readCsv('a,b\n"open,2\nc,d\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'a quoted field is never closed (a " is missing)' },
      { line: 3, fields: ['c', 'd'] },
    ]);
    expect(readCsv('a,b\r\n"x"y,2\r\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'text after a closing quote (a " inside a field must be written "")' },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('reads files with CR line breaks, and counts every kind of line break inside quotes', () => {
    expect(readCsv('a,b\r"x\r\ny\n",2\rlast,3')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny\n', '2'] },
      { line: 5, fields: ['last', '3'] },
    ]);
  });

  it('allows spaces between a closing quote and the comma or line break', () => {
    expect(readCsv('"a"  ,"b" \r\nc,d\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });
});

describe('csvHeader and payloadFromCsv', () => {
  it('finds the columns whatever their case and order, and names the required ones missing', () => {
    expect(csvHeader([' KIND', 'id', 'note'])).toEqual({
      index: new Map([
        ['kind', 0],
        ['id', 1],
        ['note', 2],
      ]),
      missing: ['createdAt', 'toolId'],
    });
  });

  it('removes the apostrophe export put before a formula, and splits mentors and searches by line', () => {
    const { index } = csvHeader(CSV_COLUMNS);
    const fields = CSV_COLUMNS.map(() => '');
    fields[CSV_COLUMNS.indexOf('note')] = "'=SUM(A1)";
    fields[CSV_COLUMNS.indexOf('mentors')] = 'Ms. Lee\r\n  Mr. Okafor <U024BE7LH>  \n\nMx. Park <>';
    fields[CSV_COLUMNS.indexOf('searches')] = ' hide grades \n\nmute';
    expect(payloadFromCsv(fields, index)).toMatchObject({
      note: '=SUM(A1)',
      mentors: [{ name: 'Ms. Lee' }, { name: 'Mr. Okafor', handle: 'U024BE7LH' }, { name: 'Mx. Park' }],
      searches: ['hide grades', 'mute'],
    });
  });
});
