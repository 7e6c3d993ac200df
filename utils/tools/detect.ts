import { TOOLS, toolById } from './catalog';
import { contextMatches, matchContext, pageParts, toolOwnsHost, normalizeHost, splitPath, type PageParts } from './match';
import { signatureTool } from './signature';
import type { Detection, ToolDef } from './types';

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
      const parts = pageParts(url, tool);
      // The tool's domain, but not its app (API docs, a file service, a marketing page): nothing.
      return isLookAlike(tool, parts) ? null : { tool: tool.id, context: matchContext(tool, parts) };
    }
  }
  return null;
}

function isLookAlike(tool: ToolDef, parts: PageParts): boolean {
  return tool.lookAlikes?.some((match) => contextMatches(match, parts)) ?? false;
}

/** Most installs sit at the site's root; some under a folder (/moodle/course/view.php). */
const MAX_INSTALL_FOLDER_DEPTH = 2;

/**
 * The context of a self-hosted page. For tools installed under sub-folders, the leading
 * segments are set aside one at a time until a context matches: the root wins when it matches.
 */
function selfHostedContext(tool: ToolDef, parts: PageParts): string | null {
  const found = matchContext(tool, parts);
  if (found || !tool.subfolderInstalls) return found;
  const depth = Math.min(MAX_INSTALL_FOLDER_DEPTH, parts.segments.length - 1);
  for (let skip = 1; skip <= depth; skip++) {
    const context = matchContext(tool, { ...parts, segments: parts.segments.slice(skip) });
    if (context) return context;
  }
  return null;
}

function detectAs(toolId: string | null, url: URL): Detection | null {
  const tool = toolId ? toolById(toolId) : undefined;
  if (!tool) return null;
  // A vendor's own excluded site (moodle.org runs Moodle) is never taken for a school's install.
  if (tool.excludeHosts?.includes(normalizeHost(url.hostname))) return null;
  const parts = pageParts(url, tool);
  if (isLookAlike(tool, parts)) return null;
  return { tool: tool.id, context: selfHostedContext(tool, parts) };
}
