import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DB_NAME, type CardRecord, type OutboxItem, type PackRecord } from '../../../utils/platform/db';
import type { TabState } from '../../../utils/tabs/tab-state';
import type { Detection } from '../../../utils/tools/types';
import { startFixtureServer, type FixtureServer } from '../../e2e/support/fixture-server';
import { poll } from '../../e2e/support/poll';
import { browserFinder } from '../../e2e/support/find-browser';
import { navigate, setViewport, waitFor } from './bidi';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';

export { poll } from '../../e2e/support/poll';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The Firefox build under test: `.output/firefox-mv2`, or under COACHMARK_OUT_DIR when the build was moved there. */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env.COACHMARK_OUT_DIR ?? '.output', 'firefox-mv2');

const firefox = browserFinder({
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr'],
  hint: 'install firefox-esr or set FIREFOX_PATH',
  tag: 'e2e-firefox',
});

/** The browser to drive: FIREFOX_PATH if set, else Debian's Firefox ESR. */
export const findFirefox = firefox.find;
/** Whether to run the Firefox suite: skipped without Firefox on a developer's machine, run (and failing) on CI. */
export const shouldRunFirefoxTests = firefox.shouldRun;
export const missingFirefoxReason = firefox.missingReason;

/**
 * The moz-extension:// host the add-on gets. Firefox picks a random one per profile unless the
 * profile says which, so the panel's address is known before the add-on is installed.
 */
export const EXTENSION_UUID = '6f1c3b2a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export interface FirefoxHarness {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  origin: string;
  server: FixtureServer;
  proxy: ConnectProxy;
  /** A fresh tab at `url`, with its extension tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** The panel page for a tab, opened as an ordinary tab (`sidepanel.html?tab=ID`), once it shows its header. */
  openPanel(tabId: number, viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens an extension page such as `options.html#settings`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes every tab the tests opened (the harness's own extension page stays). */
  closeTabs(): Promise<void>;
  readTabState(tabId: number): Promise<TabState | null>;
  /** Waits until the background stored `expected` as the tab's detection; returns the state. */
  waitForDetection(tabId: number, expected: Detection, timeoutMs?: number): Promise<TabState>;
  /** Every card in the extension's real IndexedDB. */
  readCards(): Promise<CardRecord[]>;
  /** Waits for the background to have loaded the bundled starter pack on install. */
  waitForStarterPack(timeoutMs?: number): Promise<PackRecord>;
  /** Every item in the extension's outbox. */
  readOutbox(): Promise<OutboxItem[]>;
  /** The data-collection categories the add-on holds now (`permissions.getAll().data_collection`). */
  dataCollection(): Promise<string[]>;
  /** Turns data-collection categories off, as the teacher can in about:addons (no gesture needed to give one back). */
  withdrawDataCollection(categories: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Host names (wildcards allowed) the proxy tunnels to the fixture server; it refuses every other. */
  hosts: readonly string[];
}

/**
 * Firefox ESR with the Firefox build installed as a temporary add-on, the fixture hosts served
 * over HTTPS at their real names through a local proxy, and every other host refused, so a
 * test never reaches the network. Loopback addresses (a test's endpoint) are never proxied.
 */
export async function launchFirefoxExtension(options: FirefoxLaunchOptions): Promise<FirefoxHarness> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`[e2e-firefox] cannot run: ${missingFirefoxReason()}.`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`[e2e-firefox] no Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first`);
  }

  const resources: Array<() => Promise<unknown>> = [];
  const release = async () => {
    for (const free of resources.reverse()) await free().catch(() => {});
    resources.length = 0;
  };

  try {
    // A private copy: a temporary add-on is read from its folder, and a rebuild during the run
    // must not pull files from under the browser.
    const extensionDir = await mkdtemp(join(tmpdir(), 'coachmark-e2e-firefox-'));
    resources.push(() => rm(extensionDir, { recursive: true, force: true }));
    await cp(FIREFOX_EXTENSION_DIR, extensionDir, { recursive: true });
    const geckoId = await readGeckoId(extensionDir);

    const server = await startFixtureServer({ hosts: options.hosts });
    resources.push(() => server.close());
    const proxy = await startConnectProxy({ hosts: options.hosts, targetPort: server.port });
    resources.push(() => proxy.close());

    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      timeout: 30_000,
      // The fixture certificate is self-signed.
      acceptInsecureCerts: true,
      // Scripts in moz-extension:// pages are reachable over WebDriver BiDi only with this.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // Every http and https request goes to the proxy; Firefox never proxies loopback.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // browser.i18n follows the browser's language; the tests read the English messages.
        'intl.locale.requested': 'en-US',
        // A headless browser cannot answer the data-consent prompt of the first Send: with this,
        // Firefox grants an optional permission request (data_collection too) without asking,
        // still only inside a user gesture.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    resources.push(() => firefox.close());

    await firefox.installExtension(extensionDir);
    const harness = await createHarness(firefox, server, proxy);
    return { ...harness, close: release };
  } catch (error) {
    await release();
    throw error;
  }
}

