import type { Policy, Settings } from './settings';

/**
 * School domains: host names where a district runs its own Canvas, Moodle, Brightspace,
 * Blackboard, … (self-hosted installs). Each needs the optional host permission for exactly
 * `https://<domain>/*` (domainPattern in utils/platform/permissions.ts) and a dynamically
 * registered content script, which then recognises the tool by its page signature. Pure logic
 * here; the browser side is school-domains.background.ts and components/studio/DomainsTab.tsx.
 */

export type DomainError = 'empty' | 'scheme' | 'path' | 'wildcard' | 'port' | 'credentials' | 'invalid' | 'no-dot';

export type DomainCheck = { ok: true; domain: string } | { ok: false; error: DomainError };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A bare host name such as `lms.district.org`: no scheme, path, port or wildcard. Upper case and
 * a trailing dot are tidied; non-ASCII names become their punycode form, which is what match
 * patterns and the permission prompt use.
 */
export function validateDomain(input: string): DomainCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  // Checked in this order so that the message names the first thing a teacher pasted by mistake.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { ok: false, error: 'scheme' };
  if (text.includes('*')) return { ok: false, error: 'wildcard' };
  if (/[/?#\\]/.test(text)) return { ok: false, error: 'path' };
  if (text.includes('@')) return { ok: false, error: 'credentials' };
  if (text.includes(':')) return { ok: false, error: 'port' };
  if (/\s/.test(text)) return { ok: false, error: 'invalid' };
  let host: string;
  try {
    host = new URL(`https://${text}/`).hostname;
  } catch {
    return { ok: false, error: 'invalid' };
  }
  host = host.replace(/\.$/, '');
  if (host.length > 253 || /^\d+(\.\d+){3}$/.test(host)) return { ok: false, error: 'invalid' };
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, error: 'invalid' };
  // A single word ("moodle") is far more often a typo than an intranet name.
  if (labels.length < 2) return { ok: false, error: 'no-dot' };
  return { ok: true, domain: host };
}

const SCRIPT_PREFIX = 'custom-domain:';

export function domainScriptId(domain: string): string {
  return `${SCRIPT_PREFIX}${domain}`;
}

/** The domain of one of our registered script ids, or null for any other script. */
function domainOfScriptId(id: string): string | null {
  return id.startsWith(SCRIPT_PREFIX) ? id.slice(SCRIPT_PREFIX.length) : null;
}

export type DomainSource = 'school' | 'teacher';

export interface DomainEntry {
  domain: string;
  source: DomainSource;
}

/**
 * The school's domains (policy) and the teacher's own, merged. Unlike other settings, a
 * teacher's list adds to the school's instead of replacing it, so a domain IT adds later still
 * arrives. When policy locks selfHostedDomains, only the school's list counts.
 */
export function domainEntries(user: Partial<Settings>, policy: Policy): DomainEntry[] {
  const entries: DomainEntry[] = [];
  const seen = new Set<string>();
  const add = (raw: string, source: DomainSource) => {
    const check = validateDomain(raw);
    if (!check.ok || seen.has(check.domain)) return;
    seen.add(check.domain);
    entries.push({ domain: check.domain, source });
  };
  for (const domain of policy.selfHostedDomains ?? []) add(domain, 'school');
  if (!isDomainListLocked(policy)) for (const domain of user.selfHostedDomains ?? []) add(domain, 'teacher');
  return entries;
}

export function isDomainListLocked(policy: Policy): boolean {
  const locked = policy.lockedSettings ?? [];
  return policy.selfHostedDomains !== undefined && (locked.includes('*') || locked.includes('selfHostedDomains'));
}

/**
 * Whether a manifest content-script match pattern already covers a whole domain (a catalogue
 * host such as `https://*.instructure.com/*`): registering a second script there would run the
 * content script twice.
 */
export function patternCoversDomain(pattern: string, domain: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!match || match[3] !== '/*') return false;
  const host = match[2]!;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return domain === base || domain.endsWith(`.${base}`);
  }
  return host === domain;
}

export interface RegistrationInput {
  /** Every listed domain (school and teacher). */
  domains: readonly string[];
  /** Listed domains whose `https://<domain>/*` permission is granted. */
  granted: ReadonlySet<string>;
  /** The manifest's own content-script match patterns. */
  staticMatches: readonly string[];
  /** Ids of the dynamic content scripts registered now (ours and any others). */
  registeredIds: readonly string[];
}

export interface RegistrationPlan {
  /** Domains to register a content script for. */
  register: string[];
  /** Our script ids to unregister: domain no longer listed, permission gone, or now covered statically. */
  unregister: string[];
  /** Domains that left the list while registered: their permission goes too. */
  revoke: string[];
}

/** What to change so that registrations match the list and the granted permissions exactly. */
export function planRegistrations(input: RegistrationInput): RegistrationPlan {
  const listed = new Set(input.domains);
  const wanted = new Set(
    input.domains.filter(
      (domain) => input.granted.has(domain) && !input.staticMatches.some((pattern) => patternCoversDomain(pattern, domain)),
    ),
  );
  const registered = new Set<string>();
  const unregister: string[] = [];
  const revoke: string[] = [];
  for (const id of input.registeredIds) {
    const domain = domainOfScriptId(id);
    if (domain === null) continue;
    registered.add(domain);
    if (!wanted.has(domain)) unregister.push(id);
    if (!listed.has(domain)) revoke.push(domain);
  }
  const register = [...wanted].filter((domain) => !registered.has(domain));
  return { register, unregister, revoke };
}
