import { describe, expect, expectTypeOf, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRequest } from '../../../utils/endpoints';
import { JSON_BODY_BUDGET, JSON_LIMITS, toJsonPayload, type GenericJsonPayload } from '../../../utils/endpoints/json';
import type { GapFlagPayload, HelpRequestPayload, OutgoingPayload, PagePayload } from '../../../utils/endpoints/types';
import { HOSTILE_TEXT, MENTORS, WORST_CASE_TEXT, allStrings, gapFlag, helpRequest } from '../../support/payloads';
import { ALL_HOSTILE, ANY_LAYOUT_MARK, HOSTILE_TOKENS, hostilePayloads, manyMentors } from './hostile-input';

/** The longest value a field may have, by where it sits in the payload. */
function capOf(path: string): number {
  if (/^mentors\.\d+\.name$/.test(path)) return JSON_LIMITS.name;
  if (/^mentors\.\d+\.handle$/.test(path)) return JSON_LIMITS.handle;
  if (/^searches\.\d+$/.test(path)) return JSON_LIMITS.search;
  const caps: Record<string, number> = {
    id: JSON_LIMITS.id,
    createdAt: JSON_LIMITS.createdAt,
    'teacher.name': JSON_LIMITS.name,
    'teacher.school': JSON_LIMITS.name,
    'tool.id': JSON_LIMITS.token,
    'tool.name': JSON_LIMITS.name,
    'page.context': JSON_LIMITS.token,
    'page.name': JSON_LIMITS.name,
    'page.url': JSON_LIMITS.url,
    message: JSON_LIMITS.words,
    note: JSON_LIMITS.words,
    'card.id': JSON_LIMITS.token,
    'card.title': JSON_LIMITS.cardTitle,
    'card.pack': JSON_LIMITS.name,
  };
  const cap = caps[path];
  if (cap === undefined) throw new Error(`no cap known for ${path}`);
  return cap;
}

/** Every string field with its dotted path. */
function fields(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => fields(inner, path ? `${path}.${key}` : key));
}

const UTF8 = new TextEncoder();

