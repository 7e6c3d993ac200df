import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_SCHEMA_FILE, PACK_SCHEMA_ID, buildPackJsonSchema, renderPackJsonSchema } from '../../../scripts/pack-schema';
import { LEVELS, LINK_KINDS, LIMITS } from '../../../utils/cards/schema';

type JsonSchema = {
  $id?: string;
  title?: string;
  properties: Record<string, JsonSchema & Record<string, unknown>>;
  required?: string[];
  items?: JsonSchema & Record<string, unknown>;
};

describe('public/pack.schema.json', () => {
  it('is exactly what scripts/pack-schema.ts generates from the zod schema (run it after changing schema.ts)', () => {
    expect(readFileSync(PACK_SCHEMA_FILE, 'utf8')).toBe(renderPackJsonSchema());
  });

  const schema = buildPackJsonSchema() as unknown as JsonSchema & { $schema: string };

  it('names itself and the draft it follows', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PACK_SCHEMA_ID);
    expect(schema.title).toBe('Coachmark card pack');
  });

  it('requires the fields of the published pack format', () => {
    expect(schema.required).toEqual(['schemaVersion', 'id', 'name', 'version', 'cards']);
    expect(schema.properties.schemaVersion?.const).toBe(1);
    const card = schema.properties.cards?.items as JsonSchema;
    expect(card.required).toEqual(['id', 'title', 'summary', 'steps', 'tools', 'contexts', 'tags', 'level', 'links']);
    for (const optional of ['lang', 'reviewBy', 'updatedAt']) expect(card.properties).toHaveProperty(optional);
    expect(card.properties.level?.enum).toEqual([...LEVELS]);
    const link = card.properties.links?.items as JsonSchema;
    expect(link.required).toEqual(['title', 'url', 'kind']);
    expect(link.properties.kind?.enum).toEqual([...LINK_KINDS]);
  });

  it('carries the limits and the https-only rule, so editors flag them as coaches type', () => {
    const card = schema.properties.cards?.items as JsonSchema;
    expect(schema.properties.cards?.maxItems).toBe(LIMITS.maxCards);
    expect(card.properties.title?.maxLength).toBe(LIMITS.titleLength);
    expect(card.properties.steps?.maxItems).toBe(LIMITS.maxSteps);
    const url = (card.properties.links?.items as JsonSchema).properties.url!;
    const pattern = new RegExp(url.pattern as string);
    expect(pattern.test('https://help.example.org/')).toBe(true);
    for (const bad of ['http://help.example.org/', 'javascript:alert(1)', 'data:text/html,x', '/relative']) {
      expect(pattern.test(bad), bad).toBe(false);
    }
  });

  it('allows fields it does not know, as the format promises', () => {
    expect(schema).not.toHaveProperty('additionalProperties', false);
    expect(schema.properties.cards?.items).not.toHaveProperty('additionalProperties', false);
  });
});
