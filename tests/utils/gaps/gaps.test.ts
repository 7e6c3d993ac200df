import { describe, expect, it } from 'vitest';
import type { CardRecord, GapRecord, Mentor } from '../../../utils/platform/db';
import { placesOf } from '../../../utils/platform/db';
import { formatBody } from '../../../utils/endpoints';
import type { GapFlagPayload } from '../../../utils/endpoints/types';
import {
  addressingCardKeys,
  baselineCards,
  buildGapFlag,
  cardsPastReview,
  CSV_COLUMNS,
  findAddressed,
  flagState,
  gapRecordFromPayload,
  gapsToCsv,
  gapToPayload,
  groupGaps,
  localDate,
  mostUnhelpful,
  parseGapImport,
  putCardsFirst,
  readCsv,
  type GapFlagInput,
} from '../../../utils/gaps/gaps';

const NOW = Date.UTC(2026, 10, 24, 14, 32, 5, 120);
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=5678&student_id=9#comments';

const mentors: Mentor[] = [
  { id: 'm1', name: 'Mr. Okafor', handles: { slack: 'U024BE7LH', json: 'okafor@district.org' }, tools: ['canvas'] },
  { id: 'm2', name: 'Ms. Lee', handles: {}, tools: ['canvas', 'seesaw'] },
  { id: 'm3', name: 'Mx. Park', handles: { json: 'park' }, tools: ['seesaw'] },
];

function input(extra: Partial<GapFlagInput> = {}): GapFlagInput {
  return {
    tabState: { url: SPEEDGRADER_URL, detection: { tool: 'canvas', context: 'speedgrader' } },
    kind: 'missing',
    note: '  How do I hide grades until I post them?  ',
    searches: ['hide grades', 'post policy'],
    settings: { teacherName: ' Ms. Rivera ', schoolName: 'Lincoln Elementary', endpointFormat: 'json' },
    mentors,
    id: 'f0a1b2c3-0000-4000-8000-000000000001',
    now: NOW,
    includeFullUrl: false,
    ...extra,
  };
}

const rubricCard = { id: 'speedgrader-rubric', title: 'Grade with a rubric', pack: 'district', version: 3, tools: ['canvas'] };

