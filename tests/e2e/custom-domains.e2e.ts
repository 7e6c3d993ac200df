import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';

// A district's own Moodle on a domain no catalogue host covers. Headless Chromium never answers a
// permission prompt (chrome.permissions.request() from a clicked button stays pending), so the
// origin for the domain that gets access is pre-granted in the test copy's manifest; the studio
// then adds the domain through its real form, whose request resolves at once for a granted origin.
const HOST = 'moodle.lincoln-schools.example';
const ORIGIN = `https://${HOST}/*`;
const UNGRANTED = 'lms.other-district.example';
const COURSE = `https://${HOST}/course/view.php?id=12`;
const SUBMISSIONS = `https://${HOST}/mod/assign/view.php?id=345&action=grading`;
const SCRIPT_ID = `custom-domain:${HOST}`;
const WAIT = { timeout: 10_000, interval: 100 };

// Page shells reproduced from real pages (tests/fixtures/shells/, served at these hosts): today's
// Brightspace navigation, a Moodle under /moodle/, and Canvas's bare layout (Platform SpeedGrader).
const SHELL_PAGES = [
  {
    host: 'brightspace.lincoln-schools.example',
    path: '/d2l/le/content/6606/Home',
    detection: { tool: 'brightspace', context: 'content' },
  },
  { host: 'lms.lincoln-schools.example', path: '/moodle/course/view.php?id=12', detection: { tool: 'moodle', context: 'course-home' } },
  {
    host: 'canvas.lincoln-schools.example',
    path: '/courses/1234/gradebook/speed_grader?assignment_id=5&student_id=9',
    detection: { tool: 'canvas', context: 'speedgrader' },
  },
];

interface Registered {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

describe.skipIf(!shouldRunBrowserTests())('school domains: self-hosted installs are detected once their domain is added', () => {
  let h: ExtensionHarness;

  const registered = () => h.inBackground(() => chrome.scripting.getRegisteredContentScripts() as Promise<Registered[]>, undefined);

  beforeAll(async () => {
    const shellHosts = SHELL_PAGES.map((page) => page.host);
    h = await launchExtension({
      hosts: [HOST, UNGRANTED, ...shellHosts],
      grantHosts: [ORIGIN, ...shellHosts.map((host) => `https://${host}/*`)],
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('detects Moodle on an open tab and on new pages after the studio adds the domain; removing it stops detection', async () => {
    const { page: moodle, tabId } = await h.openTab(COURSE);
    expect(await moodle.locator('body.pagelayout-course').count()).toBe(1);
    // Not a catalogue host: nothing reads this page yet.
    await h.waitForDetection(tabId, null);
    expect(await registered()).toEqual([]);

    const studio = await h.openExtensionPage('options.html#domains');
    await studio.getByRole('textbox', { name: 'Domain' }).fill(`  HTTPS://${HOST}/course  `);
    await studio.getByRole('button', { name: 'Add domain' }).click();
    // A URL is refused with a clear message, and nothing is saved.
    await expect.poll(() => studio.getByRole('alert').textContent(), WAIT).toContain('https://');
    await studio.getByRole('textbox', { name: 'Domain' }).fill(HOST.toUpperCase());
    await studio.getByRole('button', { name: 'Add domain' }).click();

    const row = studio.locator('.domains__item', { hasText: HOST });
    await expect.poll(() => row.textContent(), WAIT).toContain('Active');
    await expect.poll(() => row.textContent(), WAIT).toContain('Added by you');

    // The background registered the built content script for exactly this origin…
    const scripts = await poll(
      async () => {
        const all = await registered();
        return all.some((script) => script.id === SCRIPT_ID) ? all : undefined;
      },
      10_000,
      'the content script registration',
    );
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({
      id: SCRIPT_ID,
      js: ['content-scripts/content.js'],
      matches: [ORIGIN],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    // …injected it into the tab already open on the domain…
    await h.waitForDetection(tabId, { tool: 'moodle', context: 'course-home' });
    // …and it runs by itself on pages loaded from now on.
    const { tabId: second } = await h.openTab(SUBMISSIONS);
    await h.waitForDetection(second, { tool: 'moodle', context: 'submissions' });

    // A domain without access is listed with a way to grant it, and gets no script.
    await studio.getByRole('textbox', { name: 'Domain' }).fill(UNGRANTED);
    await studio.getByRole('button', { name: 'Add domain' }).click();
    const pending = studio.locator('.domains__item', { hasText: UNGRANTED });
    await expect.poll(() => pending.textContent(), WAIT).toContain('Permission needed');
    expect(await pending.getByRole('button', { name: `Grant access to ${UNGRANTED}` }).isVisible()).toBe(true);
    expect((await registered()).map((script) => script.id)).toEqual([SCRIPT_ID]);

    // Removing the domain unregisters the script: a new page there is not read any more.
    await studio.getByRole('button', { name: `Remove ${HOST}` }).click();
    await expect.poll(async () => (await registered()).map((script) => script.id), WAIT).toEqual([]);
    await expect.poll(() => studio.locator('.domains__item', { hasText: HOST }).count(), WAIT).toBe(0);
    const { tabId: third } = await h.openTab(COURSE);
    await h.waitForDetection(third, null);
    await moodle.waitForTimeout(1_000);
    expect((await h.readTabState(third))?.detection ?? null).toBeNull();
  });

  it('recognises real page shells on school domains: Brightspace today, Moodle in a sub-folder, Canvas without its app shell', async () => {
    const studio = await h.openExtensionPage('options.html#domains');
    for (const { host } of SHELL_PAGES) {
      await studio.getByRole('textbox', { name: 'Domain' }).fill(host);
      await studio.getByRole('button', { name: 'Add domain' }).click();
      await expect.poll(() => studio.locator('.domains__item', { hasText: host }).textContent(), WAIT).toContain('Active');
    }
    for (const { host, path, detection } of SHELL_PAGES) {
      const { tabId } = await h.openTab(`https://${host}${path}`);
      await h.waitForDetection(tabId, detection);
    }
  });
});

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
};