async function readGeckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('[e2e-firefox] the Firefox build has no browser_specific_settings.gecko.id');
  return id;
}

async function createHarness(firefox: Browser, server: FixtureServer, proxy: ConnectProxy): Promise<Omit<FirefoxHarness, 'close'>> {
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const opened = new Set<Page>();

  // The extension API is reached from one extension page of its own (the panel page without a
  // tab): tab ids, storage.session and IndexedDB all belong to the extension there, and opening
  // the MV2 background page a second time would start a second background.
  const [first] = await firefox.pages();
  const probe = first ?? (await firefox.newPage());
  await navigate(probe, `${origin}/sidepanel.html`);

  const allTabIds = () => probe.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.id!));

  const track = async (page: Page) => {
    opened.add(page);
    page.once('close', () => opened.delete(page));
    return page;
  };

  const openTab = async (url: string) => {
    // A tab on a page Coachmark cannot read has no visible URL, so the new tab is the one id
    // that was not there before. Tests open tabs one at a time.
    const before = new Set(await allTabIds());
    const page = await track(await firefox.newPage());
    const tabId = await poll(async () => (await allTabIds()).find((id) => !before.has(id)), 5_000, 'the new tab to get an id');
    await page.goto(url, { waitUntil: 'load' });
    return { page, tabId };
  };

  const openExtensionPage = async (path: string) => {
    const page = await track(await firefox.newPage());
    await navigate(page, `${origin}/${path.replace(/^\//, '')}`);
    return page;
  };

  const openPanel = async (tabId: number, viewport?: { width: number; height: number }) => {
    const page = await track(await firefox.newPage());
    if (viewport) await setViewport(page, viewport);
    await navigate(page, `${origin}/sidepanel.html?tab=${tabId}`);
    await (await waitFor(page, '[data-testid=panel-title]')).dispose();
    return page;
  };

  const readTabState = (tabId: number) =>
    probe.evaluate(async (key) => {
      const stored = await browser.storage.session.get(key);
      return (stored[key] as TabState | undefined) ?? null;
    }, `tab:${tabId}`);

  const waitForDetection = async (tabId: number, expected: Detection, timeoutMs = 10_000) => {
    let last: TabState | null = null;
    try {
      return await poll(
        async () => {
          const state = await readTabState(tabId);
          last = state;
          const found = state?.detection;
          return state && found && isDeepStrictEqual({ tool: found.tool, context: found.context }, expected) ? state : undefined;
        },
        timeoutMs,
        'detection',
        50,
      );
    } catch {
      throw new Error(`Tab ${tabId}: expected detection ${JSON.stringify(expected)}; last stored state ${JSON.stringify(last)}`);
    }
  };

  /** One store's records, read with plain IndexedDB from the extension's origin (empty before the database exists). */
  const readStore = <T>(store: 'packs' | 'cards' | 'outbox') =>
    probe.evaluate(
      async (name, storeName) => {
        if (!(await indexedDB.databases()).some((info) => info.name === name)) return [];
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        try {
          if (!db.objectStoreNames.contains(storeName)) return [];
          return await new Promise<unknown[]>((done, fail) => {
            const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            request.onsuccess = () => done(request.result as unknown[]);
            request.onerror = () => fail(request.error);
          });
        } finally {
          db.close();
        }
      },
      DB_NAME,
      store,
    ) as Promise<T[]>;

  return {
    browser: firefox,
    origin,
    server,
    proxy,
    openTab,
    openPanel,
    openExtensionPage,
    closeTabs: async () => {
      for (const page of [...opened]) await page.close().catch(() => {});
    },
    readTabState,
    waitForDetection,
    readCards: () => readStore<CardRecord>('cards'),
    readOutbox: () => readStore<OutboxItem>('outbox'),
    dataCollection: () => probe.evaluate(async () => (await browser.permissions.getAll()).data_collection ?? []),
    withdrawDataCollection: async (categories) => {
      await probe.evaluate((data_collection) => browser.permissions.remove({ data_collection }), [...categories]);
    },
    waitForStarterPack: (timeoutMs = 15_000) =>
      poll(
        async () => (await readStore<PackRecord>('packs')).find((pack) => pack.source.kind === 'builtin'),
        timeoutMs,
        'the starter pack to be loaded',
      ),
  };
}

// The extension API of an extension page, as far as these helpers use it: the callbacks above
// run in Firefox, not in Node (the puppeteer Browser is `firefox` in this file).
declare const browser: {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  permissions: {
    getAll(): Promise<{ data_collection?: string[] }>;
    remove(permissions: { data_collection: string[] }): Promise<boolean>;
  };
};
