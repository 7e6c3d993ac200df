import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, poll, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { startRecorder, type Recorder, type RecorderResponse } from './support/fixture-server';
import { sendFromExtensionPage } from './support/show-me';

const CLASSWORK_URL = 'https://classroom.google.com/w/NjQ4/t/all';

/**
 * What a district's web server needs so that every teacher's browser can read the directory
 * without a host permission: CORS on the GET, the ETag exposed, and If-None-Match allowed
 * (it is not a CORS-safelisted header, so the conditional GET is preflighted).
 */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Expose-Headers': 'ETag',
  // No preflight cache, so the test can change the server's answer between syncs.
  'Access-Control-Max-Age': '0',
};

describe.skipIf(!shouldRunBrowserTests())('mentor directory in real Chromium (server allows CORS, no host permission)', () => {
  let h: ExtensionHarness;
  let recorder: Recorder;

  beforeAll(async () => {
    recorder = await startRecorder();
    h = await launchExtension({ hosts: ['classroom.google.com'] });
    await h.waitForStarterPack();
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it('syncs the directory when it is set, shows it read-only, revalidates with a 304 and routes its mentors into pings', async () => {
    const directory = {
      schemaVersion: 1,
      mentors: [{ id: 'ana', name: 'Ana Ruiz', handles: { json: 'ana.ruiz', slack: 'U01ANA' }, tools: ['google-classroom'] }],
    };
    recorder.respond('/mentors.json', { status: 204, headers: CORS, body: '' }, 'OPTIONS');
    recorder.respond(
      '/mentors.json',
      (request): RecorderResponse =>
        request.headers['if-none-match'] === '"d1"'
          ? { status: 304, headers: { ...CORS, ETag: '"d1"' }, body: '' }
          : { status: 200, headers: { ...CORS, ETag: '"d1"' }, body: JSON.stringify(directory) },
      'GET',
    );
    const url = recorder.url('/mentors.json');
    const gets = () => recorder.requests.filter((request) => request.method === 'GET' && request.path === '/mentors.json');

    // As policy or the coach would set it; the background notices the change.
    await h.inBackground((settings) => chrome.storage.local.set({ settings }), {
      mentorDirectoryUrl: url,
      endpointUrl: recorder.url('/hook'),
      endpointFormat: 'json',
      teacherName: 'Ms. Rivera',
    });
    await recorder.waitForRequests(1, { path: '/mentors.json', method: 'GET', timeoutMs: 15_000 });
    expect(gets()[0]!.headers['if-none-match']).toBeUndefined();
    expect(gets()[0]!.headers.cookie).toBeUndefined();

    const studio = await h.openExtensionPage('options.html#mentors');
    const section = studio.getByRole('region', { name: "From your school's directory" });
    await section.getByRole('row', { name: /Ana Ruiz/ }).waitFor({ timeout: 10_000 });
    expect(await section.getByText(url).count()).toBe(1);
    await section.getByText(/^Last sync: /).waitFor();
    expect(await studio.getByRole('button', { name: /Ana Ruiz/ }).count()).toBe(0);

    // "Sync now" (as the studio sends it): a preflighted conditional GET, answered 304.
    const answer = await sendFromExtensionPage<{ outcome: string }>(studio, 'studioSyncsMentors', {});
    expect(answer).toEqual({ outcome: 'unchanged', url, mentors: 1 });
    expect(gets().at(-1)!.headers['if-none-match']).toBe('"d1"');
    expect(recorder.requests.some((request) => request.method === 'OPTIONS')).toBe(true);

    // A server that allows the plain GET but not the preflight: the whole file, not a failure.
    recorder.respond('/mentors.json', { status: 204, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' }, 'OPTIONS');
    const count = gets().length;
    expect(await sendFromExtensionPage(studio, 'studioSyncsMentors', {})).toMatchObject({
      outcome: 'updated',
      mentors: 1,
      added: 0,
      updated: 0,
      removed: 0,
    });
    expect(
      gets()
        .slice(count)
        .map((request) => request.headers['if-none-match']),
    ).toEqual([undefined]);

    // A ping about Google Classroom mentions the directory's mentor.
    const { tabId } = await h.openTab(CLASSWORK_URL);
    await h.waitForDetection(tabId, { tool: 'google-classroom', context: 'classwork' });
    const panel = await h.openPanel(tabId);
    await panel.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const form = panel.getByRole('region', { name: 'Ask a mentor for help' });
    await form.getByRole('textbox', { name: 'What do you need?' }).fill('How do I reuse a post?');
    await form.getByRole('button', { name: 'Preview' }).click();
    const previewed = await poll(
      async () => {
        const text = await form
          .getByTestId('ping-preview-body')
          .textContent()
          .catch(() => null);
        return text ? (JSON.parse(text) as { mentors: unknown[] }) : undefined;
      },
      10_000,
      'the ping preview',
    );
    expect(previewed.mentors).toEqual([{ name: 'Ana Ruiz', handle: 'ana.ruiz' }]);
    expect(recorder.requests.filter((request) => request.path === '/hook')).toHaveLength(0);
  });
});

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
