import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PanelPage, saveSchoolSettings } from './support/pages';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { startHub, type RunningHub } from '../../hub/server';
import { formatPack } from '../../utils/cards/import';
import { formatBody } from '../../utils/endpoints/index';
import type { OutgoingPayload } from '../../utils/endpoints/types';
import type { Card } from '../../utils/cards/schema';
import * as make from '../support/factories';

/**
 * The loop closed across browsers through a real Hub (in this process, on its embedded
 * database, forwarding to a chat on 127.0.0.1): a teacher's ping and flag reach it, the coach's
 * studio set to it shows the flag and resolves it there, a pack published from the studio is
 * subscribed by a second teacher's browser, and a volunteer the coach approves is routed that
 * teacher's pings.
 */

const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5&student_id=77';
const SPEEDGRADER = { tool: 'canvas', context: 'speedgrader' };
const COACH_TOKEN = 'e2e-coach-token-8f3a';
const PACK_ID = 'lincoln-canvas';

function districtCard(id: string, title: string): Card {
  return make.card({
    id,
    title,
    summary: 'Our district’s way of leaving feedback.',
    steps: ['Open **SpeedGrader** from the assignment.', 'Type in **Add a Comment** and select **Submit**.'],
    tools: ['canvas'],
    contexts: ['speedgrader'],
    tags: ['feedback'],
    links: [
      { title: 'How do I use SpeedGrader?', url: 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor', kind: 'help' },
    ],
  });
}

interface Row {
  id: string;
  type: string;
}

describe.skipIf(!shouldRunBrowserTests())('Coachmark Hub with real Chromium: two teachers and a coach', () => {
  let hub: RunningHub;
  let chat: Recorder;
  let dataDir: string;
  let teacher: ExtensionHarness;
  let colleague: ExtensionHarness | undefined;

  const events = (type: string) => hub.database.query<Row>('SELECT id, type FROM events WHERE type = $1 ORDER BY received_at', [type]);
  const hubGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${hub.url}${path}`, { headers: { Authorization: `Bearer ${COACH_TOKEN}` } });
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    chat = await startRecorder();
    chat.respond('/chat', { status: 200, body: 'ok' }, 'POST');
    dataDir = await mkdtemp(join(tmpdir(), 'coachmark-e2e-hub-'));
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      databaseUrl: undefined,
      secret: undefined,
      coachToken: COACH_TOKEN,
      forwardUrl: chat.url('/chat'),
      forwardFormat: 'slack',
      forwardTypes: ['help-request'],
      logLevel: 'silent',
      forwardPollMs: 200,
    });
    // As if the teacher had allowed the Hub's origin when saving the settings: headless Chromium
    // never answers the permission prompt.
    teacher = await launchExtension({ hosts: ['*.instructure.com'], grantHosts: ['http://127.0.0.1/*'] });
    await teacher.waitForStarterPack();
  });
  afterEach(async () => {
    await teacher?.closeTabs();
  });
  afterAll(async () => {
    await colleague?.close();
    await teacher?.close();
    await hub?.close();
    await chat?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  let studio: Page;

  it('a ping and a flag reach the Hub once; the ping goes on to the chat; the studio shows the flag and resolves it on the Hub', async () => {
    studio = await teacher.openExtensionPage('options.html#settings');
    await saveSchoolSettings(studio, { url: `${hub.url}/v1/events`, format: 'json', name: 'Ms. Rivera', school: 'Lincoln Elementary' });

    const { tabId } = await teacher.openTab(SPEEDGRADER_URL);
    await teacher.waitForDetection(tabId, SPEEDGRADER);
    const panel = await teacher.openPanel(tabId);

    await panel.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const ping = panel.getByRole('region', { name: 'Ask a mentor for help' });
    await ping.getByRole('textbox', { name: 'What do you need?' }).fill('How do I hide a comment from the student?');
    await ping.getByRole('button', { name: 'Preview' }).click();
    await ping.getByRole('button', { name: 'Send', exact: true }).click();

    await panel.getByRole('button', { name: 'Flag a gap', exact: true }).click();
    const flag = panel.getByRole('region', { name: 'Flag a gap' });
    // From the help bar on a page, the one reason that applies: no card for this page.
    await flag.getByTestId('flag-kind').getByText('No card for this page').waitFor();
    await flag.getByRole('textbox', { name: 'Note (optional)' }).fill('Nothing on moderated grading in SpeedGrader.');
    await flag.getByRole('button', { name: 'Preview' }).click();
    await flag.getByRole('button', { name: 'Send flag' }).click();

    const [pinged] = await poll(
      async () => ((await events('help-request')).length === 1 ? events('help-request') : undefined),
      20_000,
      'the ping on the Hub',
    );
    const [flagged] = await poll(
      async () => ((await events('gap-flag')).length === 1 ? events('gap-flag') : undefined),
      20_000,
      'the flag on the Hub',
    );

    // Forwarded to the school's chat in Slack's format, keyed by the ping's id.
    const [forwarded] = await chat.waitForRequests(1, { path: '/chat', method: 'POST', timeoutMs: 20_000 });
    expect(forwarded!.headers['idempotency-key']).toBe(pinged!.id);
    const [stored] = await hub.database.query<{ payload: OutgoingPayload }>('SELECT payload FROM events WHERE id = $1', [pinged!.id]);
    expect(stored!.payload).toMatchObject({ teacher: { name: 'Ms. Rivera' }, page: { context: 'speedgrader' } });
    expect(JSON.parse(forwarded!.body)).toEqual(formatBody('slack', stored!.payload));
    expect(forwarded!.body).toContain('How do I hide a comment from the student?');
    expect(forwarded!.body).not.toContain('student_id');

    // The coach connects the studio to the Hub.
    await studio.reload();
    await studio.getByRole('textbox', { name: 'Hub URL' }).fill(hub.url);
    await studio.getByLabel('Coach token').fill(COACH_TOKEN);
    await studio.getByRole('button', { name: 'Save', exact: true }).click();
    await studio.getByText('Saved.', { exact: true }).waitFor({ timeout: 5_000 });
    await studio.getByRole('button', { name: 'Check Hub' }).click();
    await expect.poll(() => studio.getByTestId('hub-check-result').textContent(), { timeout: 10_000 }).toContain('Coach');

    // Gaps: the district's flag with the teacher's own words and name; resolved on the Hub.
    await studio.goto(studio.url().replace(/#.*$/, '#gaps'));
    const item = studio.getByTestId('hub-flag').filter({ hasText: 'Nothing on moderated grading in SpeedGrader.' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.textContent()).toContain('Ms. Rivera');
    await item.getByRole('button', { name: 'Mark resolved: flag from Ms. Rivera, Lincoln Elementary' }).click();
    await poll(
      async () => {
        const { flags } = await hubGet<{ flags: Array<{ id: string; status: string }> }>('/v1/flags');
        return flags.find((entry) => entry.id === flagged!.id && entry.status === 'resolved');
      },
      20_000,
      'the flag resolved on the Hub',
    );
    // Each was stored once, whatever the outbox retried.
    expect(await events('help-request')).toHaveLength(1);
    expect(await events('gap-flag')).toHaveLength(1);
  });

  it('a pack published from the studio and a volunteer approved there reach a second teacher’s browser', async () => {
    // The coach imports the district's pack and publishes it to the Hub.
    studio = await teacher.openExtensionPage('options.html#packs');
    const pack = make.pack({
      id: PACK_ID,
      name: 'Lincoln: Canvas',
      version: '1.0.0',
      cards: [districtCard('speedgrader-feedback-lincoln', 'Feedback the Lincoln way')],
    });
    await studio.getByLabel('Or paste the pack’s JSON').fill(formatPack(pack));
    await studio.getByRole('button', { name: 'Import pack', exact: true }).click();
    await studio.getByRole('region', { name: 'Your packs' }).getByText('Lincoln: Canvas').waitFor({ timeout: 10_000 });
    await studio.getByRole('button', { name: 'Publish to Hub: Lincoln: Canvas' }).click();
    const packUrl = `${hub.url}/v1/packs/${PACK_ID}`;
    await studio.getByTestId('hub-publish').getByText(packUrl).waitFor({ timeout: 10_000 });
    const served = await (await fetch(packUrl)).json();
    expect(served).toMatchObject({ id: PACK_ID, version: '1.0.0', cards: [{ id: 'speedgrader-feedback-lincoln' }] });

    // The teacher offers to help with Canvas, from "My plan".
    const { tabId } = await teacher.openTab(SPEEDGRADER_URL);
    await teacher.waitForDetection(tabId, SPEEDGRADER);
    const panel = await teacher.openPanel(tabId);
    await panel.getByRole('button', { name: 'My plan' }).click();
    await panel.getByRole('region', { name: 'Help your colleagues' }).getByRole('button', { name: 'I can help others' }).click();
    const offer = panel.getByRole('region', { name: 'Offer to help other teachers' });
    await offer.getByRole('textbox', { name: 'Your chat handle (optional)' }).fill('rivera.lincoln');
    expect(await offer.getByRole('checkbox', { name: 'Canvas', exact: true }).isChecked()).toBe(true);
    await offer.getByRole('button', { name: 'Preview' }).click();
    await offer.getByRole('button', { name: 'Send', exact: true }).click();
    await poll(async () => ((await events('mentor-volunteer')).length === 1 ? true : undefined), 20_000, 'the offer on the Hub');

    // The coach approves it in the Mentors tab.
    await studio.goto(studio.url().replace(/#.*$/, '#mentors'));
    await studio.getByRole('button', { name: 'Approve Ms. Rivera' }).click({ timeout: 15_000 });
    await poll(
      async () => {
        const directory = (await (await fetch(`${hub.url}/v1/mentors`)).json()) as { mentors: Array<{ name: string }> };
        return directory.mentors.find((mentor) => mentor.name === 'Ms. Rivera');
      },
      10_000,
      'the approved mentor in the Hub’s directory',
    );

    // A colleague's browser, set up by district policy to the Hub: its pack and its mentors.
    colleague = await launchExtension({ hosts: ['*.instructure.com'] });
    await colleague.waitForStarterPack();
    await colleague.inBackground((settings) => chrome.storage.local.set({ settings }), {
      endpointUrl: `${hub.url}/v1/events`,
      endpointFormat: 'json',
      packUrls: [packUrl],
      mentorDirectoryUrl: `${hub.url}/v1/mentors`,
      teacherName: 'Mr. Okafor',
    });
    await poll(
      async () => ((await colleague!.readDb()).cards.some((stored) => stored.pack === PACK_ID) ? true : undefined),
      20_000,
      'the published pack in the colleague’s browser',
    );
    const other = await colleague.openTab(SPEEDGRADER_URL);
    await colleague.waitForDetection(other.tabId, SPEEDGRADER);
    const colleaguePanel = new PanelPage(await colleague.openPanel(other.tabId));
    await colleaguePanel.page.locator('[data-testid=page-cards]').waitFor({ timeout: 10_000 });
    expect(await colleaguePanel.pageCardTitles()).toContain('Feedback the Lincoln way');

    // Their ping about Canvas is routed to the approved volunteer.
    const colleagueStudio = await colleague.openExtensionPage('options.html#mentors');
    await colleagueStudio
      .getByRole('region', { name: "From your school's directory" })
      .getByRole('row', { name: /Ms\. Rivera/ })
      .waitFor({ timeout: 20_000 });
    await colleagueStudio.close();
    const page = colleaguePanel.page;
    await page.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const form = page.getByRole('region', { name: 'Ask a mentor for help' });
    await form.getByRole('textbox', { name: 'What do you need?' }).fill('Who can show me moderated grading?');
    await form.getByRole('button', { name: 'Preview' }).click();
    const previewed = JSON.parse((await form.getByTestId('ping-preview-body').textContent()) ?? '') as { mentors: unknown[] };
    expect(previewed.mentors).toEqual([{ name: 'Ms. Rivera', handle: 'rivera.lincoln' }]);
  });
});

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
