import type { ToolDef } from './types';

/**
 * The content script's match patterns, derived from the catalogue so the two never drift.
 * Chrome's "*.example.com" also matches the bare domain; detect() then says null there.
 */
export function contentMatchPatterns(tools: readonly ToolDef[]): string[] {
  const patterns = new Set<string>();
  for (const tool of tools) {
    for (const host of tool.hosts) {
      const slash = host.indexOf('/');
      const hostPart = slash === -1 ? host : host.slice(0, slash);
      const path = slash === -1 ? '/*' : `${host.slice(slash)}*`;
      patterns.add(`https://${hostPart}${path}`);
      // Google's multi-account prefix comes before the path prefix: /u/1/document/…
      if (tool.accountPrefix && slash !== -1) patterns.add(`https://${hostPart}/u/*${path}`);
    }
  }
  return [...patterns].sort();
}
