import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '../hooks/use-settings';
import { Field } from '../shared/Field';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';
import { HANDLE_LABELS } from '../shared/mentor-handles';
import { formatBody, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import { JSON_LIMITS } from '@/utils/endpoints/json';
import type { EndpointFormat, MentorVolunteerPayload } from '@/utils/endpoints/types';
import { getComfortMap, type Comfort } from '@/utils/cards/comfort';
import { isMentionHandle } from '@/utils/help-requests/help-request';
import { previewFields } from '@/utils/outbox/preview-fields';
import { sendToOutbox } from '@/utils/outbox/send';
import { buildVolunteerOffer, volunteerToolChoices } from '@/utils/outbox/volunteer-offer';
import { deliveryEndpoint, schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { toolName } from '@/utils/tools/names';
import { announceDelivery, OutboxItemStatus, SendFlow } from './SendFlow';
import { useSendFlow } from './use-send-flow';
import { reportFailure } from './report-failure';

/**
 * How the school's chat names a person, in the teacher's words; a handle that could never be a
 * mention is refused with the studio's own wording (HANDLE_LABELS).
 */
const HANDLE_HINTS: Record<EndpointFormat, MessageKey> = {
  slack: 'volunteerHandleHintSlack',
  teams: 'volunteerHandleHintTeams',
  'google-chat': 'volunteerHandleHintGoogleChat',
  discord: 'volunteerHandleHintDiscord',
  json: 'volunteerHandleHintJson',
};

type Problem = 'name' | 'handle' | 'tools';

/**
 * "I can help others": the teacher's name, their handle in the school's chat, the tools they can
 * help with (this page's tool and the ones they rated expert ticked) and a note; then the same
 * preview and Send as a ping, through the outbox, so an offer written offline or refused stays
 * in sight. A coach reads it and adds the teacher as a mentor; until then nobody is routed to them.
 */
export function VolunteerForm({ tool, onDone }: { tool: string | null; onDone: () => void }) {
  const effective = useSettings();
  const settings = effective?.values;
  const comfort = useComfortMap();
  // Untouched fields follow the settings; what the teacher types replaces them.
  const [name, setName] = useState<string | undefined>(undefined);
  const [handle, setHandle] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string> | undefined>(undefined);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const flow = useSendFlow<MentorVolunteerPayload, void>(settings !== undefined && comfort !== undefined);

  if (!effective || !settings || !comfort) return <p class="status">{t('loading')}</p>;

  const endpoint = deliveryEndpoint(settings);
  const format = settings.endpointFormat;
  const choices = volunteerToolChoices(tool, comfort, settings.hiddenTools);
  const chosen = picked ?? new Set(choices.suggested);
  const nameValue = name ?? settings.teacherName;
  const handleInvalid = HANDLE_LABELS[format].invalid;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  const onPreview = (event: Event) => {
    event.preventDefault();
    const found = new Set<Problem>();
    if (!nameValue.trim()) found.add('name');
    if (handle.trim() && handleInvalid && !isMentionHandle(format, handle)) found.add('handle');
    // In the order shown, so the message lists them as the teacher ticked them.
    const tools = [...choices.suggested, ...choices.others].filter((id) => chosen.has(id));
    if (tools.length === 0) found.add('tools');
    setProblems(found);
    if (found.size > 0) {
      const first = found.has('name') ? 'volunteer-name' : found.has('handle') ? 'volunteer-handle' : 'volunteer-tools';
      document.getElementById(first)?.focus();
      return;
    }
    flow.preview(buildVolunteerOffer({ name: nameValue, handle, tools, note, settings, id: crypto.randomUUID(), now: Date.now() }));
  };

  const checkbox = (id: string) => (
    <li key={id}>
      <label>
        <input type="checkbox" checked={chosen.has(id)} onChange={(event) => toggle(id, (event.target as HTMLInputElement).checked)} />{' '}
        {toolName(id)}
      </label>
    </li>
  );

  return (
    <SendFlow
      flow={flow}
      block="volunteer"
      titleId="volunteer-title"
      title={t('volunteerTitle')}
      testId="volunteer-form"
      intro={<p class="hint">{t('volunteerIntro')}</p>}
      onPreview={onPreview}
      fields={() => (
        <>
          {schoolEndpointInvalid(effective) ? <SchoolEndpointNotice /> : !endpoint && <p class="notice">{t('volunteerHeldNotice')}</p>}
          <Field id="volunteer-name" label={t('volunteerNameLabel')} error={problems.has('name') ? t('volunteerNameRequired') : null}>
            {(control) => (
              <input
                {...control}
                ref={flow.focusRef}
                type="text"
                autocomplete="name"
                maxLength={JSON_LIMITS.name}
                value={nameValue}
                onInput={(event) => setName((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <Field
            id="volunteer-handle"
            label={t('volunteerHandleLabel')}
            hint={t(HANDLE_HINTS[format])}
            error={problems.has('handle') && handleInvalid ? t(handleInvalid) : null}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autocomplete="off"
                spellcheck={false}
                maxLength={JSON_LIMITS.handle}
                value={handle}
                onInput={(event) => setHandle((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <fieldset
            class="volunteer__tools"
            id="volunteer-tools"
            tabIndex={-1}
            aria-invalid={problems.has('tools')}
            aria-describedby={problems.has('tools') ? 'volunteer-tools-error' : undefined}
          >
            <legend>{t('volunteerToolsLegend')}</legend>
            {choices.suggested.length > 0 && <ul class="volunteer__tool-list">{choices.suggested.map(checkbox)}</ul>}
            {/* Open from the start when nothing is suggested: then the whole list is the choice. */}
            <details class="volunteer__more" open={choices.suggested.length === 0}>
              <summary>{t('volunteerMoreTools')}</summary>
              <ul class="volunteer__tool-list">{choices.others.map(checkbox)}</ul>
            </details>
            {problems.has('tools') && (
              <p id="volunteer-tools-error" class="error">
                {t('volunteerToolsRequired')}
              </p>
            )}
          </fieldset>
          <Field id="volunteer-note" label={t('volunteerNoteLabel')} hint={t('volunteerNoteHint')}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={JSON_LIMITS.volunteerNote}
                value={note}
                onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
              />
            )}
          </Field>
        </>
      )}
      preview={{
        heading: t('pingPreviewTitle'),
        headingId: 'volunteer-preview-title',
        summary: () => (
          <ul class="ping__summary" data-testid="volunteer-summary">
            <li>
              {endpoint
                ? t('pingPreviewDestination', [endpointHost(endpoint.url), t(FORMAT_NAME_KEYS[endpoint.format])])
                : t('pingPreviewKept')}
            </li>
            <li>{t('volunteerPreviewNobody')}</li>
          </ul>
        ),
        readable: previewFields,
        body: (payload) => JSON.stringify(formatBody(format, payload), null, 2),
        bodyLabel: t('pingPreviewBodyLabel'),
        sendLabel: endpoint ? t('pingSend') : t('pingKeep'),
        failed: (error) => t('volunteerSendFailed', error),
      }}
      // Exactly the previewed object, to the endpoint set when Send was pressed (or kept here).
      store={(payload) => sendToOutbox(payload, endpoint, 'volunteer')}
      sent={(payload) => (
        <>
          <OutboxItemStatus id={payload.id} testId="volunteer-result" words={announceDelivery} />
          <p class="notice notice--ok">{t('volunteerCoachWillAdd')}</p>
        </>
      )}
      onDone={onDone}
    />
  );
}

/** Every tool the teacher rated, read once when the form opens; undefined while it is read. */
function useComfortMap(): Record<string, Comfort> | undefined {
  const [comfort, setComfort] = useState<Record<string, Comfort> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getComfortMap()
      .then((map) => live && setComfort(map))
      .catch((error: unknown) => {
        reportFailure('read your comfort levels')(error);
        if (live) setComfort({});
      });
    return () => {
      live = false;
    };
  }, []);
  return comfort;
}
