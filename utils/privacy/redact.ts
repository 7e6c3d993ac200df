import { TOOLS } from '../tools/catalog';
import { contextMatches, normalizeHost, pageParts, splitPath, toolOwnsHost } from '../tools/match';

/**
 * What may leave the device about the page a teacher is on. By default only the origin and
 * the path's shape: every id-like segment becomes ":id", and there is no query, no hash, no
 * user name and no e-mail address. The full URL is sent only when the teacher ticks the box
 * for that one message, and the preview shows it.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
  const raw = parsed.pathname.split('/');
  const idPositions = catalogueIdPositions(parsed);
  let segmentIndex = -1;
  const redacted = raw.map((segment) => {
    if (segment === '') return segment;
    segmentIndex++;
    return idPositions.has(segmentIndex) || looksLikeId(segment) ? ':id' : segment;
  });
  // Origin never carries user:password; host is lower-cased by URL.
  return `${parsed.protocol}//${parsed.host}${redacted.join('/')}`;
}

/** Segments a catalogue pattern marks ":id" for this page (Padlet's user name, Canvas' slugs…). */
function catalogueIdPositions(url: URL): Set<number> {
  const positions = new Set<number>();
  const host = normalizeHost(url.hostname);
  const segments = splitPath(url.pathname);
  const tool = TOOLS.find((candidate) => toolOwnsHost(candidate, host, segments));
  if (!tool || tool.accountPrefix) {
    // Google's /u/N/ prefix shifts positions; its ids are caught by looksLikeId.
    return positions;
  }
  const parts = pageParts(url, tool);
  for (const context of tool.contexts) {
    const match = context.match.find((candidate) => candidate.path !== undefined && contextMatches(candidate, parts));
    if (!match?.path) continue;
    splitPath(match.path).forEach((part, index) => {
      if (part === ':id') positions.add(index);
    });
    break;
  }
  return positions;
}

const EMAIL_OR_HANDLE = /@|^~/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{8,}$/i;

/** Numbers, UUIDs, hashes, encoded ids, e-mail addresses and anything mixing letters and digits. */
function looksLikeId(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Keep the raw segment.
  }
  if (EMAIL_OR_HANDLE.test(decoded)) return true;
  if (/^\d+$/.test(decoded)) return true;
  if (UUID.test(decoded) || (HEX.test(decoded) && /\d/.test(decoded))) return true;
  const hasDigit = /\d/.test(decoded);
  const hasLetter = /[a-z]/i.test(decoded);
  if (hasDigit && hasLetter && decoded.length >= 5) return true;
  // Long opaque tokens (base64-style ids) even without digits.
  if (decoded.length >= 16 && /^[A-Za-z0-9_-]+$/.test(decoded) && /[A-Z]/.test(decoded) && /[a-z]/.test(decoded)) return true;
  return false;
}

/**
 * The page reference a ping or flag carries: redactUrl by default; the full address only when
 * the teacher chose it for that one message, and even then without any user name or password.
 */
export function pageUrlToSend(url: string, includeFullUrl: boolean): string {
  if (!includeFullUrl) return redactUrl(url);
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return '';
  }
}
