// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cardKey, placeKey, placesOf } from '../../../utils/platform/keys';
import { toCardRecord } from '../../../utils/platform/db';
import { card } from '../../support/factories';

describe('cardKey', () => {
  it('is pack/id, the key cards are stored under', () => {
    expect(cardKey('starter', 'canvas-speedgrader-rubric')).toBe('starter/canvas-speedgrader-rubric');
    const record = toCardRecord('district', card({ id: 'reuse-rubric' }));
    expect(record.key).toBe(cardKey('district', 'reuse-rubric'));
  });
});

describe('placeKey', () => {
  it('is tool/context, or tool/* for the tool as a whole', () => {
    expect(placeKey('canvas', 'speedgrader')).toBe('canvas/speedgrader');
    expect(placeKey('canvas', null)).toBe('canvas/*');
  });
});

describe('placesOf', () => {
  it('lists each tool × context pair', () => {
    expect(placesOf({ tools: ['canvas', 'schoology'], contexts: ['speedgrader', 'gradebook'] })).toEqual([
      'canvas/speedgrader',
      'canvas/gradebook',
      'schoology/speedgrader',
      'schoology/gradebook',
    ]);
  });

  it('lists each tool as a whole when the card names no context', () => {
    expect(placesOf({ tools: ['canvas', 'google-classroom'], contexts: [] })).toEqual(['canvas/*', 'google-classroom/*']);
  });

  it('is what a stored card is indexed by', () => {
    const record = toCardRecord('starter', card({ tools: ['canvas'], contexts: ['speedgrader'] }));
    expect(record.places).toEqual([placeKey('canvas', 'speedgrader')]);
  });
});
