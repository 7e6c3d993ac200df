import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import {
  canWritePolicy,
  CHROMIUM_POLICY_DIR,
  extensionIdForPath,
  removeStalePolicies,
  writeExtensionPolicy,
  type PolicyFile,
} from './support/policy';

// District IT configures Coachmark with a real Chromium policy file (3rdparty.extensions.<id>),
// read through storage.managed and public/managed-schema.json. Writing machine policy needs root,
// as on CI; elsewhere the suite is skipped with a warning.
const HOST = 'moodle.lincoln-schools.example';
const ORIGIN = `https://${HOST}/*`;
const WAIT = { timeout: 10_000, interval: 100 };

const POLICY = {
  endpointUrl: 'https://chat.lincoln-schools.example/hooks/coachmark',
  endpointFormat: 'teams',
  schoolName: 'Lincoln Middle School',
  selfHostedDomains: [HOST],
  coachMode: true,
  lockedSettings: ['endpointUrl', 'endpointFormat', 'coachMode', 'selfHostedDomains'],
};

const writable = await canWritePolicy();
const run = shouldRunBrowserTests() && (writable || Boolean(process.env.CI));
if (!writable && run) console.warn(`[e2e] ${CHROMIUM_POLICY_DIR} is not writable: the policy suite will fail (run as root)`);
if (!writable && !run) console.warn(`[e2e] policy suite skipped: ${CHROMIUM_POLICY_DIR} is not writable (run as root)`);

describe.skipIf(!run)('managed policy from a Chromium policy file', () => {
  let h: ExtensionHarness;
  let policy: PolicyFile | undefined;

  beforeAll(async () => {
    // The Moodle origin stands in for the teacher's grant (headless Chromium cannot answer the prompt).
    await removeStalePolicies();
    h = await launchExtension({ hosts: [HOST], grantHosts: [ORIGIN] });
    policy = await writeExtensionPolicy(h.extensionId, { ...POLICY, notAPolicy: 'dropped by the schema' });
    try {
      // Chromium notices the new file by itself (about a second here).
      await poll(
        () => h.inBackground(async () => ((await chrome.storage.managed.get(null)).endpointUrl ? true : undefined), undefined),
        20_000,
        'the policy to reach storage.managed',
      );
    } catch (error) {
      await policy.remove();
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await policy?.remove();
    } finally {
      await h?.close();
    }
  });

  it('targets the unpacked build by the id derived from its path, and passes exactly the declared keys', async () => {
    expect(extensionIdForPath(h.extensionDir)).toBe(h.extensionId);
    const managed = await h.inBackground(() => chrome.storage.managed.get(null), undefined);
    expect(managed).toEqual(POLICY);
  });

  it('shows policy values in Settings; locked fields are disabled and say "Set by your school"', async () => {
    const studio = await h.openExtensionPage('options.html#settings');
    const url = studio.getByRole('textbox', { name: 'Endpoint URL' });
    await expect.poll(() => url.inputValue(), WAIT).toBe(POLICY.endpointUrl);
    expect(await url.isDisabled()).toBe(true);
    expect(await descriptionOf(url)).toContain('Set by your school');

    const format = studio.getByRole('combobox', { name: 'Format' });
    expect(await format.inputValue()).toBe('teams');
    expect(await format.isDisabled()).toBe(true);
    expect(await descriptionOf(format)).toContain('Set by your school');

    const coach = studio.getByRole('checkbox', { name: 'Coach mode' });
    expect(await coach.isChecked()).toBe(true);
    expect(await coach.isDisabled()).toBe(true);

    // Not locked: the school's value is a default the teacher may change.
    const school = studio.getByRole('textbox', { name: 'School' });
    expect(await school.inputValue()).toBe(POLICY.schoolName);
    expect(await school.isDisabled()).toBe(false);
    expect(await descriptionOf(school)).not.toContain('Set by your school');
    expect(await studio.getByText('Set by your school').count()).toBe(3);
  });

  it('lists the school’s domain as set by the school and reads pages there with no teacher action', async () => {
    const studio = await h.openExtensionPage('options.html#domains');
    const row = studio.locator('.domains__item', { hasText: HOST });
    await expect.poll(() => row.textContent(), WAIT).toContain('Set by your school');
    await expect.poll(() => row.textContent(), WAIT).toContain('Active');
    expect(await row.getByRole('button').count()).toBe(0);
    // The list is locked: no way to add a domain.
    expect(await studio.getByRole('textbox', { name: 'Domain' }).count()).toBe(0);
    expect(await studio.getByText('Your school manages this list.').isVisible()).toBe(true);

    const { tabId } = await h.openTab(`https://${HOST}/mod/assign/view.php?id=345`);
    await h.waitForDetection(tabId, { tool: 'moodle', context: 'assignment' });
  });
});

async function descriptionOf(locator: import('playwright-core').Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

declare const chrome: {
  storage: { managed: { get(keys: null): Promise<Record<string, unknown>> } };
};