describe('buildGapFlag', () => {
  it('builds the documented payload: tool, page type, redacted address, routed mentors, trimmed note', () => {
    const payload = buildGapFlag(input());
    expect(payload).toEqual({
      type: 'gap-flag',
      id: 'f0a1b2c3-0000-4000-8000-000000000001',
      createdAt: '2026-11-24T14:32:05.120Z',
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
      mentors: [{ name: 'Mr. Okafor', handle: 'okafor@district.org' }, { name: 'Ms. Lee' }],
      kind: 'missing',
      note: 'How do I hide grades until I post them?',
      searches: ['hide grades', 'post policy'],
    });
    // The generic JSON endpoint receives exactly this object.
    expect(formatBody('json', payload)).toEqual(payload);
  });

  it('sends the full address only when the teacher ticks it, never with a user name or password', () => {
    const payload = buildGapFlag(
      input({
        includeFullUrl: true,
        tabState: {
          url: 'https://ann:secret@district.instructure.com/courses/1/gradebook/speed_grader?student_id=9',
          detection: { tool: 'canvas', context: 'speedgrader' },
        },
      }),
    );
    expect(payload.page.url).toBe('https://district.instructure.com/courses/1/gradebook/speed_grader?student_id=9');
  });

  it('carries the card, its pack and version for "didn\'t help" and "out of date", and only for those', () => {
    expect(buildGapFlag(input({ kind: 'unhelpful', card: rubricCard })).card).toEqual({
      id: 'speedgrader-rubric',
      title: 'Grade with a rubric',
      pack: 'district',
      version: 3,
    });
    // A card without a version is version 1 (as the importer counts it).
    expect(buildGapFlag(input({ kind: 'outdated', card: { ...rubricCard, version: undefined } })).card?.version).toBe(1);
    expect(buildGapFlag(input({ kind: 'missing', card: rubricCard })).card).toBeUndefined();
    expect(() => buildGapFlag(input({ kind: 'outdated' }))).toThrow(/needs the card/);
  });

  it('keeps the latest ten distinct searches, one line each', () => {
    const searches = ['  hide   grades ', 'HIDE GRADES', '', ...Array.from({ length: 12 }, (_, index) => `query ${index}`)];
    const payload = buildGapFlag(input({ searches }));
    expect(payload.searches).toEqual(['hide grades', ...Array.from({ length: 9 }, (_, index) => `query ${index}`)]);
  });

  it('leaves the school out when it is empty, and cuts a note at 2000 characters', () => {
    const payload = buildGapFlag(
      input({ settings: { teacherName: 'Ann', schoolName: ' ', endpointFormat: 'slack' }, note: 'x'.repeat(2100) }),
    );
    expect(payload.teacher).toEqual({ name: 'Ann' });
    expect(payload.note).toHaveLength(2000);
    // Slack handles are routed for a Slack endpoint.
    expect(payload.mentors).toEqual([{ name: 'Mr. Okafor', handle: 'U024BE7LH' }, { name: 'Ms. Lee' }]);
  });

  it('names an unknown page "other", and a card flag there by the card\'s tool', () => {
    const unknown = { url: 'https://example.org/private/report?id=5', detection: null };
    const missing = buildGapFlag(input({ tabState: unknown }));
    expect(missing.tool).toEqual({ id: 'other', name: 'Other' });
    expect(missing.page).toEqual({ context: null, name: null, url: 'https://example.org/private/report' });
    const aboutCard = buildGapFlag(input({ tabState: unknown, kind: 'unhelpful', card: rubricCard }));
    expect(aboutCard.tool).toEqual({ id: 'canvas', name: 'Canvas' });
    expect(aboutCard.page.context).toBeNull();
  });

  it('reads as a distinct message in the chat formats', () => {
    const slack = formatBody('slack', buildGapFlag(input())) as { text: string };
    expect(slack.text).toContain('Gap flagged: Canvas › SpeedGrader — no card');
  });
});

// ---------------------------------------------------------------------------------------------

type Versioned = Pick<CardRecord, 'key' | 'places' | 'version' | 'updatedAt'>;
function cardAt(key: string, tools: string[], contexts: string[], version?: number, updatedAt?: string): Versioned {
  const card: Versioned = { key, places: placesOf({ tools, contexts }) };
  if (version !== undefined) card.version = version;
  if (updatedAt !== undefined) card.updatedAt = updatedAt;
  return card;
}

function gap(id: string, extra: Partial<GapRecord> = {}): GapRecord {
  return {
    id,
    kind: 'missing',
    tool: 'canvas',
    context: 'speedgrader',
    note: '',
    searches: [],
    status: 'open',
    createdAt: NOW,
    origin: 'mine',
    ...extra,
  };
}

