import Papa from 'papaparse';
import type { GapFlagPayload, RoutedMentor } from '../endpoints/types';

/**
 * The CSV a coach exports flags to and imports them back from: RFC 4180 through papaparse,
 * one row per flag under a header, with every record numbered by the line a text editor or
 * spreadsheet shows it on.
 */

/** The export's columns, one per payload field (mentors as "Name <handle>" lines). */
export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'kind',
  'toolId',
  'toolName',
  'context',
  'pageName',
  'pageUrl',
  'teacherName',
  'school',
  'note',
  'searches',
  'cardId',
  'cardTitle',
  'cardPack',
  'cardVersion',
  'cardStep',
  'mentors',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'createdAt', 'kind', 'toolId'];

/** Where a payload field lives in the CSV, so an error names the column the coach sees. */
const COLUMN_OF_PATH: Record<string, CsvColumn> = {
  'tool.id': 'toolId',
  'tool.name': 'toolName',
  'page.context': 'context',
  'page.name': 'pageName',
  'page.url': 'pageUrl',
  'teacher.name': 'teacherName',
  'teacher.school': 'school',
  'card.id': 'cardId',
  'card.title': 'cardTitle',
  'card.pack': 'cardPack',
  'card.version': 'cardVersion',
  'card.step': 'cardStep',
};

