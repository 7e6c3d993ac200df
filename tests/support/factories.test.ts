import { describe, expect, it } from 'vitest';
import { parsePack } from '../../utils/cards/pack';
import { cardSchema } from '../../utils/cards/schema';
import { card, cardRecord, outboxItem, pack } from './factories';

// Tests lean on these being valid: a fixture that fails the schema would test the wrong thing.
describe('test factories', () => {
  it('make a card and a pack that load with no errors and no warnings', () => {
    expect(cardSchema.safeParse(card()).success).toBe(true);
    const result = parsePack(pack({ cards: [card({ id: 'a' }), card({ id: 'b', tools: ['google-classroom'], contexts: ['classwork'] })] }));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('derive the title from the id, and let every field be overridden', () => {
    expect(card({ id: 'hide-grades' }).title).toBe('Title of hide-grades');
    expect(card({ id: 'x', title: 'Hide grades' }).title).toBe('Hide grades');
    expect(pack({ id: 'feed', version: '2.0.0' })).toMatchObject({ id: 'feed', name: 'Pack feed', version: '2.0.0' });
  });

  it('key a card record as the store does', () => {
    expect(cardRecord({ id: 'a', contexts: [] }, 'mine')).toMatchObject({ key: 'mine/a', pack: 'mine', places: ['canvas/*'] });
  });

  it('give an outbox item a payload with its own id', () => {
    const item = outboxItem({ id: 'q-7' });
    expect(item.payload.id).toBe('q-7');
    expect(item.kind).toBe('help-request');
  });
});
