import { describe, expect, it } from 'vitest';
import type { PackRecord } from '../../../utils/platform/db';
import {
  decodeSyncError,
  encodeSyncError,
  isPendingSubscription,
  MAX_PACK_SUBSCRIPTIONS,
  pendingPackId,
  pendingRecord,
  planSubscriptions,
  validatePackUrl,
} from '../../../utils/cards/subscriptions';
import { countChanges, isDue, PACK_SYNC_PERIOD_MINUTES } from '../../../utils/cards/pack-sync.background';
import type { Card } from '../../../utils/cards/schema';
import { card, packRecord } from '../../support/factories';

function subscription(id: string, url: string, subscribedBy?: 'settings' | 'studio'): PackRecord {
  return packRecord({ id, source: { kind: 'url', url, subscribedBy } });
}

describe('validatePackUrl', () => {
  it.each([
    ['https://packs.district.example/canvas.json', 'https://packs.district.example/canvas.json'],
    ['  https://packs.district.example/canvas.json#top ', 'https://packs.district.example/canvas.json'],
    ['HTTPS://Packs.District.Example/a.json', 'https://packs.district.example/a.json'],
    ['http://127.0.0.1:8080/pack.json', 'http://127.0.0.1:8080/pack.json'],
    ['http://localhost/pack.json', 'http://localhost/pack.json'],
  ])('accepts %s', (input, normal) => {
    expect(validatePackUrl(input)).toEqual({ ok: true, url: normal });
  });

  it.each([
    ['', 'empty'],
    ['packs.district.example/a.json', 'invalid'],
    ['http://packs.district.example/a.json', 'not-https'],
    ['ftp://packs.district.example/a.json', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['https://user:secret@packs.district.example/a.json', 'credentials'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(validatePackUrl(input)).toEqual({ ok: false, problem });
  });
});

describe('planSubscriptions', () => {
  it('lists settings URLs first, then studio subscriptions, each once and in normal form', () => {
    const plan = planSubscriptions(
      ['https://a.example/p.json', 'https://a.example/p.json#x', 'https://b.example/p.json'],
      [
        packRecord({ id: 'local' }),
        subscription('c', 'https://c.example/p.json', 'studio'),
        subscription('b', 'https://b.example/p.json', 'studio'),
      ],
    );
    expect(plan.urls).toEqual(['https://a.example/p.json', 'https://b.example/p.json', 'https://c.example/p.json']);
    expect(plan.stale).toEqual([]);
  });

  it('marks as stale a pack that settings brought and no longer list', () => {
    const gone = subscription('gone', 'https://gone.example/p.json', 'settings');
    const plan = planSubscriptions([], [gone, subscription('mine', 'https://mine.example/p.json')]);
    expect(plan.stale).toEqual([gone]);
    expect(plan.urls).toEqual(['https://mine.example/p.json']);
  });

  it('keeps only the first MAX_PACK_SUBSCRIPTIONS URLs, settings first, and lists the rest each once', () => {
    const policy = Array.from({ length: 10_000 }, (_, index) => `https://packs.example/${index}.json`);
    const mine = subscription('mine', 'https://mine.example/p.json', 'studio');
    const pastLimit = subscription('late', policy[9_000]!, 'settings');
    const kept = subscription('early', policy[0]!, 'settings');
    const plan = planSubscriptions([...policy, policy[3]!], [kept, pastLimit, mine]);
    expect(MAX_PACK_SUBSCRIPTIONS).toBe(50);
    expect(plan.urls).toEqual(policy.slice(0, MAX_PACK_SUBSCRIPTIONS));
    expect(plan.overflow).toEqual([...policy.slice(MAX_PACK_SUBSCRIPTIONS), 'https://mine.example/p.json']);
    // Settings' pack past the limit goes; the coach's own subscription stays, listed as not synced.
    expect(plan.stale).toEqual([pastLimit]);
  });

  it('has nothing past the limit when there are few URLs', () => {
    expect(planSubscriptions(['https://a.example/p.json'], []).overflow).toEqual([]);
  });

  it('keeps an invalid URL from settings, so that its sync can say what is wrong', () => {
    expect(planSubscriptions(['http://insecure.example/p.json'], []).urls).toEqual(['http://insecure.example/p.json']);
  });
});

describe('placeholders and errors', () => {
  it('gives a placeholder an id no pack can have', () => {
    const placeholder = pendingRecord('https://a.example/p.json', 'studio', 5);
    expect(placeholder.id).toBe(pendingPackId('https://a.example/p.json'));
    expect(isPendingSubscription(placeholder)).toBe(true);
    expect(isPendingSubscription(subscription('feed', 'https://a.example/p.json'))).toBe(false);
    expect(placeholder).toMatchObject({
      cardCount: 0,
      updatedAt: 5,
      source: { kind: 'url', url: 'https://a.example/p.json', subscribedBy: 'studio' },
    });
  });

  it('encodes and decodes sync errors', () => {
    expect(encodeSyncError('http', 404)).toBe('http: 404');
    expect(encodeSyncError('timeout')).toBe('timeout');
    expect(decodeSyncError('http: 404')).toEqual({ code: 'http', detail: '404' });
    expect(decodeSyncError('invalid: cards[0].level: must be one of beginner')).toEqual({
      code: 'invalid',
      detail: 'cards[0].level: must be one of beginner',
    });
    expect(decodeSyncError('timeout')).toEqual({ code: 'timeout', detail: '' });
    // Where a redirect leads keeps its own colons.
    expect(decodeSyncError('redirect: http://packs.invalid:8080/p.json')).toEqual({
      code: 'redirect',
      detail: 'http://packs.invalid:8080/p.json',
    });
    expect(decodeSyncError('redirect')).toEqual({ code: 'redirect', detail: '' });
    // A subscription past the limit is said to be so, not taken for a network failure.
    expect(decodeSyncError(encodeSyncError('over-limit', MAX_PACK_SUBSCRIPTIONS))).toEqual({
      code: 'over-limit',
      detail: String(MAX_PACK_SUBSCRIPTIONS),
    });
    expect(decodeSyncError('something else')).toEqual({ code: 'network', detail: 'something else' });
  });
});

describe('countChanges', () => {
  it('counts added, changed and removed cards, ignoring key order and unchanged cards', () => {
    const before = [card({ id: 'same', title: 'Same' }), card({ id: 'edit', title: 'Old' }), card({ id: 'gone', title: 'Gone' })];
    const reordered = Object.fromEntries(Object.entries(card({ id: 'same', title: 'Same' })).reverse()) as Card;
    expect(countChanges(before, [reordered, card({ id: 'edit', title: 'New' }), card({ id: 'new', title: 'New' })])).toEqual({
      added: 1,
      updated: 1,
      removed: 1,
    });
  });
});

describe('isDue', () => {
  const period = PACK_SYNC_PERIOD_MINUTES * 60_000;
  it('is due when never synced or synced a period ago', () => {
    expect(isDue(undefined, 0)).toBe(true);
    const synced = {
      ...subscription('a', 'https://a.example/p.json'),
      source: { kind: 'url' as const, url: 'https://a.example/p.json', lastSyncAt: 1_000 },
    };
    expect(isDue(synced, 1_000 + period - 1)).toBe(false);
    expect(isDue(synced, 1_000 + period)).toBe(true);
  });
});
