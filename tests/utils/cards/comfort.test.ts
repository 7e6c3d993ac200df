import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CardFeedback } from '../../../utils/platform/db';
import type { Level } from '../../../utils/cards/schema';
import { DEFAULT_COMFORT, getComfort, orderForComfort, setComfort, watchComfort } from '../../../utils/cards/comfort';

const c = (key: string, level: Level) => ({ key, level });

describe('orderForComfort', () => {
  const cards = [
    c('i1', 'intermediate'),
    c('b1', 'beginner'),
    c('a1', 'advanced'),
    c('b2', 'beginner'),
    c('i2', 'intermediate'),
    c('a2', 'advanced'),
  ];
  const keys = (list: Array<{ key: string }>) => list.map((card) => card.key);

  it('puts beginner cards first for a teacher new to the tool', () => {
    expect(keys(orderForComfort(cards, 'new'))).toEqual(['b1', 'b2', 'i1', 'i2', 'a1', 'a2']);
  });

  it('puts advanced cards first and beginner last for an expert', () => {
    expect(keys(orderForComfort(cards, 'expert'))).toEqual(['a1', 'a2', 'i1', 'i2', 'b1', 'b2']);
  });

  it('keeps the given order for a comfortable teacher, advanced after the rest', () => {
    expect(keys(orderForComfort(cards, 'comfortable'))).toEqual(['i1', 'b1', 'b2', 'i2', 'a1', 'a2']);
    expect(DEFAULT_COMFORT).toBe('comfortable');
  });

  it('moves known cards to the end and unhelpful ones after their level’s others', () => {
    const feedback: CardFeedback[] = [
      { cardKey: 'b1', known: true },
      { cardKey: 'i1', helpful: 'no' },
      { cardKey: 'i2', helpful: 'yes' },
      { cardKey: 'a2', known: false },
    ];
    expect(keys(orderForComfort(cards, 'new', feedback))).toEqual(['b2', 'i2', 'i1', 'a1', 'a2', 'b1']);
    // A Map works the same as a list.
    expect(orderForComfort(cards, 'new', new Map(feedback.map((entry) => [entry.cardKey, entry])))).toEqual(
      orderForComfort(cards, 'new', feedback),
    );
  });

  it('does not change its input', () => {
    const copy = [...cards];
    orderForComfort(cards, 'expert');
    expect(cards).toEqual(copy);
  });
});

describe('comfort level storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is kept per tool in storage.local, defaulting to comfortable', async () => {
    expect(await getComfort('canvas')).toBe('comfortable');
    await setComfort('canvas', 'expert');
    await setComfort('seesaw', 'new');
    expect(await getComfort('canvas')).toBe('expert');
    expect(await getComfort('seesaw')).toBe('new');
    expect(await getComfort('kahoot')).toBe('comfortable');
  });

  it('ignores values that are not a comfort level', async () => {
    await fakeBrowser.storage.local.set({ comfort: { canvas: 'wizard', seesaw: 'new' } });
    expect(await getComfort('canvas')).toBe('comfortable');
    expect(await getComfort('seesaw')).toBe('new');
  });

  it('tells a watcher the level now and on change, until unsubscribed', async () => {
    const seen: string[] = [];
    const stop = watchComfort('canvas', (comfort) => seen.push(comfort));
    await vi.waitFor(() => expect(seen).toEqual(['comfortable']));
    await setComfort('canvas', 'new');
    await vi.waitFor(() => expect(seen).toEqual(['comfortable', 'new']));
    stop();
    await setComfort('canvas', 'expert');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['comfortable', 'new']);
  });
});
