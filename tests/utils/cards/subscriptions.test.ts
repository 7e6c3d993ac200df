import { describe, expect, it } from 'vitest';
import type { PackRecord } from '../../../utils/platform/db';
import {
  decodeSyncError,
  encodeSyncError,
  isPendingSubscription,
  pendingPackId,
  pendingRecord,
  planSubscriptions,
  validatePackUrl,
} from '../../../utils/cards/subscriptions';
import { countChanges, isDue, PACK_SYNC_PERIOD_MINUTES } from '../../../utils/cards/pack-sync.background';
import type { Card } from '../../../utils/cards/schema';

function record(id: string, url: string | null, subscribedBy?: 'settings' | 'studio'): PackRecord {
  return {
    id,
    name: id,
    version: '1',
    source: url ? { kind: 'url', url, subscribedBy } : { kind: 'local' },
    cardCount: 1,
    updatedAt: 1,
  };
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
      [record('local', null), record('c', 'https://c.example/p.json', 'studio'), record('b', 'https://b.example/p.json', 'studio')],
    );
    expect(plan.urls).toEqual(['https://a.example/p.json', 'https://b.example/p.json', 'https://c.example/p.json']);
    expect(plan.stale).toEqual([]);
  });

  it('marks as stale a pack that settings brought and no longer list', () => {
    const gone = record('gone', 'https://gone.example/p.json', 'settings');
    const plan = planSubscriptions([], [gone, record('mine', 'https://mine.example/p.json')]);
    expect(plan.stale).toEqual([gone]);
    expect(plan.urls).toEqual(['https://mine.example/p.json']);
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
    expect(isPendingSubscription(record('feed', 'https://a.example/p.json'))).toBe(false);
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
    expect(decodeSyncError('something else')).toEqual({ code: 'network', detail: 'something else' });
  });
});

describe('countChanges', () => {
  const card = (id: string, title: string, extra: Partial<Card> = {}): Card => ({
    id,
    title,
    summary: 's',
    steps: ['x'],
    tools: ['canvas'],
    contexts: [],
    tags: [],
    level: 'beginner',
    links: [],
    ...extra,
  });
  it('counts added, changed and removed cards, ignoring key order and unchanged cards', () => {
    const before = [card('same', 'Same'), card('edit', 'Old'), card('gone', 'Gone')];
    const reordered = {
      level: 'beginner',
      id: 'same',
      title: 'Same',
      summary: 's',
      steps: ['x'],
      tools: ['canvas'],
      contexts: [],
      tags: [],
      links: [],
    } as Card;
    expect(countChanges(before, [reordered, card('edit', 'New'), card('new', 'New')])).toEqual({ added: 1, updated: 1, removed: 1 });
  });
});

describe('isDue', () => {
  const period = PACK_SYNC_PERIOD_MINUTES * 60_000;
  it('is due when never synced or synced a period ago', () => {
    expect(isDue(undefined, 0)).toBe(true);
    const synced = {
      ...record('a', 'https://a.example/p.json'),
      source: { kind: 'url' as const, url: 'https://a.example/p.json', lastSyncAt: 1_000 },
    };
    expect(isDue(synced, 1_000 + period - 1)).toBe(false);
    expect(isDue(synced, 1_000 + period)).toBe(true);
  });
});