describe('findAddressed across pack versions', () => {
  // Version 1 of a district pack: one SpeedGrader card, one Modules card, nothing tool-wide.
  const v1 = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 1), cardAt('district/modules', ['canvas'], ['modules'], 1)];

  it('a new card for the flagged page addresses "no card" and "search found nothing" flags', () => {
    const v2 = [...v1, cardAt('district/sg-hide-grades', ['canvas'], ['speedgrader'], 1)];
    const gaps = [gap('a'), gap('b', { kind: 'search-found-nothing' }), gap('c', { context: 'modules' })];
    expect(findAddressed(gaps, v1, v2)).toEqual([
      { gapId: 'a', cardKey: 'district/sg-hide-grades' },
      { gapId: 'b', cardKey: 'district/sg-hide-grades' },
    ]);
  });

  it('a newer version of a card already on the page does not answer "no card"', () => {
    const v2 = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 2), v1[1]!];
    expect(findAddressed([gap('a')], v1, v2)).toEqual([]);
  });

  it('a card that now also covers the page does', () => {
    const v2 = [v1[0]!, cardAt('district/modules', ['canvas'], ['modules', 'speedgrader'], 2)];
    expect(findAddressed([gap('a')], v1, v2)).toEqual([{ gapId: 'a', cardKey: 'district/modules' }]);
  });

  it('a tool-wide card answers a flag about the tool as a whole, not one about a page', () => {
    const v2 = [...v1, cardAt('district/canvas-nav', ['canvas'], [], 1)];
    expect(findAddressed([gap('page'), gap('tool', { context: null })], v1, v2)).toEqual([
      { gapId: 'tool', cardKey: 'district/canvas-nav' },
    ]);
  });

  it('cards for other tools or pages, and a pack that removes cards, address nothing', () => {
    const v2 = [
      cardAt('district/classroom', ['google-classroom'], ['speedgrader'], 1),
      cardAt('district/gradebook', ['canvas'], ['gradebook'], 1),
    ];
    expect(findAddressed([gap('a'), gap('b', { kind: 'unhelpful', cardKey: 'district/sg-comment', cardVersion: 1 })], v1, v2)).toEqual([]);
  });

  it('when several new cards answer, the first by key is recorded', () => {
    const v2 = [...v1, cardAt('district/sg-z', ['canvas'], ['speedgrader']), cardAt('district/sg-b', ['canvas'], ['speedgrader'])];
    expect(findAddressed([gap('a')], v1, v2)).toEqual([{ gapId: 'a', cardKey: 'district/sg-b' }]);
  });

  it('"didn\'t help" and "out of date" are answered by a higher version or a later updatedAt of that card', () => {
    const flagged = { kind: 'unhelpful' as const, cardKey: 'district/sg-comment', cardVersion: 1 };
    const before = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 1, '2026-09-01')];
    const higher = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 2, '2026-09-01')];
    const laterDate = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 1, '2026-11-20')];
    const same = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 1, '2026-09-01')];
    const older = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 1, '2026-08-01')];
    const newCardOnPage = [...same, cardAt('district/sg-other', ['canvas'], ['speedgrader'], 1)];
    expect(findAddressed([gap('x', flagged)], before, higher)).toEqual([{ gapId: 'x', cardKey: 'district/sg-comment' }]);
    expect(findAddressed([gap('x', { ...flagged, kind: 'outdated' })], before, laterDate)).toEqual([
      { gapId: 'x', cardKey: 'district/sg-comment' },
    ]);
    expect(findAddressed([gap('x', flagged)], before, same)).toEqual([]);
    expect(findAddressed([gap('x', flagged)], before, older)).toEqual([]);
    expect(findAddressed([gap('x', flagged)], before, newCardOnPage)).toEqual([]);
  });

  it('without the earlier copy, a card flag compares with the version the teacher flagged', () => {
    const flagged = gap('x', { kind: 'outdated', cardKey: 'district/sg-comment', cardVersion: 3 });
    expect(findAddressed([flagged], [], [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 3)])).toEqual([]);
    expect(findAddressed([flagged], [], [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 4)])).toEqual([
      { gapId: 'x', cardKey: 'district/sg-comment' },
    ]);
  });

  it('only open and sent flags are addressed', () => {
    const v2 = [...v1, cardAt('district/new', ['canvas'], ['speedgrader'])];
    const gaps = (['open', 'sent', 'addressed', 'resolved'] as const).map((status) => gap(status, { status }));
    expect(findAddressed(gaps, v1, v2).map((found) => found.gapId)).toEqual(['open', 'sent']);
  });

  it('follows a flag through three releases with its baseline: only the release that adds a card closes it', () => {
    const flag = gap('a', { baseline: [{ key: 'district/sg-comment', version: 1 }] });
    const release2 = [cardAt('district/sg-comment', ['canvas'], ['speedgrader'], 2), v1[1]!];
    const release3 = [...release2, cardAt('district/sg-hide', ['canvas'], ['speedgrader'], 1)];
    expect(findAddressed([flag], baselineCards(flag), release2)).toEqual([]);
    expect(findAddressed([flag], baselineCards(flag), release3)).toEqual([{ gapId: 'a', cardKey: 'district/sg-hide' }]);
  });
});

