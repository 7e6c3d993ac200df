import { browser } from 'wxt/browser';
import { domainPattern, hasOrigins, removeOrigins, watchPermissions } from '../platform/permissions';
import { serialQueue } from '../platform/single-flight';
import { domainEntries, domainScriptId, planRegistrations } from './school-domains';
import { readPolicy, readUserSettings, watchSettingsChanges } from './settings';

/** The built content script (entrypoints/content.ts), registered again for each school domain. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * Self-hosted installs: for every school domain (policy or studio) whose host permission the
 * teacher granted, a dynamically registered copy of the content script, so that detection can
 * read the page's signature there. Kept in step with the list and the permissions; a domain that
 * leaves the list loses its script and its permission.
 */
export function setupCustomDomains(): void {
  const resync = () => void syncCustomDomains().catch((error: unknown) => console.error('Coachmark: school domains', error));
  watchPermissions(resync);
  watchSettingsChanges(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
  resync();
}

const syncs = serialQueue<'domains'>();

/** One sync at a time: two overlapping ones would register the same id twice. */
export function syncCustomDomains(): Promise<void> {
  return syncs.run('domains', syncNow);
}

async function syncNow(): Promise<void> {
  const [user, policy] = await Promise.all([readUserSettings(), readPolicy()]);
  const domains = domainEntries(user, policy).map((entry) => entry.domain);
  const grantedFlags = await Promise.all(domains.map((domain) => hasOrigins([domainPattern(domain)])));
  const granted = new Set(domains.filter((_, index) => grantedFlags[index]));
  const registered = await browser.scripting.getRegisteredContentScripts();
  const staticMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  const plan = planRegistrations({ domains, granted, staticMatches, registeredIds: registered.map((script) => script.id) });

  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length > 0) {
    await browser.scripting.registerContentScripts(
      plan.register.map((domain) => ({
        id: domainScriptId(domain),
        js: [CONTENT_SCRIPT_FILE],
        matches: [domainPattern(domain)],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
    // Registration only affects pages loaded from now on; tabs already open on the domain
    // (the teacher added it while looking at the LMS) get the script now.
    await Promise.all(plan.register.map(injectIntoOpenTabs));
  }
  // The endpoint (the teacher's or the school's) may live on the same host and need the
  // permission to deliver pings.
  const endpointHosts = new Set([hostOf(user.endpointUrl ?? ''), hostOf(policy.endpointUrl ?? '')]);
  for (const domain of plan.revoke) {
    if (endpointHosts.has(domain)) continue;
    await removeOrigins([domainPattern(domain)]);
  }
}

async function injectIntoOpenTabs(domain: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: domainPattern(domain) }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}` as const] }).catch(() => {
            // The tab navigated away or shows an error page.
          }),
    ),
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
