import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';
import { GAP_KINDS } from '../../../utils/endpoints/types';
import { GAP_KIND_LABEL_KEYS } from '../../../utils/gaps/labels';

describe('GAP_KIND_LABEL_KEYS', () => {
  it('names every kind of flag, and only those', () => {
    expect(Object.keys(GAP_KIND_LABEL_KEYS).sort()).toEqual([...GAP_KINDS].sort());
  });

  it('points at a message that both locales have, one per kind', () => {
    const keys = Object.values(GAP_KIND_LABEL_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect((en as Record<string, { message: string }>)[key]?.message, key).toMatch(/\S/);
      expect((es as Record<string, { message: string }>)[key]?.message, key).toMatch(/\S/);
    }
  });
});
