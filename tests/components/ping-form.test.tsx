import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelActions } from '../../components/panel/PanelActions';
import { RequestsView } from '../../components/panel/RequestsView';
import { usePanelForm } from '../../components/panel/use-panel-form';
import { db, type OutboxItem } from '../../utils/platform/db';
import { formatBody } from '../../utils/endpoints';
import type { HelpRequestPayload } from '../../utils/endpoints/types';
import { saveSettings } from '../../utils/settings/settings';
import type { TabState } from '../../utils/tabs/tab-state';
import { outboxItem } from '../support/factories';
import { helpRequest } from '../support/payloads';
import { installChromeManifest, installFirefoxDataConsent } from '../support/firefox-data-consent';

const SPEEDGRADER: TabState = {
  tabId: 7,
  url: 'https://district.instructure.com/courses/12345/gradebook/speed_grader?assignment_id=9&student_id=4242#c',
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1,
};

function Actions({ tabState }: { tabState: TabState | null }) {
  const [form, setForm] = usePanelForm();
  return <PanelActions tabState={tabState} form={form} onForm={setForm} />;
}

let kicks: unknown[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  installChromeManifest();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  await db.delete();
  await db.open();
  kicks = [];
  // Stands in for the background's listener: records that the panel asked for delivery.
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== 'panelKicksOutbox') return undefined;
      kicks.push(message.data);
      sendResponse({ res: undefined });
      return true;
    },
  );
});
afterEach(cleanup);

async function openForm(tabState: TabState | null = SPEEDGRADER) {
  render(<Actions tabState={tabState} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ping a mentor' }));
  return screen.findByRole('region', { name: 'Ask a mentor for help' });
}

function writeMessage(text: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'What do you need?' }), { target: { value: text } });
}

function previewBody(): unknown {
  return JSON.parse(screen.getByTestId('ping-preview-body').textContent!);
}

