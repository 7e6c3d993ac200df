import { describe, expect, it } from 'vitest';
import { formatBody } from '../../../utils/endpoints';
import { buildGapFlag, cleanSearches, GAP_LIMITS } from '../../../utils/gaps/payload';
import { flagInput, RUBRIC_CARD } from './flags';

describe('buildGapFlag', () => {
  it('builds the documented payload: tool, page type, redacted address, routed mentors, trimmed note', () => {
    const payload = buildGapFlag(flagInput());
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
      flagInput({
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
    expect(buildGapFlag(flagInput({ kind: 'unhelpful', card: RUBRIC_CARD })).card).toEqual({
      id: 'speedgrader-rubric',
      title: 'Grade with a rubric',
      pack: 'district',
      version: 3,
    });
    // A card without a version is version 1 (as the importer counts it).
    expect(buildGapFlag(flagInput({ kind: 'outdated', card: { ...RUBRIC_CARD, version: undefined } })).card?.version).toBe(1);
    expect(buildGapFlag(flagInput({ kind: 'missing', card: RUBRIC_CARD })).card).toBeUndefined();
    expect(() => buildGapFlag(flagInput({ kind: 'outdated' }))).toThrow(/needs the card/);
  });

  it('keeps the latest ten distinct searches, one line each', () => {
    const searches = ['  hide   grades ', 'HIDE GRADES', '', ...Array.from({ length: 12 }, (_, index) => `query ${index}`)];
    const payload = buildGapFlag(flagInput({ searches }));
    expect(payload.searches).toEqual(['hide grades', ...Array.from({ length: 9 }, (_, index) => `query ${index}`)]);
  });

  it('leaves the school out when it is empty, and cuts a note at 2000 characters', () => {
    const payload = buildGapFlag(
      flagInput({ settings: { teacherName: 'Ann', schoolName: ' ', endpointFormat: 'slack' }, note: 'x'.repeat(2100) }),
    );
    expect(payload.teacher).toEqual({ name: 'Ann' });
    expect(payload.note).toHaveLength(2000);
    // Slack handles are routed for a Slack endpoint.
    expect(payload.mentors).toEqual([{ name: 'Mr. Okafor', handle: 'U024BE7LH' }, { name: 'Ms. Lee' }]);
  });

  it('names an unknown page "other", and a card flag there by the card\'s tool', () => {
    const unknown = { url: 'https://example.org/private/report?id=5', detection: null };
    const missing = buildGapFlag(flagInput({ tabState: unknown }));
    expect(missing.tool).toEqual({ id: 'other', name: 'Other' });
    // A site outside the catalogue has no known route words: only its origin and path shape go.
    expect(missing.page).toEqual({ context: null, name: null, url: 'https://example.org/:id/:id' });
    const aboutCard = buildGapFlag(flagInput({ tabState: unknown, kind: 'unhelpful', card: RUBRIC_CARD }));
    expect(aboutCard.tool).toEqual({ id: 'canvas', name: 'Canvas' });
    expect(aboutCard.page.context).toBeNull();
  });

  it('reads as a distinct message in the chat formats', () => {
    const slack = formatBody('slack', buildGapFlag(flagInput())) as { text: string };
    expect(slack.text).toContain('Gap flagged: Canvas › SpeedGrader — no card');
  });
});

describe('cleanSearches', () => {
  it('stops at the limit asked for and cuts each search at 200 characters', () => {
    expect(cleanSearches(['one', 'two', 'three'], 2)).toEqual(['one', 'two']);
    const [long] = cleanSearches(['é'.repeat(GAP_LIMITS.search + 5)]);
    expect(Array.from(long!)).toHaveLength(GAP_LIMITS.search);
  });
});
