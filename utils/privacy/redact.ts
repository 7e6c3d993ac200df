import { routeWordsForUrl } from './route-words';

/**
 * What may leave the device about the page a teacher is on. By default only the origin and
 * the path's shape: a segment is kept only when the catalogue knows it as a route word of the
 * tool that owns the host (courses, gradebook, speed_grader, …); every other segment becomes
 * ":id", whatever it looks like, because a page slug, a folder or a login id can be a student's
 * name. No query, no hash, no user name or password. The full URL is sent only when the teacher
 * ticks the box for that one message, and the preview shows it. `detectedTool` is the tool
 * the page was recognised as (a school's own Canvas by its markup): on a host no catalogue tool
 * owns, that tool's route words are kept, which are the same words on every install.
 */
export function redactUrl(url: string, detectedTool?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
  const routeWords = routeWordsForUrl(parsed, detectedTool);
  // Compared as written (URL has already percent-encoded anything unusual), so an encoded
  // spelling of a route word is not a route word and goes as ":id".
  const redacted = parsed.pathname.split('/').map((segment) => (segment === '' || routeWords.has(segment.toLowerCase()) ? segment : ':id'));
  // Origin never carries user:password; host is lower-cased by URL.
  return `${parsed.protocol}//${parsed.host}${redacted.join('/')}`;
}

/**
 * The page reference a ping or flag carries: redactUrl by default; the full address only when
 * the teacher chose it for that one message, and even then without any user name or password.
 */
export function pageUrlToSend(url: string, includeFullUrl: boolean, detectedTool?: string): string {
  if (!includeFullUrl) return redactUrl(url, detectedTool);
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
