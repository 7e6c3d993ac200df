import { checkRemoteUrl } from '../platform/url';

/**
 * The Hub's addresses, from the one the coach typed: the same rule as every other address
 * Coachmark sends to (https, or http on localhost), no trailing slash, so that the endpoint,
 * the mentor directory and pack addresses built from it compare equal to what settings hold.
 */

/** The Hub's normal address, or null when it is not one Coachmark may call. */
export function hubAddress(input: string): string | null {
  const check = checkRemoteUrl(input);
  if (!check.ok) return null;
  const url = new URL(check.url.href);
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

/** Where teachers' pings and flags go when the Hub is the school's endpoint (generic JSON). */
export function hubEventsUrl(hub: string): string {
  return `${hub}/v1/events`;
}

/** The mentor directory of approved volunteers the extension syncs. */
export function hubMentorsUrl(hub: string): string {
  return `${hub}/v1/mentors`;
}

/** The address teachers subscribe to for a published pack. */
export function hubPackUrl(hub: string, packId: string): string {
  return `${hub}/v1/packs/${encodeURIComponent(packId)}`;
}

/** The Hub to use now: its address and the coach token, or null when either is missing or the address is bad. */
export function hubConnection(values: { hubUrl: string; hubToken: string }): { url: string; token: string } | null {
  const url = hubAddress(values.hubUrl);
  const token = values.hubToken.trim();
  return url && token ? { url, token } : null;
}
