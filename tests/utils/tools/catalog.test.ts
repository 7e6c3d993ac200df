import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { detect } from '../../../utils/tools/detect';
import { TOOLS } from '../../../utils/tools/catalog';
import { normalizeHost, signatureMatches, splitPath, toolOwnsHost } from '../../../utils/tools/match';
import type { ToolDef, ToolExample } from '../../../utils/tools/types';

interface CatalogModule {
  tool: ToolDef;
  examples: ToolExample[];
}

const modules = import.meta.glob<CatalogModule>('../../../utils/tools/catalog/*.ts', { eager: true });
const entries = Object.entries(modules).filter(([path]) => !path.endsWith('/index.ts'));

function documentFrom(html: string): Document {
  const window = new Window({ url: 'https://example.org/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('tool catalogue', () => {
  it('registers every catalogue file, once, named by its id', () => {
    const fileIds = entries.map(([path]) => path.split('/').pop()!.replace(/\.ts$/, '')).sort();
    expect(fileIds).toEqual(TOOLS.map((tool) => tool.id).sort());
    for (const [path, module] of entries) expect(path.endsWith(`/${module.tool.id}.ts`)).toBe(true);
    for (const [, module] of entries) expect(TOOLS).toContain(module.tool);
  });

  it('uses kebab-case ids and unique context ids per tool', () => {
    for (const tool of TOOLS) {
      expect(tool.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const ids = tool.contexts.map((context) => context.id);
      expect(new Set(ids).size, tool.id).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('gives every tool and every context at least one example', () => {
    for (const [, { tool, examples }] of entries) {
      expect(examples.length, tool.id).toBeGreaterThan(0);
      const covered = new Set(examples.map((example) => example.context));
      for (const context of tool.contexts) expect(covered.has(context.id), `${tool.id}/${context.id}`).toBe(true);
    }
  });

  for (const [, { tool, examples }] of entries) {
    describe(tool.id, () => {
      for (const example of examples) {
        it(`${example.url} → ${tool.id}/${example.context ?? 'null'}${example.html ? ' (by signature)' : ''}`, () => {
          const doc = example.html ? documentFrom(example.html) : undefined;
          // Matches its own tool and context, and (by construction of detect) no other tool.
          expect(detect(example.url, doc)).toEqual({ tool: tool.id, context: example.context });
          if (example.html) expect(detect(example.url)).toBeNull();
        });
      }
    });
  }

  it('lets exactly one tool claim each example URL, whatever the registry order', () => {
    for (const [, { tool, examples }] of entries) {
      for (const example of examples.filter((e) => !e.html)) {
        const url = new URL(example.url);
        const owners = TOOLS.filter((other) => toolOwnsHost(other, normalizeHost(url.hostname), splitPath(url.pathname)));
        expect(
          owners.map((owner) => owner.id),
          example.url,
        ).toEqual([tool.id]);
      }
    }
  });

  it('lets at most one tool claim each self-hosted signature example', () => {
    for (const [, { tool, examples }] of entries) {
      for (const example of examples.filter((e) => e.html)) {
        const doc = documentFrom(example.html!);
        const owners = TOOLS.filter((other) => other.signatures && signatureMatches(other.signatures, doc));
        expect(
          owners.map((owner) => owner.id),
          example.url,
        ).toEqual([tool.id]);
      }
    }
  });
});

describe('signature registry', () => {
  it('lists exactly the tools whose catalogue entry has signatures', async () => {
    const { SIGNATURES } = await import('../../../utils/tools/signature');
    const withSignatures = TOOLS.filter((tool) => tool.signatures?.length)
      .map((tool) => tool.id)
      .sort();
    expect(SIGNATURES.map(([tool]) => tool).sort()).toEqual(withSignatures);
    for (const [id, signatures] of SIGNATURES) expect(TOOLS.find((tool) => tool.id === id)?.signatures).toBe(signatures);
  });
});
