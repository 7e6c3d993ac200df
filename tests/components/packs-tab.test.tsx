import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PacksTab } from '../../components/studio/PacksTab';
import { db } from '../../utils/platform/db';
import { exportPack, formatPack } from '../../utils/cards/import';
import { replacePack } from '../../utils/cards/store';
import { saveSettings } from '../../utils/settings/settings';
import { pendingPackId, type PackSyncResult } from '../../utils/cards/subscriptions';
import type { Card, Pack } from '../../utils/cards/schema';
import * as make from '../support/factories';

function card(id: string, extra: Partial<Card> = {}): Card {
  return make.card({ id, steps: ['Open **Classwork**.'], tools: ['google-classroom'], contexts: ['classwork'], ...extra });
}
function pack(id: string, cards: Card[], extra: Partial<Pack> = {}): Pack {
  return make.pack({ id, version: '1.2.0', cards, ...extra });
}

async function dump() {
  return { packs: await db.packs.toArray(), cards: await db.cards.toArray() };
}

let grantedOrigins: Set<string>;
let syncRequests: Array<{ url?: string }>;
let syncReply: (data: { url?: string }) => Promise<PackSyncResult[]>;

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  grantedOrigins = new Set();
  syncRequests = [];
  syncReply = async () => [];
  // happy-dom cannot show a permission prompt: these stand in for the browser's answer.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((origin) => grantedOrigins.has(origin)),
  );
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    for (const origin of p.origins ?? []) grantedOrigins.add(origin);
    return true;
  });
  // Stands in for the background, whose sync is tested against a real server in its own tests.
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: { url?: string } }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== 'studioSyncsPacks') return undefined;
      syncRequests.push(message.data ?? {});
      void syncReply(message.data ?? {}).then((res) => sendResponse({ res }));
      return true;
    },
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const importButton = () => screen.getByRole('button', { name: 'Import pack' });
const paste = (text: string) => fireEvent.input(screen.getByLabelText('Or paste the pack’s JSON'), { target: { value: text } });

describe('PacksTab: the list', () => {
  it('shows built-in, local and subscribed packs with card counts, versions and sync state', async () => {
    await replacePack(pack('coachmark-starter', [card('a'), card('b')], { name: 'Starter' }), { kind: 'builtin' });
    await replacePack(pack('mine', [card('c')], { name: 'Mine' }), { kind: 'local', fileName: 'mine.json' });
    await replacePack(pack('feed', [card('d')], { name: 'Feed', version: '3.0.0' }), {
      kind: 'url',
      url: 'https://packs.example/feed.json',
    });
    await db.packs.update('feed', {
      source: { kind: 'url', url: 'https://packs.example/feed.json', lastSyncAt: Date.UTC(2026, 10, 20), lastError: 'http: 503' },
    });
    render(<PacksTab />);

    const builtin = await screen.findByRole('region', { name: 'Built in' });
    expect(builtin.textContent).toContain('Starter');
    expect(builtin.textContent).toContain('2 cards');
    expect(builtin.textContent).toContain('Version 1.2.0');
    expect(within(builtin).queryByRole('button', { name: /Delete/ })).toBeNull();

    const local = screen.getByRole('region', { name: 'Your packs' });
    expect(local.textContent).toContain('Mine');
    expect(local.textContent).toContain('From mine.json');

    const subscribed = screen.getByRole('region', { name: 'Subscribed' });
    expect(subscribed.textContent).toContain('Feed');
    expect(subscribed.textContent).toContain('Version 3.0.0');
    expect(subscribed.textContent).toContain('Last sync:');
    expect(subscribed.textContent).toContain('Last sync failed: the server answered 503. The last good copy is kept.');
  });

  it('lists a URL from settings before its first sync', async () => {
    await saveSettings({ packUrls: ['https://district.example/packs/canvas.json'] });
    render(<PacksTab />);
    const subscribed = await screen.findByRole('region', { name: 'Subscribed' });
    await waitFor(() => expect(subscribed.textContent).toContain('https://district.example/packs/canvas.json'));
    expect(subscribed.textContent).toContain('Not synced yet');
    expect(subscribed.textContent).toContain('Set in settings');
  });

  it('says where a subscription redirects, since the sync does not follow it', async () => {
    await db.packs.put({
      id: pendingPackId('https://district.example/old.json'),
      name: 'https://district.example/old.json',
      version: '',
      cardCount: 0,
      updatedAt: 1,
      source: { kind: 'url', url: 'https://district.example/old.json', lastError: 'redirect: http://packs.district.example/new.json' },
    });
    render(<PacksTab />);
    const subscribed = await screen.findByRole('region', { name: 'Subscribed' });
    await waitFor(() =>
      expect(subscribed.textContent).toContain(
        "the address redirects to http://packs.district.example/new.json, and Coachmark does not follow redirects: subscribe to the pack's final https address",
      ),
    );
  });

  it('lists only the subscriptions it keeps in sync and says which are left out, when policy lists 10,000', async () => {
    const policy = Array.from({ length: 10_000 }, (_, index) => `https://district.example/packs/${index}.json`);
    await saveSettings({ packUrls: policy });
    render(<PacksTab />);
    const notice = await screen.findByTestId('packs-not-synced');
    expect(notice.textContent).toContain('9,950 pack addresses are not kept in sync: Coachmark syncs at most 50 subscriptions');
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(policy.slice(50, 60));
    expect(notice.textContent).toContain('…and 9,940 more');
    const subscribed = screen.getByRole('region', { name: 'Subscribed' });
    expect(subscribed.querySelectorAll('[data-url]')).toHaveLength(50);
    expect(subscribed.querySelector(`[data-url="${policy[50]}"]`)).toBeNull();
  });

  it('deletes a local pack and brings it back with Undo', async () => {
    await replacePack(pack('mine', [card('c')], { name: 'Mine' }), { kind: 'local' });
    const before = await dump();
    render(<PacksTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Mine' }));
    await screen.findByText('Deleted the pack “Mine”.');
    await waitFor(async () => expect(await db.packs.count()).toBe(0));
    expect(await db.cards.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await dump()).toEqual(before));
    await screen.findByRole('button', { name: 'Delete Mine' });
  });

  it('exports a pack as its canonical file through a download', async () => {
    await replacePack(pack('mine', [card('c')], { name: 'Mine' }), { kind: 'local' });
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:coachmark/1';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(`${this.download} ${this.href}`);
    });
    render(<PacksTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export Mine' }));
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(names).toEqual(['mine.json blob:coachmark/1']);
    expect(await blobs[0]!.text()).toBe(await exportPack('mine'));
  });
});

