import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder, type RecorderResponse } from './support/fixture-server';
import { PanelPage } from './support/pages';
import { formatPack } from '../../utils/cards/import';
import type { Card, Pack } from '../../utils/cards/schema';
import * as make from '../support/factories';

const CLASSWORK_URL = 'https://classroom.google.com/w/NjQ4/t/all';
const CLASSWORK = { tool: 'google-classroom', context: 'classwork' };

function card(id: string, title: string, extra: Partial<Card> = {}): Card {
  return make.card({
    id,
    title,
    summary: 'Set it up once, reuse it every unit.',
    steps: ['Open **Classwork**.', 'Select **Create**, then **Quiz assignment**.'],
    tools: ['google-classroom'],
    contexts: ['classwork'],
    tags: ['quiz'],
    links: [{ title: 'Create a quiz assignment', url: 'https://support.google.com/edu/classroom/answer/9273932', kind: 'help' }],
    ...extra,
  });
}

function pack(id: string, name: string, version: string, cards: Card[]): Pack {
  return make.pack({ id, name, version, cards });
}

/** Opens the panel for the Classwork fixture and returns the titles of the page's cards. */
async function classworkCardTitles(h: ExtensionHarness): Promise<string[]> {
  const { tabId } = await h.openTab(CLASSWORK_URL);
  await h.waitForDetection(tabId, CLASSWORK);
  const panel = new PanelPage(await h.openPanel(tabId));
  await panel.page.locator('[data-testid=page-cards]').waitFor({ timeout: 10_000 });
  return panel.pageCardTitles();
}

describe.skipIf(!shouldRunBrowserTests())('coach studio in real Chromium: import and subscribe', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;
  let studio: Page;

  beforeAll(async () => {
    recorder = await startRecorder();
    // As if the coach had granted read access to the pack server when subscribing: headless
    // Chromium never answers the permission prompt.
    h = await launchExtension({ hosts: ['classroom.google.com'], grantHosts: ['http://127.0.0.1/*'] });
    await h.waitForStarterPack();
  });
  afterEach(async () => {
    await h?.closeTabs();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  const openStudio = async () => {
    studio = await h.openExtensionPage('options.html#packs');
    await studio.getByRole('button', { name: 'Import pack', exact: true }).waitFor();
    return studio;
  };

  it('imports a pasted pack, and its card shows in the panel on the tool page', async () => {
    await openStudio();
    const imported = pack('e2e-district', 'E2E district pack', '1.0.0', [card('quiz-assignment', 'Post a quiz assignment (district)')]);
    await studio.getByLabel('Or paste the pack’s JSON').fill(formatPack(imported));
    await studio.getByRole('button', { name: 'Import pack', exact: true }).click();
    await studio.getByText('Imported “E2E district pack”: 1 added, 0 updated, 0 skipped (same or older).').waitFor({ timeout: 10_000 });
    await studio.getByRole('region', { name: 'Your packs' }).getByText('E2E district pack').waitFor();

    const { packs, cards } = await h.readDb();
    expect(packs.find((record) => record.id === 'e2e-district')).toMatchObject({ source: { kind: 'local' }, cardCount: 1 });
    expect(cards.filter((stored) => stored.pack === 'e2e-district').map((stored) => stored.key)).toEqual(['e2e-district/quiz-assignment']);
    expect(await classworkCardTitles(h)).toContain('Post a quiz assignment (district)');
  });

  it('shows every error of a bad pack file with its path and changes nothing', async () => {
    await openStudio();
    const before = await h.readDb();
    const bad = JSON.parse(formatPack(pack('e2e-bad', 'Bad pack', '1.0.0', [card('a', 'A'), card('b', 'B')]))) as {
      cards: Array<Record<string, unknown>>;
    };
    bad.cards[0]!.level = 'expert';
    bad.cards[1]!.links = [{ title: 'Run me', url: 'javascript:alert(1)', kind: 'help' }];
    await studio
      .getByLabel('Pack file')
      .setInputFiles({ name: 'bad-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
    await studio.getByRole('button', { name: 'Import pack', exact: true }).click();
    const alert = studio.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('Nothing was imported. Fix these 2 problems and try again:');
    expect(await alert.locator('.error-path').allTextContents()).toEqual(['cards[0].level', 'cards[1].links[0].url']);
    expect(await h.readDb()).toEqual(before);
  });

  it('subscribes to a pack URL, then picks up a change on "Sync now" with If-None-Match', async () => {
    let revision = 1;
    const published = () =>
      pack('e2e-feed', 'District feed', `1.${revision}.0`, [
        card('feed-quiz', revision === 1 ? 'Feed card, first edition' : 'Feed card, second edition', { version: revision }),
      ]);
    recorder.respond(
      '/packs/district.json',
      (request): RecorderResponse => {
        const etag = `"rev-${revision}"`;
        if (request.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag }, body: '' };
        return { status: 200, headers: { ETag: etag, 'Cache-Control': 'no-cache' }, body: formatPack(published()) };
      },
      'GET',
    );
    const url = recorder.url('/packs/district.json');
    const gets = () => recorder.requests.filter((request) => request.method === 'GET' && request.path === '/packs/district.json');

    await openStudio();
    await studio.getByRole('textbox', { name: 'Pack URL' }).fill(url);
    await studio.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await studio.getByText(`${url}: updated (1 added, 0 changed, 0 removed)`).waitFor({ timeout: 15_000 });
    const subscribed = studio.getByRole('region', { name: 'Subscribed' });
    await subscribed.getByText('District feed').waitFor();
    expect(await classworkCardTitles(h)).toContain('Feed card, first edition');
    expect(gets()[0]!.headers['if-none-match']).toBeUndefined();

    // The publisher changes the pack on the server.
    revision = 2;
    await studio.getByRole('button', { name: 'Sync now', exact: true }).click();
    await studio.getByText(`${url}: updated (0 added, 1 changed, 0 removed)`).waitFor({ timeout: 15_000 });
    expect(gets().at(-1)!.headers['if-none-match']).toBe('"rev-1"');
    const titles = await classworkCardTitles(h);
    expect(titles).toContain('Feed card, second edition');
    expect(titles).not.toContain('Feed card, first edition');

    // Nothing changed since: a 304, and the copy stays.
    await studio.getByRole('button', { name: 'Sync now', exact: true }).click();
    await studio.getByText(`${url}: no changes`).waitFor({ timeout: 15_000 });
    expect(gets().at(-1)!.headers['if-none-match']).toBe('"rev-2"');
    const { packs } = await h.readDb();
    expect(packs.find((record) => record.id === 'e2e-feed')).toMatchObject({
      version: '1.2.0',
      cardCount: 1,
      source: { kind: 'url', url, etag: '"rev-2"' },
    });
  });
});
