/**
 * The address rule for everything Coachmark posts to or keeps in sync (endpoints, pack and
 * directory URLs): https, or plain http only to this machine, so a local test server works and
 * nothing crosses the network unencrypted. No user name or password, which is how look-alike
 * addresses are dressed up and how secrets end up in logs.
 */

/** Host names that never leave this machine, as URL.hostname writes them. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The text as a URL, or null when it is not one. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** https anywhere, http only to a loopback host. */
function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * Why an address breaks the rule: 'not-https' is plain http to another machine, 'scheme' any
 * other scheme (ftp:, javascript:, …). Callers word these for their own field.
 */
export type RemoteUrlProblem = 'empty' | 'invalid' | 'credentials' | 'not-https' | 'scheme';

export type RemoteUrlCheck = { ok: true; url: URL } | { ok: false; problem: RemoteUrlProblem; url?: URL };

/** Checks trimmed text against the rule; the parsed URL comes back for the caller's message or normal form. */
export function checkRemoteUrl(input: string): RemoteUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  const url = parseUrl(text);
  if (!url) return { ok: false, problem: 'invalid' };
  if (url.username || url.password) return { ok: false, problem: 'credentials', url };
  if (isHttpsOrLoopback(url)) return { ok: true, url };
  return { ok: false, problem: url.protocol === 'http:' ? 'not-https' : 'scheme', url };
}
