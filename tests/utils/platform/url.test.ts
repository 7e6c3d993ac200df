// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkRemoteUrl, parseUrl } from '../../../utils/platform/url';

describe('the loopback exception', () => {
  it.each([
    ['https://hooks.slack.com/services/T0', true],
    ['http://localhost:8787/hook', true],
    ['http://LOCALHOST:3000/', true],
    ['http://127.0.0.1/', true],
    ['http://[::1]:9000/', true],
    ['http://localhost.example.org/', false],
    ['http://127.0.0.2/', false],
    ['http://coach.district.example.org/', false],
    ['http://10.0.0.5/', false],
    ['ftp://localhost/', false],
    ['file:///etc/passwd', false],
  ])('%s → allowed: %s', (url, allowed) => {
    expect(checkRemoteUrl(url).ok).toBe(allowed);
  });
});

describe('checkRemoteUrl', () => {
  it('accepts https anywhere and http to this machine, trimmed and parsed', () => {
    const check = checkRemoteUrl('  https://packs.district.example/canvas.json#top  ');
    expect(check.ok && check.url.href).toBe('https://packs.district.example/canvas.json#top');
    expect(checkRemoteUrl('http://localhost:8787/v1/packs/x').ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['packs.district.example/canvas.json', 'invalid'],
    ['not a url', 'invalid'],
    ['https://user:secret@packs.district.example/', 'credentials'],
    ['http://user@localhost/', 'credentials'],
    ['http://packs.district.example/canvas.json', 'not-https'],
    ['ftp://packs.district.example/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
  ])('refuses %j as %s', (input, problem) => {
    expect(checkRemoteUrl(input)).toMatchObject({ ok: false, problem });
  });

  it('hands back the parsed address so a message can name its host or scheme', () => {
    expect(checkRemoteUrl('http://10.0.0.5/hook')).toMatchObject({ ok: false, problem: 'not-https', url: { hostname: '10.0.0.5' } });
    expect(checkRemoteUrl('ftp://files.example.org/')).toMatchObject({ ok: false, problem: 'scheme', url: { protocol: 'ftp:' } });
  });
});

describe('parseUrl', () => {
  it('parses or gives null, never throws', () => {
    expect(parseUrl('https://example.org/a')?.pathname).toBe('/a');
    expect(parseUrl('nope')).toBeNull();
  });
});
