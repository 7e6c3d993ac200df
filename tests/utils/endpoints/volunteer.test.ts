import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRequest } from '../../../utils/endpoints';
import { JSON_BODY_BUDGET, JSON_LIMITS, toJsonPayload } from '../../../utils/endpoints/json';
import { TEXT_LIMITS, messageParts } from '../../../utils/endpoints/message-parts';
import { parseEventPayload } from '../../../utils/endpoints/schema';
import type { MentorVolunteerPayload } from '../../../utils/endpoints/types';
import { PLAIN_MASS_MENTION, WORST_CASE_TEXT, allStrings } from '../../support/payloads';
import { ALL_HOSTILE, ANY_LAYOUT_MARK } from './hostile-input';
import { hostileVolunteer, hugeVolunteers, mentorVolunteer } from './volunteer-fixtures';

const UTF8 = new TextEncoder();

/** The longest value an offer's field may have, by where it sits (list indexes left out). */
function capOf(path: string): number {
  const caps: Record<string, number> = {
    id: JSON_LIMITS.id,
    createdAt: JSON_LIMITS.createdAt,
    'teacher.name': JSON_LIMITS.name,
    'teacher.school': JSON_LIMITS.name,
    handle: JSON_LIMITS.handle,
    'tools.id': JSON_LIMITS.token,
    'tools.name': JSON_LIMITS.name,
    note: JSON_LIMITS.volunteerNote,
  };
  const cap = caps[path.replace(/\.\d+/g, '')];
  if (cap === undefined) throw new Error(`no cap known for ${path}`);
  return cap;
}

function fields(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => fields(inner, path ? `${path}.${key}` : key));
}

describe('mentor volunteer as generic JSON', () => {
  it('sends the offer as it is, with only the documented fields, in a stable order', () => {
    const offer = mentorVolunteer();
    expect(toJsonPayload(offer)).toEqual(offer);
    const extra = mentorVolunteer();
    Object.assign(extra, { page: { url: 'https://secret.example/x?student=1' }, mentors: [{ name: 'secret' }] });
    Object.assign(extra.teacher, { email: 'maya@example.org' });
    Object.assign(extra.tools[0]!, { hosts: ['secret.example'], comfort: 'expert' });
    const body = toJsonPayload(extra) as MentorVolunteerPayload;
    expect(JSON.stringify(body)).not.toMatch(/secret|maya@example|expert/);
    expect(body).toEqual(offer);
    expect(Object.keys(body)).toEqual(['type', 'id', 'createdAt', 'teacher', 'handle', 'tools', 'note']);
    expect(Object.keys(body.tools[0]!)).toEqual(['id', 'name']);
    expect(Object.keys(toJsonPayload(mentorVolunteer({ teacher: { name: 'Sam' } })))).toEqual(Object.keys(body));
    expect((toJsonPayload(mentorVolunteer({ teacher: { name: 'Sam' } })) as MentorVolunteerPayload).teacher).toEqual({ name: 'Sam' });
  });

  it('cuts every field to its cap and the tools to JSON_LIMITS.volunteerTools, under the body budget', async () => {
    for (const text of ['€'.repeat(10_000), '"\\'.repeat(5_000), WORST_CASE_TEXT, ALL_HOSTILE]) {
      const request = await buildRequest('json', hostileVolunteer(text, 45), { secret: 's' });
      expect(UTF8.encode(request.body).length).toBeLessThanOrEqual(JSON_BODY_BUDGET);
      const body = JSON.parse(request.body) as MentorVolunteerPayload;
      expect(body.tools).toHaveLength(JSON_LIMITS.volunteerTools);
      for (const [path, value] of fields(body)) {
        if (path === 'type') continue;
        expect(value.length, path).toBeLessThanOrEqual(capOf(path));
        expect(value.endsWith('…'), path).toBe(true);
      }
      for (const value of allStrings(body)) expect(value).not.toMatch(ANY_LAYOUT_MARK);
      expect(request.headers['Idempotency-Key']).toBe(body.id);
    }
    // Exactly at a cap nothing is cut.
    const atCap = mentorVolunteer({ note: 'n'.repeat(JSON_LIMITS.volunteerNote), handle: 'h'.repeat(JSON_LIMITS.handle) });
    expect(toJsonPayload(atCap)).toEqual(atCap);
  });

  it('is idempotent, and what it sends the Hub takes as a valid event', () => {
    for (const offer of [mentorVolunteer(), hostileVolunteer(ALL_HOSTILE, 30), mentorVolunteer({ handle: '', note: '' })]) {
      const sent = toJsonPayload(offer);
      expect(toJsonPayload(sent)).toEqual(sent);
    }
    const parsed = parseEventPayload(toJsonPayload(mentorVolunteer({ handle: '', note: '' })));
    expect(parsed).toEqual({ ok: true, payload: mentorVolunteer({ handle: '', note: '' }) });
  });

  it('is documented in the README and in docs/endpoints.md with the caps it applies', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### The generic JSON payload'), readme.indexOf('## Privacy'));
    const docs = readFileSync('docs/endpoints.md', 'utf8');
    const docsSection = docs.slice(docs.indexOf('### Mentor volunteer'), docs.indexOf('### Verifying the signature'));
    for (const text of [section, docsSection]) {
      const caps = text.split('\n').find((line) => line.startsWith('Mentor volunteer caps:')) ?? '';
      for (const value of [JSON_LIMITS.volunteerTools, JSON_LIMITS.handle, JSON_LIMITS.volunteerNote]) {
        expect(caps, String(value)).toContain(String(value));
      }
      for (const name of ['`handle`', '`tools`', '`note`']) expect(text).toContain(name);
      // The example is an offer as sent: toJsonPayload leaves it as it is, and it is the documented shape.
      const example = /```json\n(\{\n {2}"type": "mentor-volunteer"[\s\S]*?)```/.exec(text)?.[1];
      expect(example).toBeDefined();
      const offer = JSON.parse(example!) as MentorVolunteerPayload;
      expect(toJsonPayload(offer)).toEqual(offer);
      expect(Object.keys(offer)).toEqual(Object.keys(mentorVolunteer()));
    }
  });
});

