import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { describeFindings, seriousViolations, type AxeFinding } from './support/axe';
import { PanelPage } from './support/pages';
import { testPack } from './support/test-pack';

// axe-core in real Chromium: the panel in the states a teacher sees (a card expanded, search
// results, the ping form open) and every studio tab, each in the light and the dark theme. Zero
// serious or critical violations. One page per surface, re-rendered in place, to stay fast.
const HOST = 'district.instructure.com';
const SPEEDGRADER = `https://${HOST}/courses/101/gradebook/speed_grader?assignment_id=5`;
const STUDIO_TABS = ['packs', 'cards', 'library', 'gaps', 'plans', 'mentors', 'settings', 'domains', 'privacy'] as const;
const THEMES = ['light', 'dark'] as const;

/** Runs axe in both themes on the page as it is now; returns every finding, labelled. */
async function auditBothThemes(page: Page, where: string): Promise<string[]> {
  const report: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    const findings: AxeFinding[] = await seriousViolations(page);
    if (findings.length > 0) report.push(describeFindings(`${where} (${theme})`, findings));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return report;
}

describe.skipIf(!shouldRunBrowserTests())('accessibility (axe-core, serious and critical)', () => {
  let h: ExtensionHarness;
  let tabId: number;

  beforeAll(async () => {
    h = await launchExtension({ hosts: [HOST] });
    await h.waitForStarterPack();
    await h.installPack(testPack());
    // An endpoint and a name, so that "Ping a mentor" opens the form itself, not the setup notice.
    await h.inBackground((settings) => chrome.storage.local.set({ settings }), {
      endpointUrl: 'https://chat.district.example/hooks/coachmark',
      endpointFormat: 'slack',
      teacherName: 'Ana Ruiz',
      schoolName: 'Lincoln Middle School',
    });
    ({ tabId } = await h.openTab(SPEEDGRADER));
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('panel: a card expanded with its feedback menu, search results, the ping form, the requests', async () => {
    const page = await h.openPanel(tabId);
    const panel = new PanelPage(page);
    const report: string[] = [];

    const card = await panel.openCard('Leave feedback in SpeedGrader');
    await card.locator('.card-feedback__toggle').click();
    await card.getByRole('button', { name: 'This helped' }).waitFor();
    report.push(...(await auditBothThemes(page, 'panel, card open, feedback menu open')));

    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.fill('rubric');
    await page.locator('.search-results article.card').first().waitFor();
    report.push(...(await auditBothThemes(page, 'panel, search results')));
    await search.fill('');

    await page.getByRole('button', { name: 'Ping a mentor' }).click();
    await page.locator('#ping-message').waitFor();
    report.push(...(await auditBothThemes(page, 'panel, ping form')));

    // A ping sent (the endpoint is not there: it waits and retries), then "Your requests".
    await page.locator('#ping-message').fill('How do I hide grades until I post them?');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await panel.openRequests();
    await page.getByTestId('outbox-item').first().waitFor();
    report.push(...(await auditBothThemes(page, 'panel, your requests')));

    // The plan with a goal and its next steps, then the meeting summary.
    await page.getByRole('button', { name: 'My plan' }).click();
    await page.getByRole('textbox', { name: 'Your goal' }).fill('Give audio feedback on every essay');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByTestId('goal').waitFor();
    report.push(...(await auditBothThemes(page, 'panel, my plan')));
    await page.getByRole('button', { name: 'Prepare for my meeting' }).click();
    await page.getByTestId('plan-summary').waitFor();
    report.push(...(await auditBothThemes(page, 'panel, meeting summary')));

    expect(report, report.join('\n')).toEqual([]);
  });

  it('studio: every tab', async () => {
    const page = await h.openExtensionPage(`options.html#${STUDIO_TABS[0]}`);
    const report: string[] = [];
    for (const tab of STUDIO_TABS) {
      await page.evaluate((name) => (location.hash = name), tab);
      await page.locator(`#studio-tab-${tab}[aria-selected=true]`).waitFor();
      // The tab renders nothing, or a loading line, until its data is there.
      await page.waitForFunction(
        () => {
          const panel = document.getElementById('studio-panel');
          return !!panel && (panel.textContent ?? '').trim().length > 0 && !panel.querySelector('[aria-busy=true], .status');
        },
        undefined,
        { timeout: 10_000, polling: 100 },
      );
      report.push(...(await auditBothThemes(page, `studio ${tab}`)));
    }
    expect(report, report.join('\n')).toEqual([]);
  });
});

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