/** The column an error about a payload field (`tool.id`, `mentors.0.name`) should name. */
export function columnOfPath(path: string): string {
  return COLUMN_OF_PATH[path] ?? path.replace(/\.\d+$|\.\d+\..*$/, '');
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a leading
 * apostrophe, and so does one that already starts with an apostrophe, so import can remove
 * exactly one and get the text back. (papaparse's escapeFormulae would also quote the cell.)
 */
const FORMULA_START = /^[=+\-@\t\r']/;

const guardFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
const unguardFormula = (value: string) => (value.startsWith("'") ? value.slice(1) : value);

/** Quoted only where RFC 4180 needs it, and around edge spaces a spreadsheet would trim. */
const needsQuotes = (value: string) => /[",\r\n]/.test(value) || /^\s|\s$/.test(value);

function mentorLine(mentor: RoutedMentor): string {
  const name = mentor.name.replace(/\s+/g, ' ').trim();
  return mentor.handle ? `${name} <${mentor.handle}>` : name;
}

function csvRow(payload: GapFlagPayload): Record<CsvColumn, string> {
  return {
    id: payload.id,
    createdAt: payload.createdAt,
    kind: payload.kind,
    toolId: payload.tool.id,
    toolName: payload.tool.name,
    context: payload.page.context ?? '',
    pageName: payload.page.name ?? '',
    pageUrl: payload.page.url,
    teacherName: payload.teacher.name,
    school: payload.teacher.school ?? '',
    note: payload.note,
    // Searches are single lines (the search box has no newlines): one per line in the cell.
    searches: payload.searches.join('\n'),
    cardId: payload.card?.id ?? '',
    cardTitle: payload.card?.title ?? '',
    cardPack: payload.card?.pack ?? '',
    cardVersion: payload.card ? String(payload.card.version) : '',
    cardStep: payload.card?.step !== undefined ? String(payload.card.step) : '',
    mentors: payload.mentors.map(mentorLine).join('\n'),
  };
}

/** RFC 4180 CSV (CRLF after every record, quotes doubled), one row per flag, with a header. */
export function gapsToCsv(gaps: readonly GapFlagPayload[]): string {
  const rows = gaps.map((gap) => {
    const row = csvRow(gap);
    return CSV_COLUMNS.map((column) => guardFormula(row[column]));
  });
  const csv = Papa.unparse([[...CSV_COLUMNS], ...rows], { delimiter: ',', newline: '\r\n', quotes: needsQuotes });
  return `${csv}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };
type LineBreak = '\r\n' | '\n' | '\r';

const QUOTE_ERRORS: Partial<Record<Papa.ParseError['code'], string>> = {
  MissingQuotes: 'a quoted field is never closed (a " is missing)',
  InvalidQuotes: 'text after a closing quote (a " inside a field must be written "")',
};

/**
 * Reads RFC 4180 CSV, giving each record the line it starts on (line breaks inside quoted
 * fields count, as an editor shows them). A broken record (a quote never closed, text after a
 * closing quote) is reported and reading resumes on the next line, so one bad row does not
 * cost the rest: papaparse alone would run a stray quote on to the end of the file. Blank lines
 * are skipped. Records end with the file's one kind of line break (the header's), and spaces
 * between a closing quote and the comma are allowed, as papaparse allows them.
 */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  if (text === '') return records;
  // The header's line break is the file's. (papaparse guesses by skipping quoted text, which
  // one stray quote can throw off.)
  const newline = (/\r\n|\r|\n/.exec(text)?.[0] ?? '\r\n') as LineBreak;
  const lineAt = lineNumbers(text);
  let from = 0;
  while (from < text.length) from = readUntilBroken(text, from, newline, lineAt, records);
  return records;
}

/** Reads records from `from` to the end or to the first broken one; returns where to go on. */
function readUntilBroken(text: string, from: number, newline: LineBreak, lineAt: (offset: number) => number, records: CsvRecord[]): number {
  let start = from;
  let resume = text.length;
  Papa.parse<string[]>(text.slice(from), {
    delimiter: ',',
    newline,
    step: (row, parser) => {
      const line = lineAt(start);
      const problem = row.errors[0];
      if (problem) {
        records.push({ line, error: QUOTE_ERRORS[problem.code] ?? problem.message });
        resume = afterLineBreak(text, start);
        parser.abort();
        return;
      }
      if (row.data.length > 1 || row.data[0] !== '') records.push({ line, fields: row.data });
      start = from + row.meta.cursor;
    },
  });
  return resume;
}

/** The line number of each offset asked for, asked in increasing order; any line break counts. */
function lineNumbers(text: string): (offset: number) => number {
  const breaks = /\r\n|\r|\n/g;
  let line = 1;
  let next = breaks.exec(text);
  return (offset) => {
    while (next && next.index < offset) {
      line += 1;
      next = breaks.exec(text);
    }
    return line;
  };
}

function afterLineBreak(text: string, from: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = from;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

// ---------------------------------------------------------------------------------------------
// From a row back to a payload

/** Which field holds each known column, and the required columns the header lacks. */
export function csvHeader(names: readonly string[]): { index: Map<CsvColumn, number>; missing: CsvColumn[] } {
  const index = new Map<CsvColumn, number>();
  names.forEach((name, position) => {
    const column = CSV_COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, position);
  });
  return { index, missing: REQUIRED_COLUMNS.filter((column) => !index.has(column)) };
}

/** The payload a CSV row describes, not yet validated, or an error in words. */
export function payloadFromCsv(fields: readonly string[], index: ReadonlyMap<CsvColumn, number>): Record<string, unknown> | string {
  const get = (column: CsvColumn) => {
    const position = index.get(column);
    return position === undefined ? '' : unguardFormula(fields[position] ?? '');
  };
  const toolId = get('toolId');
  const school = get('school');
  const cardId = get('cardId');
  const candidate: Record<string, unknown> = {
    type: 'gap-flag',
    id: get('id'),
    createdAt: get('createdAt'),
    teacher: school ? { name: get('teacherName'), school } : { name: get('teacherName') },
    tool: { id: toolId, name: get('toolName') || toolId },
    page: { context: get('context') || null, name: get('pageName') || null, url: get('pageUrl') },
    mentors: splitLines(get('mentors')).map(parseMentor),
    kind: get('kind'),
    note: get('note'),
    searches: splitLines(get('searches')),
  };
  if (cardId) {
    const version = get('cardVersion').trim() || '1';
    if (!/^\d+$/.test(version) || Number(version) < 1) return `cardVersion: must be a whole number from 1, not "${version}"`;
    const card: Record<string, unknown> = { id: cardId, title: get('cardTitle'), pack: get('cardPack'), version: Number(version) };
    // An export from before steps has no such column; the importer decides what a step cell means.
    const step = get('cardStep').trim();
    if (step) card.step = step;
    candidate.card = card;
  }
  return candidate;
}

function splitLines(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function parseMentor(line: string): RoutedMentor {
  const match = /^(.*?)\s*<([^<>]*)>$/.exec(line);
  if (!match) return { name: line };
  const name = match[1]!.trim();
  const handle = match[2]!.trim();
  return handle ? { name, handle } : { name };
}