describe('PacksTab: Import pack', () => {
  it('imports pasted JSON and says what it added, updated and skipped, with warnings', async () => {
    render(<PacksTab />);
    await screen.findByRole('region', { name: 'Your packs' });
    paste(formatPack(pack('district', [card('a'), card('b', { tools: ['mystery-tool'], contexts: [] })], { name: 'District' })));
    fireEvent.click(importButton());
    const done = await screen.findByText('Imported “District”: 2 added, 0 updated, 0 skipped (same or older).');
    const warnings = done.closest('[role="status"]')!;
    expect(warnings.textContent).toContain('cards[1].tools[0]');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Your packs' }).textContent).toContain('District'));
    expect(await db.cards.count()).toBe(2);

    paste(
      formatPack(
        pack('district', [card('a', { version: 2, title: 'Newer' }), card('b', { tools: ['mystery-tool'], contexts: [] })], {
          name: 'District',
        }),
      ),
    );
    fireEvent.click(importButton());
    await screen.findByText('Imported “District”: 0 added, 1 updated, 1 skipped (same or older).');
  });

  it('shows every error with its path and changes nothing', async () => {
    await replacePack(pack('mine', [card('c')], { name: 'Mine' }), { kind: 'local' });
    const before = await dump();
    render(<PacksTab />);
    await screen.findByRole('region', { name: 'Your packs' });
    const bad = JSON.parse(formatPack(pack('mine', [card('c', { version: 9 }), card('d')]))) as { cards: Array<Record<string, unknown>> };
    bad.cards[0]!.level = 'expert';
    bad.cards[1]!.links = [{ title: 'Bad', url: 'javascript:alert(1)', kind: 'help' }];
    delete bad.cards[1]!.summary;
    paste(JSON.stringify(bad, null, 2));
    fireEvent.click(importButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported. Fix these 3 problems and try again:');
    const paths = [...alert.querySelectorAll('.error-path')].map((node) => node.textContent);
    expect(paths).toEqual(expect.arrayContaining(['cards[0].level', 'cards[1].summary', 'cards[1].links[0].url']));
    expect(await dump()).toEqual(before);
  });

  it('reports malformed JSON with its line and column', async () => {
    render(<PacksTab />);
    await screen.findByRole('region', { name: 'Your packs' });
    paste('{\n  "schemaVersion": 1,\n  "id": "x",\n}');
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/line 3, column \d+/);
    expect(await db.packs.count()).toBe(0);
  });

  it('imports a chosen file and remembers its name', async () => {
    render(<PacksTab />);
    await screen.findByRole('region', { name: 'Your packs' });
    const input = screen.getByLabelText('Pack file') as HTMLInputElement;
    const file = new File([formatPack(pack('from-file', [card('a')], { name: 'From a file' }))], 'district-pack.json', {
      type: 'application/json',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    fireEvent.click(importButton());
    await screen.findByText(/Imported “From a file”: 1 added/);
    expect((await db.packs.get('from-file'))?.source).toEqual({ kind: 'local', fileName: 'district-pack.json' });
  });

  it('asks for a file or text when there is neither', async () => {
    render(<PacksTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import pack' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a file or paste a pack first.');
  });
});

describe('PacksTab: subscriptions', () => {
  it('refuses a URL that is not https, with the reason next to the field', async () => {
    render(<PacksTab />);
    const field = await screen.findByLabelText('Pack URL');
    fireEvent.input(field, { target: { value: 'http://packs.example/feed.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect((await screen.findByText('Use an https:// link (http is only allowed for localhost).')).id).toBe('pack-url-error');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(await db.packs.count()).toBe(0);
    expect(syncRequests).toEqual([]);
  });

  it('subscribes: asks for read access, stores the subscription and syncs it at once', async () => {
    syncReply = async ({ url }) => {
      await replacePack(pack('feed', [card('a')], { name: 'District feed' }), { kind: 'url', url: url!, lastSyncAt: Date.now() });
      await db.packs.delete(pendingPackId(url!));
      return [{ url: url!, outcome: 'updated', packId: 'feed', added: 1, updated: 0, removed: 0, warnings: 0 }];
    };
    render(<PacksTab />);
    fireEvent.input(await screen.findByLabelText('Pack URL'), { target: { value: 'https://packs.example/feed.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('https://packs.example/feed.json: updated (1 added, 0 changed, 0 removed)');
    expect(grantedOrigins).toEqual(new Set(['https://packs.example/*']));
    expect(syncRequests).toEqual([{ url: 'https://packs.example/feed.json' }]);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Subscribed' }).textContent).toContain('District feed'));
  });

  it('keeps a subscription whose first sync failed and shows why', async () => {
    syncReply = async ({ url }) => {
      await db.packs.update(pendingPackId(url!), {
        source: {
          kind: 'url',
          url: url!,
          subscribedBy: 'studio',
          lastSyncAt: Date.now(),
          lastError: 'invalid: cards[0].level: must be one of beginner',
        },
      });
      return [{ url: url!, outcome: 'failed', error: 'invalid: cards[0].level: must be one of beginner' }];
    };
    render(<PacksTab />);
    fireEvent.input(await screen.findByLabelText('Pack URL'), { target: { value: 'https://packs.example/broken.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText(
      'https://packs.example/broken.json: failed, the file is not a valid pack (cards[0].level: must be one of beginner)',
    );
    const subscribed = screen.getByRole('region', { name: 'Subscribed' });
    await waitFor(() => expect(subscribed.textContent).toContain('Last sync failed: the file is not a valid pack'));
    fireEvent.click(within(subscribed).getByRole('button', { name: 'Unsubscribe from https://packs.example/broken.json' }));
    await waitFor(async () => expect(await db.packs.count()).toBe(0));
  });

  it('refuses a URL that is already subscribed', async () => {
    await replacePack(pack('feed', [card('a')]), { kind: 'url', url: 'https://packs.example/feed.json' });
    render(<PacksTab />);
    fireEvent.input(await screen.findByLabelText('Pack URL'), { target: { value: 'https://packs.example/feed.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('You are already subscribed to this URL.');
    expect(syncRequests).toEqual([]);
  });

  it('Sync now asks the background for every subscription and shows each result', async () => {
    syncReply = async () => [
      { url: 'https://a.example/p.json', outcome: 'unchanged', packId: 'a' },
      { url: 'https://b.example/p.json', outcome: 'failed', error: 'timeout' },
    ];
    render(<PacksTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    await screen.findByText('https://a.example/p.json: no changes');
    expect(screen.getByText('https://b.example/p.json: failed, the server took too long to answer').className).toBe('error');
    expect(syncRequests).toEqual([{}]);
  });
});
