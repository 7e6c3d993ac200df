import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { corsEndpoint } from './support/endpoint';
import { PanelPage, saveSchoolSettings } from './support/pages';
import { parsePack } from '../../utils/cards/pack';
import type { Pack } from '../../utils/cards/schema';
import type { GapFlagPayload } from '../../utils/endpoints/types';

const SPEEDGRADER_URL = 'https://flags.instructure.com/courses/12/gradebook/speed_grader?assignment_id=4&student_id=9';
const PACK_ID = 'e2e-card-flags';
const CARD_ID = 'speedgrader-rubric-flag';
const CARD_TITLE = 'Score a rubric in SpeedGrader';
const CARD_VERSION = 3;

/** One SpeedGrader card at version 3, checked by the real pack parser. */
function flagPack(): Pack {
  const result = parsePack({
    schemaVersion: 1,
    id: PACK_ID,
    name: 'Card flag browser tests',
    version: '2.1.0',
    cards: [
      {
        id: CARD_ID,
        version: CARD_VERSION,
        title: CARD_TITLE,
        summary: 'Pick a rating for each criterion and let Canvas add them up.',
        steps: ['Select **View Rubric**.', 'Choose a rating for each criterion, then **Save**.'],
        tools: ['canvas'],
        contexts: ['speedgrader'],
        tags: ['rubric'],
        level: 'beginner',
        links: [],
      },
    ],
  });
  if (!result.ok) throw new Error(`card-flags test pack is invalid: ${result.errors.join('; ')}`);
  return result.pack;
}

/** Sets the endpoint in the studio's Settings tab, as a coach does. */
async function configureEndpoint(h: ExtensionHarness, url: string): Promise<void> {
  const studio = await h.openExtensionPage('options.html#settings');
  await saveSchoolSettings(studio, { url, format: 'json', name: 'Mr. Okafor' });
  await studio.close();
}

describe.skipIf(!shouldRunBrowserTests())('card flags in real Chromium: "This card didn\'t help" from an opened card', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['*.instructure.com'] });
    await h.waitForStarterPack();
    await h.installPack(flagPack());
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it('sends an "unhelpful" flag naming the card, its pack and its version, exactly as previewed', async () => {
    corsEndpoint(recorder, '/flags', { status: 200 });
    await configureEndpoint(h, recorder.url('/flags'));

    const { tabId } = await h.openTab(SPEEDGRADER_URL);
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const panel = await h.openPanel(tabId);
    const panelPage = new PanelPage(panel);
    const card = await panelPage.openCard(CARD_TITLE);

    // From the card's one Feedback menu: the mark is kept, and the flag form opens in the card.
    await panelPage.chooseFeedback(card, `This card didn't help: ${CARD_TITLE}`);
    expect(await card.locator('.card-feedback__toggle').getAttribute('aria-expanded')).toBe('false');
    const form = card.getByRole('region', { name: 'Flag a gap' });
    await form.waitFor({ timeout: 5_000 });
    expect(await form.getByText(`About the card “${CARD_TITLE}”`).count()).toBe(1);
    expect(await form.getByRole('radio', { name: "This card didn't help" }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill('The rubric button moved to the top bar.');
    await form.getByRole('button', { name: 'Preview', exact: true }).click();
    const previewed = JSON.parse((await form.getByTestId('flag-preview-body').textContent()) ?? '') as GapFlagPayload;
    await form.getByRole('button', { name: 'Send flag', exact: true }).click();

    const [request] = await recorder.waitForRequests(1, { path: '/flags', method: 'POST', timeoutMs: 15_000 });
    const body = JSON.parse(request!.body) as GapFlagPayload;
    expect(body).toEqual(previewed);
    expect(body).toMatchObject({
      type: 'gap-flag',
      kind: 'unhelpful',
      card: { id: CARD_ID, title: CARD_TITLE, pack: PACK_ID, version: CARD_VERSION },
      tool: { id: 'canvas' },
      page: { context: 'speedgrader', url: 'https://flags.instructure.com/courses/:id/gradebook/speed_grader' },
      note: 'The rubric button moved to the top bar.',
      teacher: { name: 'Mr. Okafor' },
    });
    expect(request!.headers['idempotency-key']).toBe(body.id);
    // One flag, one delivery.
    expect(recorder.requests.filter((candidate) => candidate.method === 'POST' && candidate.path === '/flags')).toHaveLength(1);
  });
});
