import { describe, expect, it } from 'vitest';
import schema from '../../../public/managed-schema.json';
import { ENDPOINT_FORMATS } from '../../../utils/endpoints/types';
import { DEFAULT_SETTINGS, parsePolicy, SETTING_KEYS, settingsSchema } from '../../../utils/settings/settings';

interface PolicySchema {
  type: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  minimum?: number;
  items?: PolicySchema;
  properties?: Record<string, PolicySchema>;
  additionalProperties?: unknown;
}

const root = schema as PolicySchema;
const properties = root.properties ?? {};

describe('public/managed-schema.json (storage.managed_schema)', () => {
  it('declares exactly the settings keys plus lockedSettings', () => {
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(settingsSchema.shape), 'lockedSettings'].sort());
    expect(Object.keys(properties).sort()).toEqual([...SETTING_KEYS, 'lockedSettings'].sort());
  });

  it('follows Chrome’s rules: top-level object without additionalProperties, one type per schema', () => {
    expect(root.type).toBe('object');
    expect(root.additionalProperties).toBeUndefined();
    const visit = (node: PolicySchema, path: string) => {
      expect(typeof node.type, path).toBe('string');
      if (node.items) visit(node.items, `${path}.items`);
      for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, `${path}.${key}`);
    };
    visit(root, 'root');
  });

  it('gives every policy a title and a description for the admin console', () => {
    for (const [key, property] of Object.entries(properties)) {
      expect(property.title ?? '', key).toMatch(/\S/);
      expect(property.description ?? '', key).toMatch(/\S/);
    }
  });

  it('types each policy like the setting it sets', () => {
    for (const key of SETTING_KEYS) {
      const value = DEFAULT_SETTINGS[key];
      const expected = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'integer' : typeof value;
      expect(properties[key]?.type, key).toBe(expected);
      if (Array.isArray(value)) expect(properties[key]?.items?.type, key).toBe('string');
    }
    expect(properties.lockedSettings).toMatchObject({ type: 'array', items: { type: 'string' } });
  });

  it('offers exactly ENDPOINT_FORMATS for endpointFormat', () => {
    expect(properties.endpointFormat?.enum).toEqual([...ENDPOINT_FORMATS]);
  });

  it('lets a policy that the schema accepts through parsePolicy whole', () => {
    // One value per key of the schema's own type: what Chrome passes on, settings must keep.
    const sample: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(properties)) {
      sample[key] =
        property.enum?.[0] ??
        (property.type === 'array'
          ? ['lms.district.org']
          : property.type === 'boolean'
            ? true
            : property.type === 'integer'
              ? (property.minimum ?? 0) + 1
              : 'https://district.example/x');
    }
    expect(parsePolicy(sample)).toEqual(sample);
  });
});
