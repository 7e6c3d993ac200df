import { browser } from 'wxt/browser';

/**
 * Optional host permissions, asked for one origin at a time: the endpoint, the Hub, each pack
 * URL's site and each school domain. The patterns are as narrow as the browser allows, and a
 * missing or failing permissions API means "not granted", never an error: delivery and sync
 * then work only where the server allows cross-origin requests.
 */

/**
 * The pattern for exactly one address's origin, or null when it is not http(s). Firefox's
 * match patterns cannot carry a port (there the pattern covers every port of that host).
 */
export function originPattern(url: string, options: { portInPattern: boolean }): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    const host = options.portInPattern ? parsed.host : parsed.hostname;
    return `${parsed.protocol}//${host}/*`;
  } catch {
    return null;
  }
}

/** A school domain's pattern: https only, the whole site, nothing wider. Also the content script's match. */
export function domainPattern(domain: string): string {
  return `https://${domain}/*`;
}

/** Whether every pattern is granted already. */
export async function hasOrigins(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/**
 * Asks for the patterns. Call it inside the click, before any await: browsers show the prompt
 * only during a user gesture. A refused, failed or unsupported request all resolve to false.
 */
export function requestOrigins(origins: string[]): Promise<boolean> {
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives the patterns back. One the manifest requires cannot be removed, which is fine: nothing else to undo. */
export async function removeOrigins(origins: string[]): Promise<void> {
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // Required by the manifest, or the API is missing.
  }
}

/**
 * Asks for read access to the site of a file Coachmark keeps in sync (a pack, the mentor
 * directory), so that the background can fetch it whatever the server's CORS headers say: every
 * port of the host, as Firefox's patterns would anyway. Needs the click's user gesture; a
 * refusal is not fatal (a server that allows cross-origin reads still syncs).
 */
export async function requestReadAccess(url: string): Promise<void> {
  const pattern = originPattern(url, { portInPattern: false });
  if (pattern && !(await hasOrigins([pattern]))) await requestOrigins([pattern]);
}

/** Calls `listener` whenever a permission is granted or removed; returns the unsubscribe. */
export function watchPermissions(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
