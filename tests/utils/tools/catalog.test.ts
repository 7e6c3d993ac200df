import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { detect } from '../../../utils/tools/detect';
import { TOOLS } from '../../../utils/tools/catalog';
import { normalizeHost, signatureMatches, splitPath, toolOwnsHost } from '../../../utils/tools/match';
import type { LookAlikeExample, ToolDef, ToolExample } from '../../../utils/tools/types';

interface CatalogModule {
  tool: ToolDef;
  examples: ToolExample[];
  notTheTool?: LookAlikeExample[];
}

const modules = import.meta.glob<CatalogModule>('../../../utils/tools/catalog/*.ts', { eager: true });
const entries = Object.entries(modules).filter(([path]) => !path.endsWith('/index.ts'));

function documentFrom(html: string): Document {
  const window = new Window({ url: 'https://example.org/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

const SHELLS = join(process.cwd(), 'tests/fixtures/shells');

/** The page an example describes: its page shell from tests/fixtures/shells/, or its inline HTML. */
function pageOf(example: { html?: string; shell?: string }): string | undefined {
  return example.shell ? readFileSync(join(SHELLS, example.shell), 'utf8') : example.html;
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

  for (const [, { tool, examples, notTheTool }] of entries) {
    describe(tool.id, () => {
      for (const example of examples) {
        const page = pageOf(example);
        const how = example.shell ? ` (by signature, ${example.shell})` : page ? ' (by signature)' : '';
        it(`${example.url} → ${tool.id}/${example.context ?? 'null'}${how}`, () => {
          const doc = page ? documentFrom(page) : undefined;
          // Matches its own tool and context, and (by construction of detect) no other tool.
          expect(detect(example.url, doc)).toEqual({ tool: tool.id, context: example.context });
          if (page) expect(detect(example.url)).toBeNull();
        });
      }
      for (const lookAlike of notTheTool ?? []) {
        it(`${lookAlike.url} is not ${tool.id}: ${lookAlike.why}`, () => {
          const page = pageOf(lookAlike);
          expect(detect(lookAlike.url, page ? documentFrom(page) : undefined)).toBeNull();
        });
      }
    });
  }

  describe('self-hosted installs', () => {
    const selfHosted = entries.filter(([, { tool }]) => tool.signatures?.length);

    for (const [, { tool, examples }] of selfHosted) {
      it(`${tool.id}: two or more signatures, each recognising a page shell reproduced from a real page`, () => {
        expect(tool.signatures!.length).toBeGreaterThanOrEqual(2);
        const shells = examples.filter((example) => example.shell).map((example) => documentFrom(pageOf(example)!));
        for (const [index, signature] of tool.signatures!.entries()) {
          const recognised = shells.some((doc) => signatureMatches([signature], doc));
          expect(recognised, `${tool.id} signature ${index + 1}: ${signature.all.join(' + ')}`).toBe(true);
        }
      });
    }
  });

  it('lets exactly one tool claim each example URL, whatever the registry order', () => {
    for (const [, { tool, examples }] of entries) {
      for (const example of examples.filter((e) => !pageOf(e))) {
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
      for (const example of examples.filter((e) => pageOf(e))) {
        const doc = documentFrom(pageOf(example)!);
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