// ---------------------------------------------------------------------------------------------

function payload(id: string, extra: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return {
    type: 'gap-flag',
    id,
    createdAt: '2026-11-24T14:32:05.120Z',
    teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
    mentors: [{ name: 'Mr. Okafor', handle: 'okafor@district.org' }],
    kind: 'missing',
    note: 'How do I hide grades?',
    searches: ['hide grades'],
    ...extra,
  };
}

describe('groupGaps', () => {
  it('groups by tool and page with counts, kinds, the newest note, searches and flagged cards', () => {
    const gaps = [
      gap('1', { createdAt: 100, note: 'Older note', searches: ['hide grades', 'mute'] }),
      gap('2', { createdAt: 300, note: '', searches: ['Hide  Grades'] }),
      gap('3', {
        createdAt: 200,
        note: 'Newest note with words',
        kind: 'unhelpful',
        cardKey: 'd/rubric',
        cardId: 'rubric',
        payload: payload('3', { card: { id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 1 } }),
      }),
      gap('4', { createdAt: 50, context: 'modules', status: 'resolved' }),
      gap('5', { createdAt: 60, tool: 'seesaw', context: 'journal', note: 'Journal help' }),
      gap('6', { createdAt: 70, tool: 'seesaw', context: 'journal' }),
    ];
    const misses = [
      { query: 'mute', tool: 'canvas', context: 'speedgrader', at: 400 },
      { query: 'rubric import', tool: 'canvas', context: 'speedgrader', at: 10 },
      { query: 'nowhere', tool: null, context: null, at: 10 },
      { query: 'late policy', tool: 'canvas', context: 'gradebook', at: 20 },
    ];
    const groups = groupGaps(gaps, misses);
    expect(groups.map((group) => [group.key, group.count, group.unresolved])).toEqual([
      ['canvas/speedgrader', 3, 3],
      ['seesaw/journal', 2, 2],
      ['canvas/modules', 1, 0],
      ['canvas/gradebook', 0, 0],
    ]);
    const speedgrader = groups[0]!;
    expect(speedgrader).toMatchObject({
      tool: 'canvas',
      context: 'speedgrader',
      toolName: 'Canvas',
      pageName: 'SpeedGrader',
      kinds: { missing: 2, unhelpful: 1 },
      newestNote: { text: 'Newest note with words', at: 200 },
      latestAt: 400,
      cards: [{ key: 'd/rubric', title: 'Grade with a rubric', count: 1 }],
    });
    expect(speedgrader.searches).toEqual([
      { query: 'hide grades', count: 2 },
      { query: 'mute', count: 2 },
      { query: 'rubric import', count: 1 },
    ]);
    expect(speedgrader.gapIds.sort()).toEqual(['1', '2', '3']);
    expect(groups[3]!.searches).toEqual([{ query: 'late policy', count: 1 }]);
  });

  it('names a tool the catalogue does not know by the name the flag carried', () => {
    const imported = gapRecordFromPayload(
      payload('x', { tool: { id: 'district-sis', name: 'District SIS' }, page: { context: null, name: null, url: '' } }),
      { origin: 'imported' },
    );
    expect(groupGaps([imported])[0]).toMatchObject({ key: 'district-sis/*', toolName: 'District SIS', pageName: null });
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseGapImport: JSON lines', () => {
  it('keeps the good lines and reports each bad one by its line number', () => {
    const lines = [
      JSON.stringify(payload('a')),
      '',
      '{"type":"gap-flag", "id": "broken"',
      JSON.stringify({ ...payload('b'), kind: 'boring' }),
      JSON.stringify({ type: 'help-request', id: 'h', message: 'hi' }),
      JSON.stringify(payload('c', { card: { id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 2 }, kind: 'outdated' })),
      '[1,2]',
      JSON.stringify({ ...payload('d'), createdAt: 'yesterday' }),
      JSON.stringify(payload('a')),
      JSON.stringify({ ...payload('e'), card: null, extra: 'dropped', teacher: { name: 'Ann', email: 'ann@example.org' } }),
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
    expect(result.gaps[2]).toEqual({ ...payload('e'), teacher: { name: 'Ann' } });
    expect(result.gaps[1]!.card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'd', version: 2 });
  });

  it('reads what the generic JSON endpoint receives, byte for byte', () => {
    const sent = buildGapFlag(input({ kind: 'unhelpful', card: rubricCard }));
    const body = JSON.stringify(formatBody('json', sent));
    expect(parseGapImport(body)).toEqual({ format: 'jsonl', gaps: [sent], errors: [], duplicates: 0 });
  });
});

describe('gapsToCsv and parseGapImport: CSV', () => {
  const tricky = [
    payload('a'),
    payload('b', {
      note: 'Line one, with a comma\nLine two with "quotes"\r\nand a CRLF',
      searches: ['hide grades', 'mute, assignment', 'say "hi"'],
      mentors: [{ name: 'Ms. Lee' }, { name: 'Mr. Okafor', handle: 'U024BE7LH' }],
      kind: 'unhelpful',
      card: { id: 'rubric', title: 'Grade, with "a" rubric', pack: 'district-pack', version: 4 },
    }),
    payload('c', {
      teacher: { name: 'José Núñez' },
      page: { context: null, name: null, url: '' },
      tool: { id: 'seesaw', name: 'Seesaw' },
      note: '=HYPERLINK("https://evil.example","click")',
      searches: [],
      mentors: [],
    }),
    payload('d', { note: "'already quoted", teacher: { name: '+1 teacher', school: '@school' } }),
    payload('e', { note: '  leading and trailing spaces  ', kind: 'search-found-nothing' }),
  ];

  it('round-trips every field', () => {
    const csv = gapsToCsv(tricky);
    expect(parseGapImport(csv)).toEqual({ format: 'csv', gaps: tricky, errors: [], duplicates: 0 });
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

  it('reports malformed rows by the line they start on and keeps the rest', () => {
    const row = (flag: GapFlagPayload) => gapsToCsv([flag]).slice(CSV_COLUMNS.join(',').length + 2, -2);
    // Flag b's note, searches and mentors hold five line breaks: its record is lines 2 to 7.
    const b = row(tricky[1]!);
    expect(b.match(/\r\n|\n/g)).toHaveLength(5);
    const lines = [
      CSV_COLUMNS.join(','), // 1
      b, // 2-7
      row(payload('f')).replace('missing', 'nonsense'), // 8: bad kind
      'only,three,fields', // 9
      row(payload('g')).replace(',Ms. Rivera,', ',"Ms. Rivera,'), // 10: a quote that runs on to the next quote (line 12)
      row(payload('h')), // 11
      row(payload('i')).replace('canvas,Canvas', 'canvas,"Canvas"x'), // 12: text after a closing quote
      row(payload('j', { createdAt: 'not a date' })), // 13
      row(payload('k', { card: { id: 'c', title: 't', pack: 'p', version: 1 } })).replace(',p,1,', ',p,one,'), // 14
      row(payload('l')), // 15
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
    const rows = gapsToCsv([payload('a'), payload('b'), payload('c')]).split('\r\n');
    rows[2] = rows[2]!.replace('How do I hide grades?', '"How do I hide grades?');
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
});

// ---------------------------------------------------------------------------------------------

describe("the teacher's view and stale cards", () => {
  it('a flag reads as sent once its outbox item is delivered', () => {
    expect(flagState({ status: 'open' })).toBe('open');
    expect(flagState({ status: 'open' }, { status: 'queued' })).toBe('open');
    expect(flagState({ status: 'open' }, { status: 'sent' })).toBe('sent');
    expect(flagState({ status: 'sent' })).toBe('sent');
    expect(flagState({ status: 'addressed' }, { status: 'sent' })).toBe('addressed');
    expect(flagState({ status: 'resolved' })).toBe('resolved');
  });

  it("puts the cards that answered the teacher's flags for this page first, newest first, for two weeks", () => {
    const day = 24 * 60 * 60_000;
    const gaps = [
      gap('1', { status: 'addressed', addressedByCardKey: 'p/a', addressedAt: NOW - 2 * day }),
      gap('2', { status: 'addressed', addressedByCardKey: 'p/b', addressedAt: NOW - day }),
      gap('3', { status: 'addressed', addressedByCardKey: 'p/c', addressedAt: NOW - day, context: 'modules' }),
      gap('4', { status: 'addressed', addressedByCardKey: 'p/d', addressedAt: NOW - day, context: null }),
      gap('5', { status: 'addressed', addressedByCardKey: 'p/e', addressedAt: NOW - 20 * day }),
      gap('6', { status: 'addressed', addressedByCardKey: 'p/f', addressedAt: NOW - day, origin: 'imported' }),
      gap('7', { status: 'open' }),
    ];
    const keys = addressingCardKeys(gaps, { tool: 'canvas', context: 'speedgrader' }, NOW);
    expect(keys).toEqual(['p/b', 'p/d', 'p/a']);
    expect(addressingCardKeys(gaps, null, NOW)).toEqual([]);
    const cards = ['p/x', 'p/a', 'p/y', 'p/b'].map((key) => ({ key }));
    expect(putCardsFirst(cards, keys).map((card) => card.key)).toEqual(['p/b', 'p/a', 'p/x', 'p/y']);
  });

  it('lists cards past their review date, most overdue first', () => {
    const cards = [
      { key: 'p/a', reviewBy: '2026-11-23' },
      { key: 'p/b', reviewBy: '2026-11-24' },
      { key: 'p/c' },
      { key: 'p/d', reviewBy: '2025-01-01' },
    ];
    expect(cardsPastReview(cards, localDate(new Date(2026, 10, 24, 9).getTime())).map((card) => card.key)).toEqual(['p/d', 'p/a']);
  });

  it('counts "didn\'t help" marks on this device and "didn\'t help" flags per card', () => {
    const feedback = [
      { cardKey: 'p/a', helpful: 'no' as const },
      { cardKey: 'p/b', helpful: 'yes' as const },
      { cardKey: 'p/c', helpful: 'no' as const },
    ];
    const gaps = [
      gap('1', { kind: 'unhelpful', cardKey: 'p/c' }),
      gap('2', { kind: 'unhelpful', cardKey: 'p/c', origin: 'imported' }),
      gap('3', { kind: 'outdated', cardKey: 'p/a' }),
      gap('4', { kind: 'unhelpful', cardKey: 'p/b' }),
    ];
    expect(mostUnhelpful(feedback, gaps)).toEqual([
      { cardKey: 'p/c', votes: 1, flags: 2, total: 3 },
      { cardKey: 'p/a', votes: 1, flags: 0, total: 1 },
      { cardKey: 'p/b', votes: 0, flags: 1, total: 1 },
    ]);
  });

  it('rebuilds a payload for a record stored without one', () => {
    const rebuilt = gapToPayload(
      gap('old', { kind: 'outdated', cardKey: 'district-pack/rubric', cardId: 'rubric', cardVersion: 2, teacher: 'Ann', createdAt: NOW }),
    );
    expect(rebuilt).toMatchObject({
      id: 'old',
      createdAt: '2026-11-24T14:32:05.120Z',
      teacher: { name: 'Ann' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: '' },
      card: { id: 'rubric', pack: 'district-pack', version: 2 },
    });
  });
});
