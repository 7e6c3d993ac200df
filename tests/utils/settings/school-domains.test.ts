import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  domainEntries,
  domainScriptId,
  isDomainListLocked,
  patternCoversDomain,
  planRegistrations,
  validateDomain,
} from '../../../utils/settings/school-domains';

describe('validateDomain', () => {
  it.each([
    ['lms.district.org', 'lms.district.org'],
    ['  Moodle.District.ORG  ', 'moodle.district.org'],
    ['canvas.school.k12.ca.us.', 'canvas.school.k12.ca.us'],
    ['d2l-prod.escuela.edu.mx', 'd2l-prod.escuela.edu.mx'],
    // Non-ASCII names become the punycode the browser uses in match patterns.
    ['aula.colegioñandú.es', domainToASCII('aula.colegioñandú.es')],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateDomain(input)).toEqual({ ok: true, domain: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://lms.district.org', 'scheme'],
    ['http://lms.district.org/', 'scheme'],
    ['lms.district.org/login', 'path'],
    ['lms.district.org?x=1', 'path'],
    ['lms.district.org#top', 'path'],
    ['*.district.org', 'wildcard'],
    ['lms.*.org', 'wildcard'],
    ['https://*.district.org/*', 'scheme'],
    ['lms.district.org:8443', 'port'],
    ['teacher@lms.district.org', 'credentials'],
    ['lms district.org', 'invalid'],
    ['lms..district.org', 'invalid'],
    ['-lms.district.org', 'invalid'],
    ['lms_1.district.org', 'invalid'],
    ['192.168.1.20', 'invalid'],
    ['moodle', 'no-dot'],
  ])('rejects %j (%s)', (input, error) => {
    expect(validateDomain(input)).toEqual({ ok: false, error });
  });

  it('rejects a label longer than 63 characters', () => {
    expect(validateDomain(`${'a'.repeat(64)}.org`)).toEqual({ ok: false, error: 'invalid' });
    expect(validateDomain(`${'a'.repeat(63)}.org`).ok).toBe(true);
  });
});

describe('domainEntries', () => {
  it('lists the school’s domains first, then the teacher’s, without duplicates or invalid ones', () => {
    const entries = domainEntries(
      { selfHostedDomains: ['mine.school.org', 'LMS.district.org', 'https://bad.example'] },
      { selfHostedDomains: ['lms.district.org', 'moodle.district.org'] },
    );
    expect(entries).toEqual([
      { domain: 'lms.district.org', source: 'school' },
      { domain: 'moodle.district.org', source: 'school' },
      { domain: 'mine.school.org', source: 'teacher' },
    ]);
  });

  it('ignores the teacher’s domains when the school locks the list', () => {
    const policy = { selfHostedDomains: ['lms.district.org'], lockedSettings: ['selfHostedDomains'] };
    expect(isDomainListLocked(policy)).toBe(true);
    expect(domainEntries({ selfHostedDomains: ['mine.school.org'] }, policy)).toEqual([{ domain: 'lms.district.org', source: 'school' }]);
    expect(isDomainListLocked({ selfHostedDomains: [], lockedSettings: ['*'] })).toBe(true);
    // "*" locks only what the policy sets.
    expect(isDomainListLocked({ schoolName: 'Lincoln', lockedSettings: ['*'] })).toBe(false);
  });
});

describe('patternCoversDomain', () => {
  it.each([
    ['https://*.instructure.com/*', 'district.instructure.com', true],
    ['https://*.instructure.com/*', 'instructure.com', true],
    ['https://*.instructure.com/*', 'canvas.district.org', false],
    ['https://*.instructure.com/*', 'evilinstructure.com', false],
    ['https://lms.district.org/*', 'lms.district.org', true],
    // Only part of the site: the domain still needs its own registration.
    ['https://clever.com/in*', 'clever.com', false],
    ['<all_urls>', 'lms.district.org', true],
    ['http://lms.district.org/*', 'lms.district.org', false],
  ])('%s covers %s: %s', (pattern, domain, expected) => {
    expect(patternCoversDomain(pattern, domain)).toBe(expected);
  });
});

describe('planRegistrations', () => {
  const statics = ['https://*.instructure.com/*', 'https://*.moodlecloud.com/*'];

  it('registers each granted domain not yet registered, and only those', () => {
    const plan = planRegistrations({
      domains: ['lms.district.org', 'moodle.district.org', 'new.district.org'],
      granted: new Set(['lms.district.org', 'new.district.org']),
      staticMatches: statics,
      registeredIds: [domainScriptId('lms.district.org'), 'someone-else'],
    });
    expect(plan).toEqual({ register: ['new.district.org'], unregister: [], revoke: [] });
  });

  it('unregisters a domain whose permission was removed but keeps it listed (no revoke)', () => {
    const plan = planRegistrations({
      domains: ['lms.district.org'],
      granted: new Set(),
      staticMatches: statics,
      registeredIds: [domainScriptId('lms.district.org')],
    });
    expect(plan).toEqual({ register: [], unregister: [domainScriptId('lms.district.org')], revoke: [] });
  });

  it('unregisters and revokes a domain that left the list', () => {
    const plan = planRegistrations({
      domains: ['lms.district.org'],
      granted: new Set(['lms.district.org']),
      staticMatches: statics,
      registeredIds: [domainScriptId('lms.district.org'), domainScriptId('old.district.org')],
    });
    expect(plan).toEqual({ register: [], unregister: [domainScriptId('old.district.org')], revoke: ['old.district.org'] });
  });

  it('never registers a domain the manifest already covers (the script would run twice)', () => {
    const plan = planRegistrations({
      domains: ['district.instructure.com'],
      granted: new Set(['district.instructure.com']),
      staticMatches: statics,
      registeredIds: [domainScriptId('district.instructure.com')],
    });
    expect(plan).toEqual({ register: [], unregister: [domainScriptId('district.instructure.com')], revoke: [] });
  });

  it('leaves scripts that are not ours alone', () => {
    const plan = planRegistrations({
      domains: [],
      granted: new Set(),
      staticMatches: [],
      registeredIds: ['highlighter', 'custom-domainx'],
    });
    expect(plan).toEqual({ register: [], unregister: [], revoke: [] });
  });
});