describe('mentor volunteer message parts', () => {
  it('titles the offer with the teacher, lists school, handle and tools as facts, the note as words, nobody mentioned', () => {
    expect(messageParts(mentorVolunteer())).toEqual({
      title: 'Mentor volunteer: Maya Lopez',
      facts: [
        { label: 'Teacher', value: 'Maya Lopez' },
        { label: 'School', value: 'Lincoln Elementary' },
        { label: 'Chat handle', value: 'U07MAYALOPEZ' },
        { label: 'Tools', value: 'Canvas, Nearpod' },
      ],
      wordsLabel: 'Note',
      words: 'Free 3rd period, Tuesdays and Thursdays.',
      mentors: [],
    });
  });

  it('leaves out what the teacher did not give', () => {
    const parts = messageParts(mentorVolunteer({ teacher: { name: '' }, handle: '  ', note: '' }));
    expect(parts.title).toBe('Mentor volunteer');
    expect(parts.facts.map((fact) => fact.label)).toEqual(['Teacher', 'Tools']);
    expect(parts.words).toBe('');
  });

  it('keeps typed text as text and every part within its limit, however long the offer', () => {
    for (const offer of hugeVolunteers()) {
      const parts = messageParts(offer);
      expect(parts.title.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
      expect(parts.words.length).toBeLessThanOrEqual(TEXT_LIMITS.words);
      const tools = parts.facts.find((fact) => fact.label === 'Tools')!.value;
      expect(tools.length).toBeLessThanOrEqual(TEXT_LIMITS.tools);
      expect(tools).toMatch(/\d+ more$/);
      expect(parts.facts.find((fact) => fact.label === 'Chat handle')!.value.length).toBeLessThanOrEqual(TEXT_LIMITS.handle);
      expect(parts.mentors).toEqual([]);
      for (const text of allStrings(parts)) {
        expect(text).not.toMatch(PLAIN_MASS_MENTION);
        expect(text).not.toMatch(ANY_LAYOUT_MARK);
      }
    }
  });
});
