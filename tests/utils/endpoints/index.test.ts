import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  FORMAT_NAME_KEYS,
  formatBody,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  validateEndpointUrl,
} from '../../../utils/endpoints/index';
import { ENDPOINT_FORMATS, type EndpointFormat, type OutgoingPayload } from '../../../utils/endpoints/types';
import { t } from '../../../utils/platform/i18n';
import { MENTORS, allStrings, gapFlag, growthPlan, helpRequest } from '../../support/payloads';
import { ANY_LAYOUT_MARK, LAYOUT_MARKS, LINE_SEPARATORS, hostilePayloads, hostilePlan } from './hostile-input';

describe('buildRequest', () => {
  it('encodes the chosen format with Content-Type and an Idempotency-Key equal to the id', async () => {
    for (const format of ENDPOINT_FORMATS) {
      for (const payload of [helpRequest(), gapFlag(), growthPlan()] as OutgoingPayload[]) {
        const request = await buildRequest(format, payload);
        expect(request.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': payload.id });
        expect(JSON.parse(request.body)).toEqual(JSON.parse(JSON.stringify(formatBody(format, payload))));
      }
    }
    expect(JSON.parse((await buildRequest('json', helpRequest())).body)).toEqual(helpRequest());
    expect(JSON.parse((await buildRequest('json', growthPlan())).body)).toEqual(growthPlan());
    expect(JSON.parse((await buildRequest('slack', helpRequest())).body)).toHaveProperty('blocks');
    expect(JSON.parse((await buildRequest('discord', helpRequest())).body)).toHaveProperty('allowed_mentions');
    expect(JSON.parse((await buildRequest('google-chat', helpRequest())).body)).toHaveProperty('cardsV2');
    expect(JSON.parse((await buildRequest('teams', helpRequest())).body)).toHaveProperty('attachments');
  });

  it('signs the generic JSON body with HMAC-SHA256 over `${timestamp}.${body}`', async () => {
    const secret = 'district-shared-secret';
    const now = Date.UTC(2026, 10, 22, 14, 5, 30, 999);
    const request = await buildRequest('json', gapFlag({ mentors: MENTORS.slack }), { secret, now });
    const timestamp = request.headers[TIMESTAMP_HEADER]!;
    expect(timestamp).toBe(String(Math.floor(now / 1000)));
    const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex');
    expect(request.headers[SIGNATURE_HEADER]).toBe(`sha256=${expected}`);
    expect(request.headers[SIGNATURE_HEADER]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.headers['Idempotency-Key']).toBe(gapFlag().id);

    // A changed body, timestamp or secret no longer verifies.
    const tampered = request.body.replace('Maya', 'Mara');
    expect(createHmac('sha256', secret).update(`${timestamp}.${tampered}`).digest('hex')).not.toBe(expected);
    expect(
      createHmac('sha256', secret)
        .update(`${Number(timestamp) + 1}.${request.body}`)
        .digest('hex'),
    ).not.toBe(expected);
    expect(createHmac('sha256', 'other').update(`${timestamp}.${request.body}`).digest('hex')).not.toBe(expected);
  });

  it('uses the current time when none is given', async () => {
    const before = Math.floor(Date.now() / 1000);
    const request = await buildRequest('json', helpRequest(), { secret: 's' });
    const timestamp = Number(request.headers[TIMESTAMP_HEADER]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('signs nothing without a secret, and nothing but the generic JSON format', async () => {
    expect(Object.keys((await buildRequest('json', helpRequest(), { secret: '' })).headers)).toEqual(['Content-Type', 'Idempotency-Key']);
    for (const format of ENDPOINT_FORMATS.filter((f) => f !== 'json')) {
      const request = await buildRequest(format, helpRequest(), { secret: 'x' });
      expect(request.headers[SIGNATURE_HEADER]).toBeUndefined();
      expect(request.headers[TIMESTAMP_HEADER]).toBeUndefined();
    }
  });
});

describe('formats read the same everywhere', () => {
  const chatFormats: EndpointFormat[] = ['slack', 'teams', 'google-chat', 'discord'];
  /** Text as a person reads it: no escapes, no zero-width spaces. */
  function readable(format: EndpointFormat, payload: OutgoingPayload): string {
    return allStrings(formatBody(format, payload))
      .join('\n')
      .replace(/\u200B/g, '')
      .replace(/\\([^\w\s])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }

  it('shows title, teacher (school), page path, urgency, words and mentors in every chat format', () => {
    for (const format of chatFormats) {
      const text = readable(format, helpRequest({ mentors: MENTORS.slack }));
      for (const part of [
        'Help needed: Nearpod › Reports',
        'Maya Lopez (Lincoln Elementary)',
        '/reports/lessons/:id',
        'Today',
        'How do I export the session report for one class only?',
        'Cy Park',
      ]) {
        expect(text, `${format}: ${part}`).toContain(part);
      }
    }
  });

  it('shows a growth plan’s title, teacher, dates, goals, saved items, reflections and pings in every chat format', () => {
    for (const format of chatFormats) {
      const text = readable(format, growthPlan());
      for (const part of [
        'Growth plan: Maya Lopez',
        'Maya Lopez (Lincoln Elementary)',
        '2026-12-03',
        '2026-11-04',
        'Goal 1: Give rubric feedback in SpeedGrader within a week (Canvas, new to it) — Trying',
        'Goal 2: Feedback within a week (practice) — Not started',
        'Saved card “Leave rubric comments” (canvas-basics) — Try this with 5th period',
        'Reflection: Students liked seeing the rubric first.',
        'Pings sent: 2',
        'Nearpod (This week): How do I export the session report for one class only?',
      ]) {
        expect(text, `${format}: ${part}`).toContain(part);
      }
      expect(text, format).not.toContain('Mentors');
    }
  });

  it('titles gap flags "Gap flagged: tool › page — kind" in every chat format', () => {
    const kinds = {
      missing: 'no card',
      unhelpful: "card didn't help",
      outdated: 'card out of date',
      'search-found-nothing': 'search found nothing',
    } as const;
    for (const format of chatFormats) {
      for (const [kind, label] of Object.entries(kinds)) {
        const text = readable(format, gapFlag({ kind: kind as keyof typeof kinds }));
        expect(text).toContain(`Gap flagged: Canvas › SpeedGrader — ${label}`);
        expect(text).toContain('Nothing explains rubric comments.');
        expect(text).toContain('“rubric comment”, “speedgrader rubric”');
      }
    }
  });
});

describe('layout marks in what people typed', () => {
  const handles: Record<EndpointFormat, string> = {
    slack: 'U01ANARUIZ',
    teams: 'ana.ruiz@lincoln.example.org',
    'google-chat': 'users/111111111111111111111',
    discord: '123456789012345678',
    json: 'ana.ruiz',
  };

  it('reach no format, in any field, with a mentor handle or without', async () => {
    for (const format of ENDPOINT_FORMATS) {
      for (const mark of [...LAYOUT_MARKS, ...LINE_SEPARATORS]) {
        const text = `Ma${mark}ya${mark} Lo${mark}pez`;
        const mentors = [{ name: text, handle: handles[format] }, { name: text, handle: `${handles[format]}${mark}` }, { name: text }];
        for (const payload of [...hostilePayloads(text, mentors), hostilePlan(text)]) {
          for (const value of allStrings(formatBody(format, payload))) {
            expect(value, `${format} ${escape(mark)}`).not.toMatch(ANY_LAYOUT_MARK);
          }
          expect((await buildRequest(format, payload)).body, format).not.toMatch(ANY_LAYOUT_MARK);
        }
      }
    }
  });

  it('leave the words on their own lines, and names on one line, in every chat format', () => {
    const payload = helpRequest({ teacher: { name: 'Ma\u202Eya\u2028Lopez' }, message: 'one\u2028two\u2029three' });
    const slack = formatBody('slack', payload);
    expect(JSON.stringify(slack.blocks)).toContain('{"type":"text","text":"Maya Lopez"}');
    expect(JSON.stringify(slack.blocks)).toContain('{"type":"rich_text_quote","elements":[{"type":"text","text":"one\\ntwo\\nthree"}]}');
    const discord = formatBody('discord', payload).content!.split('\n');
    expect(discord).toContain('**Teacher:** Maya Lopez');
    expect(discord.join('\n')).toContain('**Message:**\n> one\n> two\n> three');
    const chat = formatBody('google-chat', payload).cardsV2![0]!.card!;
    expect(chat.header!.subtitle).toBe('Maya Lopez');
    expect(chat.sections![1]!.widgets![0]!.textParagraph!.text).toBe('one<br>two<br>three');
    const teams = formatBody('teams', payload).attachments[0].content.body!;
    expect((teams[1] as { facts: unknown[] }).facts[0]).toEqual({ title: 'Teacher', value: 'Maya Lopez' });
    expect(teams[3]).toMatchObject({ text: 'one\n\ntwo\n\nthree' });
    expect(formatBody('json', payload)).toMatchObject({ teacher: { name: 'Maya\nLopez' }, message: 'one\ntwo\nthree' });
  });
});

describe('FORMAT_NAME_KEYS', () => {
  it('names every format in the UI language', () => {
    expect(Object.fromEntries(ENDPOINT_FORMATS.map((f) => [f, t(FORMAT_NAME_KEYS[f])]))).toEqual({
      slack: 'Slack incoming webhook',
      teams: 'Microsoft Teams Workflows webhook',
      'google-chat': 'Google Chat webhook',
      discord: 'Discord webhook',
      json: 'Generic JSON',
    });
  });
});

describe('validateEndpointUrl', () => {
  it.each([
    'https://hooks.slack.com/services/T000/B000/XXXX',
    'https://discord.com/api/webhooks/123/abc',
    'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t',
    'https://prod-00.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01',
    'https://coach.district.example.org/coachmark',
    '  https://coach.district.example.org/hook  ',
    'http://localhost:8787/hook',
    'http://127.0.0.1:3000/',
    'http://[::1]:9000/hook',
  ])('accepts %s', (url) => {
    expect(validateEndpointUrl(url)).toEqual({ ok: true });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['hooks.slack.com/services/T000', /not a valid URL/],
    ['not a url', /not a valid URL/],
    ['http://coach.district.example.org/hook', /http:\/\/ for coach\.district\.example\.org; use https:\/\//],
    ['http://10.0.0.5/hook', /http:\/\/ for 10\.0\.0\.5/],
    ['ftp://files.example.org/hook', /uses ftp; use https:\/\//],
    ['javascript:alert(1)', /uses javascript; use https:\/\//],
    ['file:///etc/passwd', /uses file/],
    ['https://user:pass@coach.example.org/hook', /user name or password/],
  ])('rejects %j, saying what is wrong', (url, message) => {
    const result = validateEndpointUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