describe('generic JSON payload', () => {
  it('is the documented payload type', () => {
    expectTypeOf(toJsonPayload).returns.toEqualTypeOf<OutgoingPayload>();
    expect(toJsonPayload(helpRequest()) satisfies GenericJsonPayload).toEqual(helpRequest());
  });

  it('sends help requests and gap flags, with or without mentors, as they are', () => {
    const payloads: OutgoingPayload[] = [
      helpRequest(),
      helpRequest({ mentors: MENTORS.slack, message: HOSTILE_TEXT, teacher: { name: 'Sam' } }),
      gapFlag(),
      gapFlag({ mentors: MENTORS.teams, card: { id: 'c1', title: 'Rubrics', pack: 'canvas', version: 4 }, searches: [] }),
    ];
    for (const payload of payloads) {
      const body = toJsonPayload(payload);
      expect(body).toEqual(payload);
      expect(body).not.toBe(payload);
      // The teacher's words are data here, untouched: the receiver renders them.
      expect(JSON.parse(JSON.stringify(body))).toEqual(payload);
    }
    expect(toJsonPayload(helpRequest({ message: HOSTILE_TEXT }))).toMatchObject({ message: HOSTILE_TEXT });
  });

  it('sends only documented fields, type first', () => {
    const payload = { ...gapFlag(), debug: { pageText: 'secret' } } as GapFlagPayload;
    (payload.teacher as { name: string; email?: string }).email = 'maya@example.org';
    (payload.mentors as { name: string; phone?: string }[]).push({ name: 'Ana', phone: '555' });
    const body = toJsonPayload(payload);
    expect(JSON.stringify(body)).not.toMatch(/secret|maya@example|555/);
    expect(Object.keys(body)).toEqual(['type', 'id', 'createdAt', 'teacher', 'tool', 'page', 'mentors', 'kind', 'note', 'searches']);
    expect(Object.keys(toJsonPayload(helpRequest()))).toEqual([
      'type',
      'id',
      'createdAt',
      'teacher',
      'tool',
      'page',
      'mentors',
      'message',
      'urgency',
    ]);
  });

  it('cuts every field to its documented length and keeps the body under the budget', async () => {
    const worst = ['€'.repeat(10_000), '"\\'.repeat(5_000), WORST_CASE_TEXT, ALL_HOSTILE];
    for (const text of worst) {
      const mentors = manyMentors(135, () => text);
      const payloads = hostilePayloads(text, mentors).map((payload) => ({ ...payload, id: text, createdAt: text }));
      for (const payload of payloads as OutgoingPayload[]) {
        const request = await buildRequest('json', payload, { secret: 's' });
        expect(UTF8.encode(request.body).length).toBeLessThanOrEqual(JSON_BODY_BUDGET);
        const body = JSON.parse(request.body) as PagePayload;
        for (const [path, value] of fields(body)) {
          if (path === 'type' || path === 'urgency' || path === 'kind') continue;
          expect(value.length, path).toBeLessThanOrEqual(capOf(path));
          expect(value.endsWith('…'), path).toBe(true);
        }
        expect(body.mentors).toHaveLength(JSON_LIMITS.mentors);
        if (body.type === 'gap-flag') expect(body.searches).toHaveLength(JSON_LIMITS.searches);
        // The header and the body name the same request, even when the id had to be cut.
        expect(request.headers['Idempotency-Key']).toBe(body.id);
      }
    }
  });

  it('keeps the documented field names whatever the input', () => {
    for (const token of HOSTILE_TOKENS) {
      const [help, gap] = hostilePayloads(token, [{ name: token, handle: token }]) as [HelpRequestPayload, GapFlagPayload];
      expect(Object.keys(toJsonPayload(help))).toEqual(Object.keys(toJsonPayload(helpRequest())));
      expect(Object.keys(toJsonPayload(gap))).toEqual([...Object.keys(toJsonPayload(gapFlag())).slice(0, -1), 'card', 'searches']);
      expect(UTF8.encode(JSON.stringify(toJsonPayload(gap))).length).toBeLessThanOrEqual(JSON_BODY_BUDGET);
    }
  });

  it('takes out bidi marks, line separators, controls and broken surrogates, and nothing else', () => {
    const body = toJsonPayload(
      helpRequest({
        teacher: { name: 'Ma\u202Eya\u200E \u2066Lopez\u2069', school: 'Lin\u061Ccoln\u200F' },
        tool: { id: 'near\u202Dpod', name: 'Near\u2028pod' },
        page: { context: 're\u202Aports', name: 'Re\u202Bports\u202C', url: '/a\u2029b' },
        mentors: [{ name: 'Ana\u2067 Ruiz\u2068', handle: 'U01\u202EANA' }],
        message: 'one\u2028two\u2029three\r\nfour\u001B[31m red\tend \uD800x *kept* <kept> @everyone',
      }),
    ) as HelpRequestPayload;
    expect(body.teacher).toEqual({ name: 'Maya Lopez', school: 'Lincoln' });
    expect(body.tool).toEqual({ id: 'nearpod', name: 'Near\npod' });
    expect(body.page).toEqual({ context: 'reports', name: 'Reports', url: '/a\nb' });
    expect(body.mentors).toEqual([{ name: 'Ana Ruiz', handle: 'U01ANA' }]);
    // Words stay as typed (the receiver renders them), apart from what breaks lines or reorders them.
    expect(body.message).toBe('one\ntwo\nthree\nfour[31m red\tend \uFFFDx *kept* <kept> @everyone');
    for (const text of allStrings(body)) expect(text).not.toMatch(ANY_LAYOUT_MARK);
  });

  it('is documented in the README with the caps it applies', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### The generic JSON payload'), readme.indexOf('## Privacy'));
    const caps = section.split('\n').find((line) => line.startsWith('Caps:')) ?? '';
    for (const value of [
      JSON_LIMITS.name,
      JSON_LIMITS.url,
      JSON_LIMITS.words,
      JSON_LIMITS.mentors,
      JSON_LIMITS.searches,
      JSON_LIMITS.search,
    ]) {
      expect(caps).toContain(String(value));
    }
    expect(caps).toContain(`${JSON_BODY_BUDGET / 1024} KB`);
  });
});
