import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILE, syncCustomDomains } from '../../../utils/settings/school-domains.background';

/**
 * syncCustomDomains against an in-memory browser: registered scripts, granted origins, open
 * tabs. The real APIs are exercised end to end in tests/e2e/custom-domains.e2e.ts; this covers
 * what the browser run cannot: giving a permission back (a test build's pre-granted origin is
 * a required permission, which cannot be removed).
 */

interface Script {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

let scripts: Map<string, Script>;
let granted: Set<string>;
let removedOrigins: string[];
let injected: Array<{ tabId: number; files: string[] }>;
let openTabs: Array<{ id: number; url: string }>;
let policy: Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  scripts = new Map();
  granted = new Set();
  removedOrigins = [];
  injected = [];
  openTabs = [];
  policy = {};
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: Script[]) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      }
      for (const script of list) scripts.set(script.id, script);
    },
    unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => {
      for (const id of ids) if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      return [];
    },
  });
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)),
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      removedOrigins.push(...origins);
      for (const origin of origins) granted.delete(origin);
      return true;
    },
  });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({
      manifest_version: 3,
      name: 'Coachmark',
      version: '0',
      content_scripts: [{ matches: ['https://*.instructure.com/*'], js: [CONTENT_SCRIPT_FILE] }],
    }),
  });
  Object.assign(fakeBrowser.tabs, {
    query: async ({ url }: { url?: string }) => openTabs.filter((tab) => url && tab.url.startsWith(url.replace(/\*$/, ''))),
  });
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
});

const setUserDomains = (domains: string[], extra: Record<string, unknown> = {}) =>
  fakeBrowser.storage.local.set({ settings: { selfHostedDomains: domains, ...extra } });

describe('syncCustomDomains', () => {
  it('registers the content script for each granted domain, from policy and from the teacher', async () => {
    policy = { selfHostedDomains: ['canvas.district.org'] };
    await setUserDomains(['moodle.district.org', 'ungranted.district.org']);
    granted = new Set(['https://canvas.district.org/*', 'https://moodle.district.org/*']);
    await syncCustomDomains();
    expect([...scripts.values()]).toEqual([
      {
        id: 'custom-domain:canvas.district.org',
        js: ['content-scripts/content.js'],
        matches: ['https://canvas.district.org/*'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
      {
        id: 'custom-domain:moodle.district.org',
        js: ['content-scripts/content.js'],
        matches: ['https://moodle.district.org/*'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('injects into tabs already open on a newly registered domain, once', async () => {
    await setUserDomains(['moodle.district.org']);
    granted.add('https://moodle.district.org/*');
    openTabs = [
      { id: 7, url: 'https://moodle.district.org/course/view.php?id=2' },
      { id: 8, url: 'https://elsewhere.example/' },
    ];
    await syncCustomDomains();
    await syncCustomDomains();
    expect(injected).toEqual([{ tabId: 7, files: ['/content-scripts/content.js'] }]);
  });

  it('unregisters when the permission is withdrawn, keeping the domain listed', async () => {
    await setUserDomains(['moodle.district.org']);
    granted.add('https://moodle.district.org/*');
    await syncCustomDomains();
    granted.clear();
    await syncCustomDomains();
    expect(scripts.size).toBe(0);
    expect(removedOrigins).toEqual([]);
  });

  it('unregisters and gives back the permission of a domain that left the list', async () => {
    await setUserDomains(['moodle.district.org', 'canvas.district.org']);
    granted = new Set(['https://moodle.district.org/*', 'https://canvas.district.org/*']);
    await syncCustomDomains();
    await setUserDomains(['canvas.district.org']);
    await syncCustomDomains();
    expect([...scripts.keys()]).toEqual(['custom-domain:canvas.district.org']);
    expect(removedOrigins).toEqual(['https://moodle.district.org/*']);
  });

  it('keeps the permission when the endpoint lives on the removed domain', async () => {
    await setUserDomains(['lms.district.org'], { endpointUrl: 'https://lms.district.org/coachmark/hook' });
    granted.add('https://lms.district.org/*');
    await syncCustomDomains();
    await setUserDomains([], { endpointUrl: 'https://lms.district.org/coachmark/hook' });
    await syncCustomDomains();
    expect(scripts.size).toBe(0);
    expect(removedOrigins).toEqual([]);
  });

  it('never registers a catalogue host twice, and survives overlapping syncs', async () => {
    await setUserDomains(['district.instructure.com', 'moodle.district.org']);
    granted = new Set(['https://district.instructure.com/*', 'https://moodle.district.org/*']);
    await Promise.all([syncCustomDomains(), syncCustomDomains(), syncCustomDomains()]);
    expect([...scripts.keys()]).toEqual(['custom-domain:moodle.district.org']);
  });
});
