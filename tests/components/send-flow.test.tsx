import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SendFlow } from '../../components/panel/SendFlow';
import { useSendFlow } from '../../components/panel/use-send-flow';
import { DataConsentRefused } from '../../utils/platform/data-consent';
import { installChromeManifest, installFirefoxDataConsent } from '../support/firefox-data-consent';

interface Note {
  text: string;
}

let stored: Note[] = [];
let failNext = false;
let done = 0;

beforeEach(() => {
  fakeBrowser.reset();
  installChromeManifest();
  stored = [];
  failNext = false;
  done = 0;
});
afterEach(cleanup);

function NoteForm() {
  const flow = useSendFlow<Note, number>();
  return (
    <SendFlow
      flow={flow}
      block="ping"
      titleId="note-title"
      title="Send a note"
      intro={<p>About this page</p>}
      onPreview={(event) => {
        event.preventDefault();
        flow.preview({ text: 'Hello' });
      }}
      fields={() => <input ref={flow.focusRef} aria-label="Note" />}
      preview={{
        heading: 'Exactly what will be sent',
        summary: (note) => <p data-testid="summary">{note.text.length} characters</p>,
        readable: (note) => [{ id: 'message', label: 'Message', value: note.text }],
        body: (note) => JSON.stringify(note),
        bodyLabel: 'Body to send',
        sendLabel: 'Send',
        failed: (error) => `Not sent: ${error}`,
      }}
      store={async (note) => {
        if (failNext) throw new Error('disk full');
        stored.push(note);
        return stored.length;
      }}
      sent={(note, count) => <p>{`Stored “${note.text}” as number ${count}`}</p>}
      onDone={() => done++}
    />
  );
}

describe('SendFlow', () => {
  it('composes, previews exactly the body, sends, announces the result and closes', async () => {
    render(<NoteForm />);
    const region = screen.getByRole('region', { name: 'Send a note' });
    expect(region.className).toBe('ping');
    expect(within(region).getByText('About this page').tagName).toBe('P');
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('textbox', { name: 'Note' })));
    expect(within(region).getByRole('status').textContent).toBe('');

    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    const heading = await within(region).findByRole('heading', { name: 'Exactly what will be sent' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(within(region).getByTestId('summary').textContent).toBe('5 characters');
    // What is sent, part by part under its label, and the exact data one click away.
    const fields = within(region).getByTestId('ping-preview-fields');
    expect(fields.tagName).toBe('DL');
    expect(Array.from(fields.querySelectorAll('dt, dd')).map((node) => `${node.tagName}:${node.textContent}`)).toEqual([
      'DT:Message',
      'DD:Hello',
    ]);
    const body = within(region).getByTestId('ping-preview-body');
    expect(body.getAttribute('aria-label')).toBe('Body to send');
    expect(body.textContent).toBe('{"text":"Hello"}');
    const exact = body.closest('details')!;
    expect(exact.open).toBe(false);
    expect(within(exact).getByText('Exact data sent').tagName).toBe('SUMMARY');

    fireEvent.click(within(region).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Stored “Hello” as number 1'));
    expect(stored).toEqual([{ text: 'Hello' }]);
    const close = within(region).getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(close));
    fireEvent.click(close);
    expect(done).toBe(1);
  });

  it('keeps the preview with the reason when storing fails; Back returns to the fields', async () => {
    failNext = true;
    render(<NoteForm />);
    const region = screen.getByRole('region', { name: 'Send a note' });
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    fireEvent.click(await within(region).findByRole('button', { name: 'Send' }));
    expect((await within(region).findByText('Not sent: disk full')).className).toBe('notice notice--error');
    expect(within(region).getByRole('heading', { name: 'Exactly what will be sent' }).tagName).toBe('H3');
    expect(stored).toEqual([]);

    fireEvent.click(within(region).getByRole('button', { name: 'Back' }));
    expect(within(region).getByRole('textbox', { name: 'Note' }).tagName).toBe('INPUT');
    // A new preview starts without the old failure.
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    await within(region).findByRole('heading', { name: 'Exactly what will be sent' });
    expect(within(region).queryByText('Not sent: disk full')).toBeNull();
  });

  it('in Chrome asks the browser nothing at Send', async () => {
    let asked = 0;
    Object.assign(fakeBrowser.permissions, { request: async () => ++asked > 0 });
    render(<NoteForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }));
    await waitFor(() => expect(stored).toEqual([{ text: 'Hello' }]));
    expect(asked).toBe(0);
  });

  it('Cancel ends the flow from the fields', () => {
    render(<NoteForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(done).toBe(1);
  });
});

