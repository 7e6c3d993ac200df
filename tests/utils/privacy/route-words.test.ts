import { describe, expect, it } from 'vitest';
import { routeWordsForUrl, routeWordsOf } from '../../../utils/privacy/route-words';
import { TOOLS } from '../../../utils/tools/catalog';
import { splitPath } from '../../../utils/tools/match';
import type { ToolDef, ToolExample } from '../../../utils/tools/types';

interface CatalogModule {
  tool: ToolDef;
  examples: ToolExample[];
}

const modules = import.meta.glob<CatalogModule>('../../../utils/tools/catalog/*.ts', { eager: true });
const entries = Object.values(modules).filter((module) => module.tool !== undefined);

describe('route words', () => {
  it('reads every catalogue file', () => {
    expect(entries.map(({ tool }) => tool.id).sort()).toEqual(TOOLS.map((tool) => tool.id).sort());
  });

  it('are plain path segments, neither a pattern nor a percent-encoded spelling', () => {
    for (const { tool } of entries) {
      for (const word of tool.routeWords ?? []) {
        const where = `${tool.id} routeWords: "${word}"`;
        expect(word, where).not.toBe('');
        expect(['.', '..', ':id', '*'], where).not.toContain(word);
        expect(encodeURIComponent(word), `${where} must need no percent-encoding`).toBe(word);
      }
    }
  });

  it('are each in a path of one of the tool’s example URLs, so the list stays the vendor’s own vocabulary', () => {
    for (const { tool, examples } of entries) {
      const used = new Set(examples.flatMap((example) => splitPath(new URL(example.url).pathname)));
      for (const word of tool.routeWords ?? []) {
        expect(used.has(word.toLowerCase()), `${tool.id} routeWords: "${word}" appears in no example URL's path`).toBe(true);
      }
    }
  });

  it('list only what the patterns do not already spell out', () => {
    for (const { tool } of entries) {
      const fromPatterns = routeWordsOf({ ...tool, routeWords: [] });
      for (const word of tool.routeWords ?? []) {
        expect(fromPatterns.has(word.toLowerCase()), `${tool.id} routeWords: "${word}" is already in a pattern`).toBe(false);
      }
    }
  });

  it('come from the contexts, host prefixes, the account prefix and the explicit list', () => {
    const canvas = routeWordsOf(TOOLS.find((tool) => tool.id === 'canvas')!);
    for (const word of ['courses', 'gradebook', 'speed_grader', 'pages', 'files', 'modules', 'folder']) expect(canvas).toContain(word);
    expect(canvas).not.toContain(':id');
    expect(canvas).not.toContain('*');
    const docs = routeWordsOf(TOOLS.find((tool) => tool.id === 'google-docs')!);
    for (const word of ['document', 'd', 'edit', 'u']) expect(docs).toContain(word);
  });

  it('are none on a host no catalogue tool owns', () => {
    expect(routeWordsForUrl(new URL('https://lms.district.k12.example/courses/1/gradebook')).size).toBe(0);
    expect(routeWordsForUrl(new URL('https://www.instructure.com/courses')).size).toBe(0);
  });
});
