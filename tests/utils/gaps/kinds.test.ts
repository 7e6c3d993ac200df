import { describe, expect, it } from 'vitest';
import { GAP_KINDS } from '../../../utils/endpoints/types';
import { isCardKind } from '../../../utils/gaps/kinds';

describe('isCardKind', () => {
  it('is true for the flags about one card, "didn\'t help" and "out of date", and only those', () => {
    expect(GAP_KINDS.filter(isCardKind)).toEqual(['unhelpful', 'outdated']);
  });
});
