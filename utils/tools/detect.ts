import { TOOLS } from './catalog';
import { matchContext, pageParts, signatureMatches, toolOwnsHost, normalizeHost, splitPath } from './match';
import type { Detection } from './types';

export type { Detection } from './types';

/**
 * Which tool, and which part of it, a page is. The URL decides for hosted tools; `doc` is read
 * only when no catalogue host matches, to recognise self-hosted installs (Canvas, Moodle,
 * Brightspace, Blackboard, …) on a school's own domain by their page structure.
 */
export function detect(url: string, doc?: Document): Detection | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;

  const host = normalizeHost(parsed.hostname);
  const segments = splitPath(parsed.pathname);
  for (const tool of TOOLS) {
    if (toolOwnsHost(tool, host, segments)) {
      return { tool: tool.id, context: matchContext(tool, pageParts(parsed, tool)) };
    }
  }

  if (!doc) return null;
  for (const tool of TOOLS) {
    if (tool.signatures && signatureMatches(tool.signatures, doc)) {
      return { tool: tool.id, context: matchContext(tool, pageParts(parsed, tool)) };
    }
  }
  return null;
}
