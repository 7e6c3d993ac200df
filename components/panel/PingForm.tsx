import { useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { useSettings } from '../hooks/use-settings';
import { Field } from '../shared/Field';
import { db } from '@/utils/platform/db';
import { formatBody, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import { URGENCIES, type EndpointFormat, type HelpRequestPayload, type RoutedMentor, type Urgency } from '@/utils/endpoints/types';
import { IncludeFullUrlField } from './IncludeFullUrlField';
import { t } from '@/utils/platform/i18n';
import { buildHelpRequest, mentionSummary } from '@/utils/help-requests/help-request';
import { sendHelpRequest } from '@/utils/help-requests/send';
import { URGENCY_LABEL_KEYS } from '@/utils/help-requests/labels';
import type { Settings } from '@/utils/settings/settings';
import type { TabState } from '@/utils/tabs/tab-state';
import { announceDelivery, OutboxItemStatus, SendFlow } from './SendFlow';
import { OtherWaysToAsk } from './OtherWaysToAsk';
import { useSendFlow } from './use-send-flow';
import { previewFields } from '@/utils/outbox/preview-fields';
import { deliveryEndpoint, schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';

/** Matches the formats' own limit on the teacher's words, so nothing typed is cut silently. */
const MAX_MESSAGE = 2000;

/**
 * "Ping a mentor": the teacher's words and urgency, then a preview of exactly the body that
 * will be sent, then Send, which stores the request in the outbox for the background.
 */
export function PingForm({ tabState, onDone }: { tabState: TabState | null; onDone: () => void }) {
  const effective = useSettings();
  const settings = effective?.values;
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const [message, setMessage] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('today');
  const [includeFullUrl, setIncludeFullUrl] = useState(false);
  const [messageError, setMessageError] = useState(false);
  // The first step starts on the textarea, which is there once settings and mentors are read.
  const flow = useSendFlow<HelpRequestPayload, void>(settings !== undefined && mentors !== undefined);

  if (!effective || !settings || !mentors) return <p class="status">{t('loading')}</p>;

  // Without an endpoint (or with one the school set wrong) the teacher still writes and sends:
  // the ping is held on this device.
  const endpoint = deliveryEndpoint(settings);
  const schoolSetWrong = schoolEndpointInvalid(effective);
  const draft = () =>
    buildHelpRequest({ tabState, message, urgency, includeFullUrl, settings, mentors, id: crypto.randomUUID(), now: Date.now() });

  const onPreview = (event: Event) => {
    event.preventDefault();
    if (!message.trim()) {
      setMessageError(true);
      document.getElementById('ping-message')?.focus();
      return;
    }
    setMessageError(false);
    flow.preview(draft());
  };

  return (
    <SendFlow
      flow={flow}
      block="ping"
      titleId="ping-title"
      title={t('pingTitle')}
      onPreview={onPreview}
      fields={() => (
        <>
          {schoolSetWrong ? <SchoolEndpointNotice /> : !endpoint && <p class="notice ping__held">{t('pingHeldNotice')}</p>}
          {!settings.teacherName.trim() && <p class="hint">{t('pingNoTeacherName')}</p>}
          <Field
            id="ping-message"
            label={t('pingMessageLabel')}
            hint={messageError ? undefined : t('pingMessageHint')}
            error={messageError ? t('pingMessageRequired') : null}
          >
            {(control) => (
              <textarea
                {...control}
                ref={flow.focusRef}
                rows={4}
                maxLength={MAX_MESSAGE}
                value={message}
                onInput={(event) => setMessage((event.target as HTMLTextAreaElement).value)}
              />
            )}
          </Field>
          <fieldset class="ping__urgency">
            <legend>{t('pingUrgencyLegend')}</legend>
            {URGENCIES.map((value) => (
              <label key={value}>
                <input type="radio" name="ping-urgency" value={value} checked={urgency === value} onChange={() => setUrgency(value)} />{' '}
                {t(URGENCY_LABEL_KEYS[value])}
              </label>
            ))}
          </fieldset>
          <IncludeFullUrlField id="ping-full-url" checked={includeFullUrl} onChange={setIncludeFullUrl} />
          <OtherWaysToAsk question={message.trim() ? draft : null} coachEmail={settings.coachEmail} />
        </>
      )}
      preview={{
        heading: t('pingPreviewTitle'),
        headingId: 'ping-preview-title',
        summary: (payload) => <PreviewSummary payload={payload} settings={settings} held={!endpoint} />,
        readable: previewFields,
        body: (payload) => JSON.stringify(formatBody(settings.endpointFormat, payload), null, 2),
        bodyLabel: t('pingPreviewBodyLabel'),
        sendLabel: endpoint ? t('pingSend') : t('pingKeep'),
        failed: (error) => t('pingSendFailed', error),
      }}
      // Exactly the previewed object, to the endpoint configured when Send was pressed (or held).
      store={(payload) => sendHelpRequest(payload, endpoint)}
      sent={(payload) => <OutboxItemStatus id={payload.id} testId="ping-result" words={announceDelivery} />}
      onDone={onDone}
    />
  );
}

function PreviewSummary({ payload, settings, held }: { payload: HelpRequestPayload; settings: Settings; held: boolean }) {
  const format = settings.endpointFormat;
  return (
    <ul class="ping__summary" data-testid="ping-summary">
      <li>
        {held ? t('pingPreviewKept') : t('pingPreviewDestination', [endpointHost(settings.endpointUrl), t(FORMAT_NAME_KEYS[format])])}
      </li>
      <li>{mentorLine(payload.mentors, format, payload.tool.name)}</li>
    </ul>
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