/** A form whose payload is what the teacher typed, as the ping, flag and plan forms build theirs. */
function QuestionForm({ store }: { store: (note: Note) => Promise<number> }) {
  const flow = useSendFlow<Note, number>();
  const [text, setText] = useState('');
  return (
    <SendFlow
      flow={flow}
      block="ping"
      titleId="question-title"
      title="Ask a question"
      onPreview={(event) => {
        event.preventDefault();
        flow.preview({ text });
      }}
      fields={() => (
        <textarea aria-label="Question" value={text} onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
      )}
      preview={{
        heading: 'Exactly what will be sent',
        summary: () => null,
        readable: (note) => [{ id: 'message', label: 'Message', value: note.text }],
        body: (note) => JSON.stringify(note),
        bodyLabel: 'Body to send',
        sendLabel: 'Send',
        failed: (error) => `Not sent: ${error}`,
      }}
      store={store}
      sent={(note) => <p>{`Stored “${note.text}”`}</p>}
      onDone={() => done++}
    />
  );
}

describe('SendFlow in Firefox: the data-consent question at Send', () => {
  const DECLINED =
    'Firefox asked whether Coachmark may send this to your school, and the answer was no. Nothing was sent or kept. ' +
    'Everything you wrote is still here: press “Send” again to allow it.';
  const storeNote = async (note: Note) => stored.push(note);

  it('asks within the Send click; declined, stores nothing, says so and keeps the words; allowed, sends', async () => {
    const consent = installFirefoxDataConsent();
    consent.answer = false;
    render(<QuestionForm store={storeNote} />);
    const region = screen.getByRole('region', { name: 'Ask a question' });
    fireEvent.input(within(region).getByRole('textbox', { name: 'Question' }), { target: { value: 'How do I post grades?' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    fireEvent.click(await within(region).findByRole('button', { name: 'Send' }));
    // Asked before the click handler awaited anything: Firefox accepts the request only then.
    expect(consent.requests).toEqual([['personallyIdentifyingInfo', 'personalCommunications', 'browsingActivity']]);

    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toBe(DECLINED);
    expect(stored).toEqual([]);
    expect(within(region).getByRole('status').textContent).toBe('');
    expect(within(region).getByTestId('ping-preview-body').textContent).toBe('{"text":"How do I post grades?"}');

    fireEvent.click(within(region).getByRole('button', { name: 'Back' }));
    expect((within(region).getByRole('textbox', { name: 'Question' }) as HTMLTextAreaElement).value).toBe('How do I post grades?');

    consent.answer = true;
    fireEvent.click(within(region).getByRole('button', { name: 'Preview' }));
    fireEvent.click(await within(region).findByRole('button', { name: 'Send' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Stored “How do I post grades?”'));
    expect(stored).toEqual([{ text: 'How do I post grades?' }]);
    expect(consent.requests).toHaveLength(2);
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('says the same when the consent is withdrawn between the answer and the store', async () => {
    installFirefoxDataConsent();
    render(
      <QuestionForm
        store={async () => {
          throw new DataConsentRefused();
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe(DECLINED);
    expect(screen.getByRole('heading', { name: 'Exactly what will be sent' }).tagName).toBe('H3');
  });
});
