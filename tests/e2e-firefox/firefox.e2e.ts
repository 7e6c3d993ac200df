import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension, poll, shouldRunFirefoxTests, type FirefoxHarness } from './support/firefox';
import { byRole, click, fill, textOf, typeInto, waitFor } from './support/bidi';
import { startRecorder, type Recorder } from '../e2e/support/fixture-server';
import { corsEndpoint } from '../e2e/support/endpoint';
import type { CardRecord } from '../../utils/platform/db';
import { visibleCards } from '../../utils/cards/replacements';
import { OPTIONAL_DATA_COLLECTION } from '../../utils/platform/data-consent';

const HOSTS = ['*.instructure.com', 'classroom.google.com'];
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const REDACTED_SPEEDGRADER = 'https://district.instructure.com/courses/:id/gradebook/speed_grader';
const CLASSROOM_STREAM_URL = 'https://classroom.google.com/c/NjQ4';
/** Firefox's sidebar opens about this wide. */
const SIDEBAR = { width: 250, height: 700 };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const sorted = (list: readonly string[]) => [...list].sort();
const titlesOf = (cards: CardRecord[]) => cards.map((card) => card.title).sort((a, b) => a.localeCompare(b));

/** Card titles in a panel section, in display order. */
const sectionTitles = (page: Page, section: 'page' | 'tool') =>
  page.$$eval(`[data-testid=${section}-cards] article.card .card__toggle > span:first-child`, (spans) =>
    spans.map((span) => (span.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );

/** How far the page scrolls sideways: 0 or less when nothing overflows its width. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);

/** Waits (bounded) for the panel header to read `expected`; returns what it read last. */
async function waitForTitle(page: Page, expected: string): Promise<string> {
  return poll(
    async () => {
      const title = await textOf(page, '[data-testid=panel-title]');
      return title === expected ? title : undefined;
    },
    10_000,
    `the panel header “${expected}”`,
  ).catch(() => textOf(page, '[data-testid=panel-title]'));
}

describe.skipIf(!shouldRunFirefoxTests())('Coachmark in real Firefox ESR (temporary add-on, real host names)', () => {
  let h: FirefoxHarness;
  let recorder: Recorder;
  let cards: CardRecord[];

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchFirefoxExtension({ hosts: HOSTS });
    await h.waitForStarterPack();
    // As an English browser sees them: the starter pack holds a Spanish variant of each card too.
    cards = visibleCards(await h.readCards(), [], 'en-US');
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  /** A SpeedGrader tab, detected, and its panel showing this page's cards. */
  async function speedGraderPanel(viewport?: { width: number; height: number }): Promise<{ tabId: number; panel: Page }> {
    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId, viewport);
    await (await waitFor(panel, '[data-testid=page-cards] article.card')).dispose();
    return { tabId, panel };
  }

  it('Canvas SpeedGrader: the background detects the page and the panel shows its header and cards', async () => {
    const { tabId, panel } = await speedGraderPanel();
    const state = await h.readTabState(tabId);
    // The page was served at its real address, through the proxy, over HTTPS.
    expect(state?.url).toBe(SPEEDGRADER_URL);
    expect(h.server.served).toContain('district.instructure.com /courses/101/gradebook/speed_grader');

    expect(await waitForTitle(panel, 'Canvas › SpeedGrader')).toBe('Canvas › SpeedGrader');
    const forPage = cards.filter((card) => card.places.includes('canvas/speedgrader'));
    expect(forPage.length).toBeGreaterThanOrEqual(2);
    expect([...(await sectionTitles(panel, 'page'))].sort((a, b) => a.localeCompare(b))).toEqual(titlesOf(forPage));

    // A card opens in place to its numbered steps.
    const first = forPage[0]!;
    await click(panel, `article.card[data-card-id="${first.id}"] .card__toggle`);
    await poll(
      async () => {
        const count = await panel.$$eval(`article.card[data-card-id="${first.id}"] .card__steps > li`, (items) => items.length);
        return count === first.steps.length ? count : undefined;
      },
      5_000,
      'the card’s steps',
    );
  });

  it('Google Classroom: the Stream page is detected and the panel shows its cards', async () => {
    const { tabId } = await h.openTab(CLASSROOM_STREAM_URL);
    await h.waitForDetection(tabId, { tool: 'google-classroom', context: 'stream' });
    const panel = await h.openPanel(tabId);
    expect(await waitForTitle(panel, 'Google Classroom › Stream')).toBe('Google Classroom › Stream');
    await (await waitFor(panel, '[data-testid=page-cards] article.card')).dispose();
    const forPage = cards.filter((card) => card.places.includes('google-classroom/stream'));
    expect(forPage.length).toBeGreaterThanOrEqual(1);
    expect([...(await sectionTitles(panel, 'page'))].sort((a, b) => a.localeCompare(b))).toEqual(titlesOf(forPage));
  });

  it('search finds the starter card from a typo', async () => {
    const { panel } = await speedGraderPanel();
    await typeInto(panel, byRole('searchbox', 'Search cards'), 'grade with a rubrik');
    const best = await waitFor(panel, '#search-results[data-query="grade with a rubrik"] section article.card');
    const rubric = cards.find((card) => card.title === 'Grade with a rubric in SpeedGrader');
    expect(rubric).toBeDefined();
    expect(await best.evaluate((card) => card.getAttribute('data-card-id'))).toBe(rubric!.id);
    expect(collapse(await best.evaluate((card) => card.closest('section')?.querySelector('h2')?.textContent ?? ''))).toBe('Best match');
    // The word the typo stood for is marked in the title.
    expect(await best.$$eval('.card__toggle mark', (marks) => marks.map((mark) => mark.textContent))).toContain('rubric');
    await best.dispose();
  });

  /**
   * The studio's Settings, saved with this endpoint URL ('' for none). Controls named in the public
   * contract are found by their accessible names; the others by id (an accessibility-tree query
   * costs about 300 ms in Firefox).
   */
  async function saveEndpoint(url: string) {
    const studio = await h.openExtensionPage('options.html#settings');
    await fill(studio, byRole('textbox', 'Endpoint URL'), url);
    const format = await waitFor(studio, '#settings-endpoint-format');
    await format.select('json');
    await format.dispose();
    await fill(studio, '#settings-teacher-name', 'Ms. Rivera');
    await fill(studio, '#settings-school-name', 'Lincoln Elementary');
    await click(studio, byRole('button', 'Save'));
    await (await waitFor(studio, '::-p-text(Saved.)')).dispose();
    await studio.close();
  }

  it('configured in the studio, a ping sent from the panel reaches the JSON endpoint as documented', async () => {
    corsEndpoint(recorder, '/hook', { status: 200, body: '{"received":true}' });
    // The add-on starts without the data consent; the Send below is what asks for it.
    await h.withdrawDataCollection(OPTIONAL_DATA_COLLECTION);
    expect(await h.dataCollection()).toEqual([]);
    await saveEndpoint(recorder.url('/hook'));

    const { panel } = await speedGraderPanel();
    await click(panel, byRole('button', 'Ping a mentor'));
    const message = 'How do I hide grades until I post them?';
    await fill(panel, '#ping-message', message);
    await click(panel, 'input[name=ping-urgency][value=now]');
    await click(panel, byRole('button', 'Preview'));
    const previewed = JSON.parse(await textOf(panel, '[data-testid=ping-preview-body]')) as Record<string, unknown>;
    await click(panel, byRole('button', 'Send'));

    const [request] = await recorder.waitForRequests(1, { path: '/hook', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as Record<string, unknown> & { id: string };
    expect(body).toEqual({
      type: 'help-request',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: REDACTED_SPEEDGRADER },
      mentors: [],
      message,
      urgency: 'now',
    });
    expect(request!.body).not.toMatch(/assignment_id|student_id|\b77\b|\b101\b/);
    // What the preview showed is what arrived.
    expect(body).toEqual(previewed);
    expect(request!.headers['idempotency-key']).toBe(body.id);
    expect(request!.headers['content-type']).toBe('application/json');
    // Send asked Firefox for the data consent within its click, and Firefox gave it.
    expect(sorted(await h.dataCollection())).toEqual(sorted(OPTIONAL_DATA_COLLECTION));

    // The panel says where it went.
    const host = new URL(recorder.url()).host;
    const said = await poll(
      async () => {
        const text = await textOf(panel, '[data-testid=ping-result]');
        return text.startsWith(`Sent to ${host}`) ? text : undefined;
      },
      10_000,
      `the panel to say “Sent to ${host}”`,
    );
    expect(said).toContain(host);
  });

  it('withdrawn in the add-on’s settings, the data consent holds a waiting ping on the device; Allow sending delivers it', async () => {
    corsEndpoint(recorder, '/consent-hook', { status: 200, body: '{"received":true}' });
    // No endpoint yet: Keep asks for the consent (the kept ping goes out by itself later) and keeps the ping here.
    await saveEndpoint('');
    const message = 'Where do I find the late-work policy setting?';
    const { panel } = await speedGraderPanel();
    await click(panel, byRole('button', 'Ping a mentor'));
    await fill(panel, '#ping-message', message);
    await click(panel, byRole('button', 'Preview'));
    await click(panel, byRole('button', 'Keep until connected'));
    const kept = await poll(
      async () => (await h.readOutbox()).find((item) => item.payload.type === 'help-request' && item.payload.message === message),
      10_000,
      'the kept ping',
    );
    expect(kept).toMatchObject({ status: 'held', endpoint: null });
    expect(sorted(await h.dataCollection())).toEqual(sorted(OPTIONAL_DATA_COLLECTION));

    // The teacher turns one category off; then the school connects its endpoint.
    await h.withdrawDataCollection(['personalCommunications']);
    await saveEndpoint(recorder.url('/consent-hook'));
    const held = await poll(
      async () => {
        const item = (await h.readOutbox()).find((entry) => entry.id === kept.id);
        return item?.endpoint && item.heldFor === 'consent' ? item : undefined;
      },
      10_000,
      'the ping to be held for the consent',
    );
    // Queued for the endpoint, then held before any attempt: nothing went out.
    expect(held).toMatchObject({ status: 'held', heldFor: 'consent', attempts: 0, endpoint: { url: recorder.url('/consent-hook') } });
    expect(recorder.requests.filter((request) => request.path === '/consent-hook' && request.method === 'POST')).toEqual([]);

    // The panel says why, and Allow sending asks Firefox again within its click.
    await click(panel, '#requests-button');
    const entry = await waitFor(panel, '[data-testid=outbox-item][data-state=held]');
    expect(collapse(await entry.evaluate((element) => element.textContent ?? ''))).toContain(
      'Not sent: Coachmark’s permission to send data is turned off in Firefox.',
    );
    await entry.dispose();
    await click(panel, 'button[aria-label^="Allow sending:"]');
    const [request] = await recorder.waitForRequests(1, { path: '/consent-hook', method: 'POST', timeoutMs: 15_000 });
    expect(request!.headers['idempotency-key']).toBe(kept.id);
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'help-request', id: kept.id, message });
    expect(sorted(await h.dataCollection())).toEqual(sorted(OPTIONAL_DATA_COLLECTION));
    await poll(
      async () => ((await h.readOutbox()).find((item) => item.id === kept.id)?.status === 'sent' ? true : undefined),
      10_000,
      'the ping to be marked sent',
    );
  });

  it('at 250 px wide (Firefox’s sidebar) nothing overflows sideways: the list, an open card, the ping form, the tool’s cards', async () => {
    const { panel } = await speedGraderPanel(SIDEBAR);
    expect(await panel.evaluate(() => window.innerWidth)).toBe(SIDEBAR.width);
    expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);

    await click(panel, '[data-testid=page-cards] article.card .card__toggle');
    await (await waitFor(panel, '[data-testid=page-cards] .card__steps')).dispose();
    expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);

    await click(panel, byRole('button', 'Ping a mentor'));
    await (await waitFor(panel, '#ping-message')).dispose();
    expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);
    await panel.keyboard.press('Escape');

    await click(panel, '[data-testid=tool-cards] .section-toggle');
    await (await waitFor(panel, '[data-testid=tool-cards] article.card')).dispose();
    expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);
  });
});
