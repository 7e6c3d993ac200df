import type { PackRecord, PackSource } from '../platform/db';
import { checkRemoteUrl } from '../platform/url';

/**
 * Pack subscriptions: packs kept in sync with a URL. The URLs come from settings (the coach's
 * own, or district policy) and from the studio, which stores a subscription as a pack record
 * whose source is the URL. Until its first good sync a subscription is a placeholder record
 * with no cards, so that the studio can show it and why it has not synced yet.
 * Pure: the background does the fetching (pack-sync.background.ts).
 */

export type UrlSource = Extract<PackSource, { kind: 'url' }>;
export type UrlPackRecord = PackRecord & { source: UrlSource };

export type PackUrlProblem = 'empty' | 'invalid' | 'credentials' | 'not-https';
export type PackUrlCheck = { ok: true; url: string } | { ok: false; problem: PackUrlProblem };

/** https, or http to this machine; no user name or password. Returns the URL in normal form. */
export function validatePackUrl(input: string): PackUrlCheck {
  const check = checkRemoteUrl(input);
  if (!check.ok) return { ok: false, problem: check.problem === 'scheme' ? 'invalid' : check.problem };
  check.url.hash = ''; // never sent, so it cannot tell two subscriptions apart
  return { ok: true, url: check.url.href };
}

/** Ids of placeholder records: pack ids cannot contain ":", so these never collide with a pack. */
const PENDING_PREFIX = 'subscription:';

export function pendingPackId(url: string): string {
  return `${PENDING_PREFIX}${url}`;
}

/** A subscription that has not brought a pack yet. */
export function isPendingSubscription(record: Pick<PackRecord, 'id'>): boolean {
  return record.id.startsWith(PENDING_PREFIX);
}

export function isUrlRecord(record: PackRecord): record is UrlPackRecord {
  return record.source.kind === 'url';
}

/** The placeholder for a new subscription. */
export function pendingRecord(url: string, subscribedBy: UrlSource['subscribedBy'], now: number): UrlPackRecord {
  return {
    id: pendingPackId(url),
    name: url,
    version: '',
    source: { kind: 'url', url, subscribedBy },
    cardCount: 0,
    updatedAt: now,
  };
}

/**
 * The most pack addresses kept in sync. Each one is a request on every sync and a record the
 * studio lists, and no school needs more: a policy that lists thousands (by mistake, or to
 * keep the background busy) would keep the sync from ever finishing. The first ones listed
 * (settings first, then the studio's) are kept; the rest are reported, not fetched.
 */
export const MAX_PACK_SUBSCRIPTIONS = 50;

export interface SubscriptionPlan {
  /** The URLs to sync, each once, settings first: at most MAX_PACK_SUBSCRIPTIONS. */
  urls: string[];
  /**
   * Records that settings brought and no longer keep in sync: the school removed the pack,
   * or it is past the limit.
   */
  stale: UrlPackRecord[];
  /** Further URLs past the limit, in order, each once: listed, never fetched. */
  overflow: string[];
}

/** What to keep in sync, from the effective settings' packUrls and the packs table. */
export function planSubscriptions(settingsUrls: readonly string[], records: readonly PackRecord[]): SubscriptionPlan {
  const listed: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string) => {
    const check = validatePackUrl(raw);
    // An invalid URL is kept as written, so that its sync fails and says why.
    const url = check.ok ? check.url : raw.trim();
    if (url && !seen.has(url)) {
      seen.add(url);
      listed.push(url);
    }
  };
  settingsUrls.forEach(add);
  const fromSettings = new Set(listed);
  const stillListed: UrlPackRecord[] = [];
  const removed: UrlPackRecord[] = [];
  for (const record of records) {
    if (!isUrlRecord(record)) continue;
    if (record.source.subscribedBy === 'settings' && !fromSettings.has(record.source.url)) removed.push(record);
    else {
      stillListed.push(record);
      add(record.source.url);
    }
  }
  const urls = listed.slice(0, MAX_PACK_SUBSCRIPTIONS);
  const kept = new Set(urls);
  // A pack that settings bring past the limit is not kept either; the coach's own are left
  // alone (listed as not synced) for the coach to remove.
  const pastLimit = stillListed.filter((record) => record.source.subscribedBy === 'settings' && !kept.has(record.source.url));
  return { urls, stale: [...removed, ...pastLimit], overflow: listed.slice(MAX_PACK_SUBSCRIPTIONS) };
}

/** Why a sync failed, stored in the record's lastError as `code` or `code: detail`: one list, so decoding knows every code. */
const CODES = ['bad-url', 'http', 'network', 'timeout', 'too-large', 'redirect', 'invalid', 'id-taken', 'storage', 'over-limit'] as const;
export type SyncErrorCode = (typeof CODES)[number];

export function encodeSyncError(code: SyncErrorCode, detail?: string | number): string {
  return detail === undefined || detail === '' ? code : `${code}: ${detail}`;
}

export function decodeSyncError(text: string): { code: SyncErrorCode; detail: string } {
  const colon = text.indexOf(': ');
  const code = (colon === -1 ? text : text.slice(0, colon)) as SyncErrorCode;
  if (!(CODES as readonly string[]).includes(code)) return { code: 'network', detail: text };
  return { code, detail: colon === -1 ? '' : text.slice(colon + 2) };
}

/** The outcome of syncing one URL, as the studio shows it. */
export type PackSyncResult =
  | { url: string; outcome: 'updated'; packId: string; added: number; updated: number; removed: number; warnings: number }
  | { url: string; outcome: 'unchanged'; packId: string }
  | { url: string; outcome: 'failed'; error: string; packId?: string };
