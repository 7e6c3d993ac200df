import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder } from './support/fixture-server';
import { formatPack } from '../../utils/cards/import';
import * as make from '../support/factories';

/*
 * A subscribed pack whose address redirects, synced by the real background. Chromium hides
 * where a redirect leads from a fetch that stops at it, so the sync can only refuse it: the
 * target must never be requested, and the studio must say why the pack does not sync.
 */
describe.skipIf(!shouldRunBrowserTests())('pack sync in real Chromium: a redirecting pack address', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['classroom.google.com'], grantHosts: ['http://127.0.0.1/*'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it('does not follow the redirect, keeps no pack from it, and tells the coach to use the final address', async () => {
    const target = recorder.url('/packs/moved.json');
    recorder.respond('/packs/old.json', { status: 302, headers: { Location: target }, body: '' }, 'GET');
    recorder.respond('/packs/moved.json', { status: 200, body: formatPack(make.pack({ id: 'moved', cards: [make.card()] })) }, 'GET');
    const url = recorder.url('/packs/old.json');

    const studio = await h.openExtensionPage('options.html#packs');
    await studio.getByRole('textbox', { name: 'Pack URL' }).fill(url);
    await studio.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await studio
      .getByText(`${url}: failed, the address redirects to another one, and Coachmark does not follow redirects`, { exact: false })
      .first()
      .waitFor({ timeout: 15_000 });

    const paths = recorder.requests.map((request) => request.path);
    expect(paths).toContain('/packs/old.json');
    expect(paths).not.toContain('/packs/moved.json');
    const { packs } = await h.readDb();
    expect(packs.find((record) => record.id === 'moved')).toBeUndefined();
    expect(packs.find((record) => record.source.kind === 'url' && record.source.url === url)?.source).toMatchObject({
      lastError: 'redirect',
    });
  });
});
