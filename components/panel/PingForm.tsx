import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '../hooks';
import { db } from '@/utils/platform/db';
import { formatBody, validateEndpointUrl, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import { URGENCIES, type EndpointFormat, type HelpRequestPayload, type RoutedMentor, type Urgency } from '@/utils/endpoints/types';
import { IncludeFullUrlField } from './IncludeFullUrlField';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { enqueue } from '@/utils/outbox/queue';
import { buildHelpRequest, mentionSummary } from '@/utils/help-requests/help-request';
import { watchSettings, type Settings } from '@/utils/settings/settings';
import type { TabState } from '@/utils/tabs/tab-state';
import { formatTime, kickOutbox } from './OutboxList';

const URGENCY_LABELS: Record<Urgency, MessageKey> = {
  now: 'urgencyNow',
  today: 'urgencyToday',
  'this-week': 'urgencyThisWeek',
};

/** Matches the formats' own limit on the teacher's words, so nothing typed is cut silently. */
const MAX_MESSAGE = 2000;

type Step = { kind: 'compose' } | { kind: 'preview'; payload: HelpRequestPayload } | { kind: 'sent'; id: string };

/**
 * "Ping a mentor": the teacher's words and urgency, then a preview of exactly the body that
 * will be sent, then Send, which stores the request in the outbox for the background.
 */
export function PingForm({ tabState, onDone }: { tabState: TabState | null; onDone: () => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const [message, setMessage] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('today');
  const [includeFullUrl, setIncludeFullUrl] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'compose' });
  const [messageError, setMessageError] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const focusTarget = useRef<HTMLElement | null>(null);

  useEffect(() => watchSettings((effective) => setSettings(effective.values)), []);
  // Each step starts where the teacher reads next (the textarea, the preview heading, the result).
  const ready = settings !== null && mentors !== undefined;
  useEffect(() => focusTarget.current?.focus(), [step.kind, ready]);

  if (!settings || !mentors) return <p class="status">{t('loading')}</p>;

  const endpointReady = settings.endpointUrl.trim() !== '' && validateEndpointUrl(settings.endpointUrl).ok;
  if (!endpointReady && step.kind !== 'sent') {
    return (
      <div class="ping ping--setup notice" role="region" aria-labelledby="ping-title">
        <h2 id="ping-title" class="ping__title">
          {t('pingTitle')}
        </h2>
        <p>{t('pingNoEndpoint')}</p>
        <button type="button" class="primary" onClick={() => void openSettings()}>
          {t('openSettings')}
        </button>
      </div>
    );
  }

  const onPreview = (event: Event) => {
    event.preventDefault();
    if (!message.trim()) {
      setMessageError(true);
      document.getElementById('ping-message')?.focus();
      return;
    }
    setMessageError(false);
    setSendError(null);
    const payload = buildHelpRequest({
      tabState,
      message,
      urgency,
      includeFullUrl,
      settings,
      mentors,
      id: crypto.randomUUID(),
      now: Date.now(),
    });
    setStep({ kind: 'preview', payload });
  };

  const onSend = async (payload: HelpRequestPayload) => {
    try {
      // Exactly the previewed object, to the endpoint configured when Send was pressed.
      await enqueue(payload, { url: settings.endpointUrl.trim(), format: settings.endpointFormat });
    } catch (error) {
      setSendError(error instanceof Error ? error.message : String(error));
      return;
    }
    setStep({ kind: 'sent', id: payload.id });
    await kickOutbox('ping');
  };

  return (
    <div class="ping" role="region" aria-labelledby="ping-title">
      <h2 id="ping-title" class="ping__title">
        {t('pingTitle')}
      </h2>
      {step.kind === 'compose' && (
        <form onSubmit={onPreview} noValidate>
          {!settings.teacherName.trim() && <p class="hint">{t('pingNoTeacherName')}</p>}
          <div class="field">
            <label for="ping-message">{t('pingMessageLabel')}</label>
            <textarea
              id="ping-message"
              ref={(element) => {
                focusTarget.current = element;
              }}
              rows={4}
              maxLength={MAX_MESSAGE}
              value={message}
              aria-invalid={messageError}
              aria-describedby={messageError ? 'ping-message-error' : 'ping-message-hint'}
              onInput={(event) => setMessage((event.target as HTMLTextAreaElement).value)}
            />
            {messageError ? (
              <span id="ping-message-error" class="error">
                {t('pingMessageRequired')}
              </span>
            ) : (
              <span id="ping-message-hint" class="hint">
                {t('pingMessageHint')}
              </span>
            )}
          </div>
          <fieldset class="ping__urgency">
            <legend>{t('pingUrgencyLegend')}</legend>
            {URGENCIES.map((value) => (
              <label key={value}>
                <input type="radio" name="ping-urgency" value={value} checked={urgency === value} onChange={() => setUrgency(value)} />{' '}
                {t(URGENCY_LABELS[value])}
              </label>
            ))}
          </fieldset>
          <IncludeFullUrlField id="ping-full-url" checked={includeFullUrl} onChange={setIncludeFullUrl} />
          <div class="ping__actions">
            <button type="submit" class="primary">
              {t('pingPreview')}
            </button>
            <button type="button" onClick={onDone}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'preview' && (
        <Preview
          payload={step.payload}
          settings={settings}
          headingRef={(element) => {
            focusTarget.current = element;
          }}
          error={sendError}
          onBack={() => setStep({ kind: 'compose' })}
          onSend={() => void onSend(step.payload)}
        />
      )}
      <div role="status" aria-live="polite" class="ping__live">
        {step.kind === 'sent' && <SentStatus id={step.id} />}
      </div>
      {step.kind === 'sent' && (
        <div class="ping__actions">
          <button
            type="button"
            ref={(element) => {
              focusTarget.current = element;
            }}
            onClick={onDone}
          >
            {t('close')}
          </button>
        </div>
      )}
    </div>
  );
}

function Preview(props: {
  payload: HelpRequestPayload;
  settings: Settings;
  headingRef: (element: HTMLElement | null) => void;
  error: string | null;
  onBack: () => void;
  onSend: () => void;
}) {
  const { payload, settings } = props;
  const format = settings.endpointFormat;
  const body = JSON.stringify(formatBody(format, payload), null, 2);
  return (
    <div class="ping__preview">
      <h3 id="ping-preview-title" tabIndex={-1} ref={props.headingRef}>
        {t('pingPreviewTitle')}
      </h3>
      <ul class="ping__summary" data-testid="ping-summary">
        <li>{t('pingPreviewDestination', [endpointHost(settings.endpointUrl), t(FORMAT_NAME_KEYS[format])])}</li>
        <li>{mentorLine(payload.mentors, format, payload.tool.name)}</li>
        <li>{t('pingPreviewPage', payload.page.url || t('pingPreviewNoPage'))}</li>
      </ul>
      <pre class="ping__body" tabIndex={0} aria-label={t('pingPreviewBodyLabel')} data-testid="ping-preview-body">
        {body}
      </pre>
      {props.error && <p class="notice notice--error">{t('pingSendFailed', props.error)}</p>}
      <div class="ping__actions">
        <button type="button" class="primary" onClick={props.onSend}>
          {t('pingSend')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}

/** Who will be notified, in a sentence: mentioned mentors, named-only mentors, or the channel alone. */
function mentorLine(mentors: RoutedMentor[], format: EndpointFormat, toolName: string): string {
  if (mentors.length === 0) return t('pingPreviewNoMentors', toolName);
  const { mentioned, namedOnly } = mentionSummary(mentors, format);
  const names = (list: RoutedMentor[]) => list.map((mentor) => mentor.name).join(', ');
  const parts: string[] = [];
  if (mentioned.length > 0) parts.push(t('pingPreviewMentions', names(mentioned)));
  if (namedOnly.length > 0) parts.push(t('pingPreviewNamedOnly', names(namedOnly)));
  return parts.join(' ');
}

function SentStatus({ id }: { id: string }) {
  const item = useLiveQuery(() => db.outbox.get(id), [id]);
  if (!item) return null;
  const { state, text } = describeOutboxItem(item, formatTime);
  return (
    <p class={`notice ${state === 'sent' ? 'notice--ok' : state === 'failed' ? 'notice--error' : ''}`} data-testid="ping-result">
      {state === 'sent' || state === 'failed' ? text : t('pingAnnounceQueued', text)}
    </p>
  );
}

/** The studio's Settings tab, in a new tab. */
async function openSettings(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#settings' as '/options.html') });
}
