import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { DB_NAME, toCardRecord, type CardRecord, type PackRecord } from '../../../utils/platform/db';
import type { Pack } from '../../../utils/cards/schema';
import type { TabState } from '../../../utils/tabs/tab-state';
import type { Detection } from '../../../utils/tools/types';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { findChromium, missingBrowserReason } from './chromium';
import { poll } from './poll';

export { shouldRunBrowserTests } from './chromium';
export { poll } from './poll';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The build under test: `.output/chrome-mv3`, or under COACHMARK_OUT_DIR when the build was moved there. */
export const EXTENSION_DIR = resolve(ROOT, process.env.COACHMARK_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The copy of the build this browser loaded. */
  extensionDir: string;
  server: FixtureServer;
  /** A fresh tab at `url`, with its extension tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  tabIdOf(page: Page): Promise<number>;
  /** The panel page for a tab, opened as an ordinary tab (`sidepanel.html?tab=ID`). */
  openPanel(tabId: number, viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens an extension page such as `options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes every tab the tests opened (the harness's own helper tab stays). */
  closeTabs(): Promise<void>;
  readTabState(tabId: number): Promise<TabState | null>;
  /** Waits until the background stored `expected` as the tab's detection; returns the state. */
  waitForDetection(tabId: number, expected: Detection | null, timeoutMs?: number): Promise<TabState>;
  badgeText(tabId: number): Promise<string>;
  /** Runs a function in the background service worker (it sees `chrome.*`). */
  inBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Everything in the extension's real IndexedDB. */
  readDb(): Promise<{ packs: PackRecord[]; cards: CardRecord[] }>;
  /** Waits for the background to have loaded the bundled starter pack on install. */
  waitForStarterPack(timeoutMs?: number): Promise<PackRecord>;
  /**
   * Writes a pack into the extension's database, records shaped by utils/db.ts. Install before
   * opening a panel: pages watching the database are told only of writes made through Dexie.
   */
  installPack(pack: Pack): Promise<void>;
  /** Deletes a pack and its cards (same caveat as installPack). */
  removePack(packId: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Host names (wildcards allowed) the browser resolves to the fixture server. */
  hosts: readonly string[];
  /** Extra Chromium switches. */
  args?: string[];
  /**
   * Host permissions granted at install, as if the teacher had granted them: headless
   * Chromium never answers a permission prompt, so `permissions.request` stays pending.
   */
  grantHosts?: string[];
  /**
   * The browser's UI language ("es", "es-419"), which chrome.i18n (the catalogue) and
   * getUILanguage (the cards' language) follow. English unless a test is about another
   * language. On Linux, Chromium reads it from LANGUAGE, and only for a language whose UI it
   * has installed (Debian: chromium-l10n); --lang alone changes the catalogue but not
   * getUILanguage.
   */
  lang?: string;
}

const STACK_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** chrome.i18n follows the browser's UI language; tests read the English messages by default. */
const DEFAULT_LANG = 'en-US';

/**
 * Chromium with the built extension, every fixture host resolved to a local HTTPS server,
 * and every other host name unresolvable, so a test never reaches the network.
 */
export async function launchExtension(options: LaunchOptions): Promise<ExtensionHarness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`[e2e] cannot run: ${missingBrowserReason()}. Install chromium or set CHROMIUM_PATH.`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`[e2e] no built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  }

  const resources: Array<() => Promise<unknown>> = [];
  const release = async () => {
    for (const free of resources.reverse()) await free().catch(() => {});
    resources.length = 0;
  };

  try {
    // A private copy: a rebuild during the run cannot pull files from under the browser, and
    // grantHosts changes only the copy's manifest.
    const extensionDir = await copyExtension(options.grantHosts ?? []);
    resources.push(() => rm(extensionDir, { recursive: true, force: true }));
    const server = await startFixtureServer({ hosts: options.hosts });
    resources.push(() => server.close());
    const lang = options.lang ?? DEFAULT_LANG;

    const rules = [
      ...options.hosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`),
      'EXCLUDE 127.0.0.1',
      'EXCLUDE localhost',
      'MAP * ~NOTFOUND',
    ].join(', ');
    const context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      timeout: 30_000,
      // Playwright passes --disable-extensions unless told not to.
      ignoreDefaultArgs: ['--disable-extensions'],
      env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
      args: [
        ...STACK_ARGS,
        `--lang=${lang}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${rules}`,
        '--ignore-certificate-errors',
        ...(options.args ?? []),
      ],
    });
    resources.push(() => context.close());
    context.setDefaultTimeout(15_000);

    const worker = await extensionWorker(context);
    const harness = createHarness(context, worker, server);
    return { ...harness, extensionDir, close: release };
  } catch (error) {
    await release();
    throw error;
  }
}

function createHarness(
  context: BrowserContext,
  firstWorker: Worker,
  server: FixtureServer,
): Omit<ExtensionHarness, 'close' | 'extensionDir'> {
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  let worker = firstWorker;
  const tabIds = new WeakMap<Page, number>();
  const opened = new Set<Page>();
  let dbPage: Page | undefined;

  const inBackground = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    // Chrome may stop an idle service worker and start a new one for the next event.
    if (!context.serviceWorkers().includes(worker)) worker = await extensionWorker(context);
    // Arguments cross to the browser as JSON-like values; the callers pass plain data.
    return worker.evaluate(fn as (value: unknown) => R | Promise<R>, arg as unknown);
  };

  const allTabIds = () => inBackground(async () => (await chrome.tabs.query({})).map((tab) => tab.id!), undefined);

  const track = (page: Page) => {
    opened.add(page);
    page.once('close', () => opened.delete(page));
    return page;
  };

  const openTab = async (url: string) => {
    // A tab on a host Coachmark cannot read has no visible URL, so the new tab is the one
    // id that was not there before. Tests open tabs one at a time.
    const before = new Set(await allTabIds());
    const page = track(await context.newPage());
    const tabId = await poll(async () => (await allTabIds()).find((id) => !before.has(id)), 5_000, 'the new tab to get an id');
    tabIds.set(page, tabId);
    await page.goto(url, { waitUntil: 'load' });
    return { page, tabId };
  };

  const tabIdOf = async (page: Page) => {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    // Otherwise only a URL the extension can see identifies the tab.
    const url = page.url();
    const ids = await inBackground(
      async (target) => (await chrome.tabs.query({})).filter((tab) => tab.url === target).map((tab) => tab.id!),
      url,
    );
    if (ids.length !== 1) throw new Error(`tabIdOf: ${ids.length} tabs show ${url}; open the page with openTab()`);
    tabIds.set(page, ids[0]!);
    return ids[0]!;
  };

  const openExtensionPage = async (path: string) => {
    const page = track(await context.newPage());
    await page.goto(`${origin}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
    return page;
  };

  const openPanel = async (tabId: number, viewport?: { width: number; height: number }) => {
    const page = track(await context.newPage());
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`${origin}/sidepanel.html?tab=${tabId}`, { waitUntil: 'load' });
    await page.locator('[data-testid=panel-title]').waitFor();
    return page;
  };

  const readTabState = (tabId: number) =>
    inBackground(async (id) => {
      const key = `tab:${id}`;
      const stored = await chrome.storage.session.get(key);
      return (stored[key] as TabState | undefined) ?? null;
    }, tabId);

  const waitForDetection = async (tabId: number, expected: Detection | null, timeoutMs = 10_000) => {
    // The stored state must hold for a moment: a detection that is overwritten right after
    // (two writers racing) is not what the teacher sees.
    const stableMs = 300;
    let last: TabState | null = null;
    let matchingSince: number | null = null;
    try {
      return await poll(
        async () => {
          const state = await readTabState(tabId);
          last = state;
          if (!state || !isDeepStrictEqual(normalizeDetection(state.detection), normalizeDetection(expected))) {
            matchingSince = null;
            return undefined;
          }
          matchingSince ??= Date.now();
          return Date.now() - matchingSince >= stableMs ? state : undefined;
        },
        timeoutMs,
        'detection',
        50,
      );
    } catch {
      throw new Error(`Tab ${tabId}: expected detection ${JSON.stringify(expected)}; last stored state ${JSON.stringify(last)}`);
    }
  };

  // Database access goes through one extension page: IndexedDB belongs to the extension's
  // origin, and the service worker's copy of Dexie is not reachable from here.
  const withDbPage = async () => {
    if (!dbPage || dbPage.isClosed()) {
      dbPage = await context.newPage();
      await dbPage.goto(`${origin}/sidepanel.html`, { waitUntil: 'load' });
    }
    return dbPage;
  };

  const readDb = async () =>
    (await withDbPage()).evaluate(async (name) => {
      const known = await indexedDB.databases();
      if (!known.some((info) => info.name === name)) return { packs: [], cards: [] };
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('packs') || !db.objectStoreNames.contains('cards')) return { packs: [], cards: [] };
        const transaction = db.transaction(['packs', 'cards'], 'readonly');
        const all = <T>(store: string) =>
          new Promise<T[]>((done, fail) => {
            const request = transaction.objectStore(store).getAll();
            request.onsuccess = () => done(request.result as T[]);
            request.onerror = () => fail(request.error);
          });
        const [packs, cards] = await Promise.all([all<PackRecord>('packs'), all<CardRecord>('cards')]);
        return { packs, cards };
      } finally {
        db.close();
      }
    }, DB_NAME);

  const waitForStarterPack = (timeoutMs = 15_000) =>
    poll(async () => (await readDb()).packs.find((pack) => pack.source.kind === 'builtin'), timeoutMs, 'the starter pack to be loaded');

  /** Runs one readwrite transaction on the extension's database from its own origin. */
  const writeDb = async (change: { putPack?: PackRecord; putCards?: CardRecord[]; deletePack?: string }) => {
    await (
      await withDbPage()
    ).evaluate(
      async ({ name, change }) => {
        // The database must already exist with Dexie's schema: opening a missing one here
        // would create an empty version that Dexie then has to upgrade.
        if (!(await indexedDB.databases()).some((info) => info.name === name)) throw new Error(`no ${name} database yet`);
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        try {
          await new Promise<void>((done, fail) => {
            const transaction = db.transaction(['packs', 'cards'], 'readwrite');
            const cards = transaction.objectStore('cards');
            const packs = transaction.objectStore('packs');
            const putAll = () => {
              for (const card of change.putCards ?? []) cards.put(card);
              if (change.putPack) packs.put(change.putPack);
            };
            if (change.deletePack === undefined) putAll();
            else {
              // Deletes first, then puts: requests run in the order they are made.
              packs.delete(change.deletePack);
              const keys = cards.index('pack').getAllKeys(change.deletePack);
              keys.onsuccess = () => {
                for (const key of keys.result) cards.delete(key);
                putAll();
              };
            }
            transaction.oncomplete = () => done();
            transaction.onerror = () => fail(transaction.error);
            transaction.onabort = () => fail(transaction.error);
          });
        } finally {
          db.close();
        }
      },
      { name: DB_NAME, change },
    );
  };

  const installPack = async (pack: Pack) => {
    const packRecord: PackRecord = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      description: pack.description,
      source: { kind: 'local', fileName: `${pack.id}.json` },
      cardCount: pack.cards.length,
      updatedAt: Date.now(),
    };
    await writeDb({ deletePack: pack.id, putPack: packRecord, putCards: pack.cards.map((card) => toCardRecord(pack.id, card)) });
  };

  return {
    context,
    extensionId,
    server,
    openTab,
    tabIdOf,
    openPanel,
    openExtensionPage,
    closeTabs: async () => {
      for (const page of [...opened]) await page.close().catch(() => {});
    },
    readTabState,
    waitForDetection,
    badgeText: (tabId) => inBackground((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    inBackground,
    readDb,
    waitForStarterPack,
    installPack,
    removePack: (packId) => writeDb({ deletePack: packId }),
  };
}

/** Key order differs between the stored object and a literal; compare field by field. */
function normalizeDetection(detection: Detection | null): Detection | null {
  return detection ? { tool: detection.tool, context: detection.context } : null;
}

async function copyExtension(grantHosts: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coachmark-e2e-ext-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  if (grantHosts.length > 0) {
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantHosts];
    await writeFile(manifestPath, JSON.stringify(manifest));
  }
  return dir;
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { timeout: 15_000, predicate: isExtension });
}

// The service worker's `chrome` global, as far as these helpers use it (the callbacks above
// run in the browser, not in Node).
declare const chrome: {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