describe('PingForm', () => {
  it('without an endpoint, still takes the question and keeps it on this device, with other ways to ask', async () => {
    await saveSettings({ coachEmail: 'coach@lincoln.example.org' });
    const region = await openForm();
    expect(region.textContent).toContain("Your school hasn't connected Coachmark to its chat yet");
    expect(region.textContent).not.toMatch(/endpoint/i);
    const box = await within(region).findByRole('textbox', { name: 'What do you need?' });
    await waitFor(() => expect(document.activeElement).toBe(box));

    // Copy and e-mail carry the words and the redacted page, nothing else.
    const copy = within(region).getByRole('button', { name: 'Copy question' });
    expect((copy as HTMLButtonElement).disabled).toBe(true);
    writeMessage('How do I let one student resubmit?');
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copied.push(text) },
      configurable: true,
    });
    fireEvent.click(copy);
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toBe(
      'How do I let one student resubmit?\n\nCanvas › SpeedGrader: https://district.instructure.com/courses/:id/gradebook/speed_grader',
    );
    expect(
      within(region)
        .getByText(/^Question copied\./)
        .getAttribute('role'),
    ).toBe('status');
    const email = within(region).getByRole('link', { name: 'E-mail your tech coach' });
    fireEvent.click(email);
    const mailto = new URL(email.getAttribute('href')!);
    expect(mailto.pathname).toBe('coach@lincoln.example.org');
    expect(mailto.searchParams.get('body')).toBe(copied[0]);

    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    expect(region.textContent).toContain('Kept on this device until your school connects its chat.');
    const shown = previewBody() as HelpRequestPayload;
    fireEvent.click(within(region).getByRole('button', { name: 'Keep until connected' }));
    await waitFor(async () => expect(await db.outbox.get(shown.id)).toBeDefined());
    expect(await db.outbox.get(shown.id)).toMatchObject({ payload: shown, endpoint: null, status: 'held' });
    // Nothing to deliver yet: the background is not woken.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kicks).toEqual([]);
  });

  it('in Firefox, a teacher who declines the data-consent question queues nothing and keeps the question', async () => {
    const consent = installFirefoxDataConsent();
    consent.answer = false;
    await saveSettings({ endpointUrl: 'https://hooks.district.example/coachmark', endpointFormat: 'json', teacherName: 'Ms. Rivera' });
    const region = await openForm();
    await within(region).findByRole('textbox', { name: 'What do you need?' });
    writeMessage('How do I hide grades until I post them?');
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    fireEvent.click(await within(region).findByRole('button', { name: 'Send' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('Firefox asked whether Coachmark may send this');
    expect(await db.outbox.count()).toBe(0);
    expect(kicks).toEqual([]);
    fireEvent.click(within(region).getByRole('button', { name: 'Back' }));
    expect((within(region).getByRole('textbox', { name: 'What do you need?' }) as HTMLTextAreaElement).value).toBe(
      'How do I hide grades until I post them?',
    );
  });

  it('offers no e-mail without a coach address, and none for a malformed one', async () => {
    await saveSettings({ coachEmail: 'coach@lincoln.example.org, boss@lincoln.example.org' });
    const region = await openForm();
    await within(region).findByRole('textbox', { name: 'What do you need?' });
    expect(within(region).queryByRole('link', { name: 'E-mail your tech coach' })).toBeNull();
    expect(within(region).getByRole('button', { name: 'Copy question' })).toBeTruthy();
  });

  it('previews exactly the body it queues, then says it is queued and then sent', async () => {
    await saveSettings({
      endpointUrl: 'https://hooks.district.example/coachmark',
      endpointFormat: 'json',
      teacherName: 'Ms. Rivera',
      schoolName: 'Lincoln Elementary',
    });
    await db.mentors.bulkPut([
      { id: 'm1', name: 'Ben Okafor', handles: { json: 'ben@lincoln.example.org' }, tools: ['canvas'] },
      { id: 'm2', name: 'Dee Moss', handles: { json: 'dee' }, tools: ['seesaw'] },
    ]);
    const region = await openForm();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'What do you need?' })));
    expect((within(region).getByRole('checkbox', { name: 'Include the full page address' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    const missing = await within(region).findByText('Write what you need first.');
    const message = within(region).getByRole('textbox', { name: 'What do you need?' });
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(message.getAttribute('aria-describedby')).toContain(missing.id);

    writeMessage('How do I hide grades until I post them?');
    fireEvent.click(within(region).getByRole('radio', { name: 'Now' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));

    const heading = await within(region).findByRole('heading', { name: 'Exactly what will be sent' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const body = previewBody() as HelpRequestPayload;
    expect(body).toMatchObject({
      type: 'help-request',
      teacher: { name: 'Ms. Rivera', school: 'Lincoln Elementary' },
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
      mentors: [{ name: 'Ben Okafor', handle: 'ben@lincoln.example.org' }],
      message: 'How do I hide grades until I post them?',
      urgency: 'now',
    });
    expect(screen.getByTestId('ping-preview-body').textContent).not.toMatch(/12345|4242|assignment_id/);
    const summary = screen.getByTestId('ping-summary').textContent!;
    expect(summary).toContain('To: hooks.district.example (Generic JSON)');
    expect(summary).toContain('Mentions: Ben Okafor.');

    // Back keeps what was written.
    fireEvent.click(within(region).getByRole('button', { name: 'Back' }));
    expect(((await within(region).findByRole('textbox', { name: 'What do you need?' })) as HTMLTextAreaElement).value).toBe(
      'How do I hide grades until I post them?',
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    const previewed = previewBody();

    fireEvent.click(await within(region).findByRole('button', { name: 'Send' }));
    const live = await within(region).findByRole('status');
    await waitFor(() => expect(live.textContent).toBe('Queued: Waiting to send to hooks.district.example'));
    const [item] = await db.outbox.toArray();
    expect(formatBody('json', item!.payload)).toEqual(previewed);
    expect(item).toMatchObject({
      id: (previewed as HelpRequestPayload).id,
      status: 'queued',
      endpoint: { url: 'https://hooks.district.example/coachmark', format: 'json' },
    });
    await waitFor(() => expect(kicks).toEqual([{ reason: 'ping' }]));

    // The background delivers it; the panel says so in the same live region.
    await db.outbox.update(item!.id, { status: 'sent', sentAt: Date.now(), attempts: 1 });
    await waitFor(() => expect(live.textContent).toMatch(/^Sent to hooks\.district\.example \d/));
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Ask a mentor for help' })).toBeNull();
  });

  it('previews the chat format with who is mentioned and who is only named', async () => {
    await saveSettings({ endpointUrl: 'https://hooks.slack.com/services/T0/B0/x', endpointFormat: 'slack', teacherName: 'Ms. Rivera' });
    await db.mentors.bulkPut([
      { id: 'm1', name: 'Ana Ruiz', handles: { slack: 'U01ANA' }, tools: ['canvas'] },
      { id: 'm2', name: 'Cy Park', handles: { teams: 'cy@lincoln.example.org' }, tools: ['canvas'] },
    ]);
    const region = await openForm();
    writeMessage('Rubric will not attach');
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    await within(region).findByRole('heading', { name: 'Exactly what will be sent' });
    const body = previewBody();
    expect(body).toHaveProperty('blocks');
    expect(JSON.stringify(body)).toContain('<@U01ANA>');
    const summary = screen.getByTestId('ping-summary').textContent!;
    expect(summary).toContain('(Slack incoming webhook)');
    expect(summary).toContain('Mentions: Ana Ruiz.');
    expect(summary).toContain('Named without a notification (no handle for this chat): Cy Park.');
  });

  it('sends the full address only when the teacher ticks the box; no mentors means the channel alone', async () => {
    await saveSettings({ endpointUrl: 'https://hooks.district.example/c', endpointFormat: 'json', teacherName: 'T' });
    const region = await openForm();
    writeMessage('Help');
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Include the full page address' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    await within(region).findByRole('heading', { name: 'Exactly what will be sent' });
    expect((previewBody() as HelpRequestPayload).page.url).toBe(SPEEDGRADER.url);
    expect(screen.getByTestId('ping-summary').textContent).toContain('No mentor is listed for Canvas: it goes to the channel alone.');
  });
});

describe('OutboxList', () => {
  function item(id: string, overrides: Partial<OutboxItem>): OutboxItem {
    const payload = helpRequest({
      id,
      createdAt: new Date().toISOString(),
      tool: { id: 'canvas', name: 'Canvas' },
      page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://d.instructure.com/courses/:id/gradebook/speed_grader' },
      message: `Question ${id}`,
    });
    const now = Date.now();
    return outboxItem({
      id,
      payload,
      endpoint: { url: 'https://hooks.district.example/c', format: 'json' },
      createdAt: now,
      nextAttemptAt: now,
      ...overrides,
    });
  }

  it('lists requests with their state in words, and Retry and Delete that name what they act on', async () => {
    const now = Date.now();
    await db.outbox.bulkPut([
      item('sent', { status: 'sent', attempts: 1, sentAt: now, createdAt: now - 3000 }),
      item('waiting', {
        status: 'queued',
        attempts: 2,
        lastError: 'http',
        lastStatus: 500,
        nextAttemptAt: now + 60_000,
        createdAt: now - 2000,
      }),
      item('failed', { status: 'failed', attempts: 1, lastError: 'http', lastStatus: 404, createdAt: now - 1000 }),
    ]);
    render(<RequestsView tool={null} onClose={() => {}} />);
    const list = await screen.findByRole('region', { name: 'Your requests' });
    const entries = await within(list).findAllByTestId('outbox-item');
    expect(entries.map((entry) => entry.dataset.state)).toEqual(['failed', 'waiting', 'sent']);
    expect(entries[0]!.textContent).toContain(
      "Your school's chat refused the message (404). Ask your tech coach to check Coachmark's settings.",
    );
    expect(entries[1]!.textContent).toContain("Your school's chat had a problem (500). Coachmark will try again at");
    expect(entries[2]!.textContent).toMatch(/Sent to hooks\.district\.example \d/);
    expect(within(entries[2]!).queryByRole('button', { name: /^Retry/ })).toBeNull();

    const retry = within(entries[0]!).getByRole('button', { name: /^Retry: Help request about Canvas › SpeedGrader, \d/ });
    fireEvent.click(retry);
    await waitFor(async () => expect((await db.outbox.get('failed'))?.status).toBe('queued'));
    expect((await db.outbox.get('failed'))!.nextAttemptAt).toBeLessThanOrEqual(Date.now());
    await waitFor(() => expect(kicks).toEqual([{ reason: 'retry' }]));

    fireEvent.click(within(entries[2]!).getByRole('button', { name: /^Delete: Help request about Canvas › SpeedGrader/ }));
    await waitFor(async () => expect(await db.outbox.get('sent')).toBeUndefined());
    await waitFor(() => expect(within(list).getAllByTestId('outbox-item')).toHaveLength(2));
  });

  it('says why a request is held after Firefox’s data consent was withdrawn, and Allow sending asks again', async () => {
    const consent = installFirefoxDataConsent();
    await db.outbox.put(item('held', { status: 'held', heldFor: 'consent' }));
    render(<RequestsView tool={null} onClose={() => {}} />);
    const [entry] = await within(await screen.findByRole('region', { name: 'Your requests' })).findAllByTestId('outbox-item');
    expect(entry!.dataset.state).toBe('held');
    expect(entry!.textContent).toContain('Not sent: Coachmark’s permission to send data is turned off in Firefox.');
    expect(within(entry!).queryByRole('button', { name: /^Retry/ })).toBeNull();
    fireEvent.click(within(entry!).getByRole('button', { name: /^Allow sending: Help request about Canvas › SpeedGrader, \d/ }));
    expect(consent.requests).toHaveLength(1);
    await waitFor(() => expect(kicks).toEqual([{ reason: 'consent' }]));
    expect(consent.granted.size).toBe(3);
  });
});
