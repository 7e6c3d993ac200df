import { TOOLS, toolById } from './catalog';
import { matchContext, pageParts, toolOwnsHost, normalizeHost, splitPath } from './match';
import { signatureTool } from './signature';
import type { Detection } from './types';

export type { Detection } from './types';

/**
 * Which tool, and which part of it, a page is. The URL decides for hosted tools; `doc` is read
 * only when no catalogue host matches, to recognise self-hosted installs (Canvas, Moodle,
 * Brightspace, Blackboard, …) on a school's own domain by their page structure.
 */
export function detect(url: string, doc?: Document): Detection | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  const fromUrl = detectFromUrl(parsed);
  if (fromUrl || !doc) return fromUrl;
  return detectAs(signatureTool(doc), parsed);
}

/**
 * The background's half of detect(): the content script reports the URL and which tool the
 * page's structure showed (it carries only the signatures, to stay small).
 */
export function detectReported(url: string, signature: string | null): Detection | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  return detectFromUrl(parsed) ?? detectAs(signature, parsed);
}

function parseWebUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

function detectFromUrl(url: URL): Detection | null {
  const host = normalizeHost(url.hostname);
  const segments = splitPath(url.pathname);
  for (const tool of TOOLS) {
    if (toolOwnsHost(tool, host, segments)) {
      return { tool: tool.id, context: matchContext(tool, pageParts(url, tool)) };
    }
  }
  return null;
}

function detectAs(toolId: string | null, url: URL): Detection | null {
  const tool = toolId ? toolById(toolId) : undefined;
  if (!tool) return null;
  // A vendor's own excluded site (moodle.org runs Moodle) is never taken for a school's install.
  if (tool.excludeHosts?.includes(normalizeHost(url.hostname))) return null;
  return { tool: tool.id, context: matchContext(tool, pageParts(url, tool)) };
}
