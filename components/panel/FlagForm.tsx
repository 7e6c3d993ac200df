import { useEffect, useId, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { useSettings } from '../hooks/use-settings';
import { Field } from '../shared/Field';
import { db, type CardRecord } from '@/utils/platform/db';
import { formatBody, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import { isCardStep, type GapFlagPayload, type GapKind } from '@/utils/endpoints/types';
import { isCardKind } from '@/utils/gaps/kinds';
import { buildGapFlag, GAP_LIMITS } from '@/utils/gaps/payload';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { sendGapFlag } from '@/utils/gaps/send';
import { searchMissesFor, type Endpoint } from '@/utils/gaps/store';
import { IncludeFullUrlField } from './IncludeFullUrlField';
import { t } from '@/utils/platform/i18n';
import type { TabState } from '@/utils/tabs/tab-state';
import { OutboxItemStatus, SendFlow } from './SendFlow';
import { useSendFlow } from './use-send-flow';
import { previewFields, type PreviewField } from '@/utils/outbox/preview-fields';
import { deliveryEndpoint, schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';

interface Props {
  tabState: TabState | null;
  onDone: () => void;
  /**
   * Pre-set by "This card didn't help" / "This card is out of date", or by a search here that
   * found nothing ('search-found-nothing'). A kind this page does not offer falls back to the first.
   */
  kind?: GapKind;
  /** The card the flag is about, for those two kinds. */
  card?: CardRecord;
  /**
   * The step of that card the flag is about, counted from 1 ("Tell my coach this step is out of
   * date"); sent with the card. A step the card does not have is ignored.
   */
  step?: number;
  /** Words to start the note with; the teacher can change or remove them. */
  initialNote?: string;
}

/**
 * "Flag a gap": what is missing, an optional note and the searches that found nothing here,
 * then a preview of exactly what will be sent. Send keeps the flag under "My flags" and hands
 * it to the outbox; with no endpoint set it is kept on the device until there is one.
 */
export function FlagForm({ tabState, onDone, kind: presetKind, card, step: presetStep, initialNote }: Props) {
  const uid = useId();
  const effective = useSettings();
  const settings = effective?.values;
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const detection = tabState?.detection ?? null;
  const misses = useLiveQuery(
    () => searchMissesFor(detection?.tool ?? null, detection?.context ?? null),
    [detection?.tool, detection?.context],
  );
  const [kind, setKind] = useState<GapKind>(presetKind ?? (card ? 'unhelpful' : 'missing'));
  const [note, setNote] = useState(initialNote ?? '');
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [includeFullUrl, setIncludeFullUrl] = useState(false);
  /** Sent with "queued": whether the flag went to the outbox (there was an endpoint) or was kept. */
  const flow = useSendFlow<GapFlagPayload, boolean>(settings !== undefined && mentors !== undefined && misses !== undefined);

  useEffect(() => setKind(presetKind ?? (card ? 'unhelpful' : 'missing')), [presetKind, card?.key]);

  if (!effective || !settings || !mentors || !misses) return <p class="status">{t('loading')}</p>;

  const step = card && isCardStep(presetStep) && presetStep <= card.steps.length ? presetStep : undefined;
  const endpoint: Endpoint | null = deliveryEndpoint(settings);
  const kinds = offeredKinds(card !== undefined, misses.length > 0);
  const chosen = kinds.includes(kind) ? kind : kinds[0]!;

  const onPreview = (event: Event) => {
    event.preventDefault();
    flow.preview(
      buildGapFlag({
        tabState,
        kind: chosen,
        note,
        card: card && isCardKind(chosen) ? { ...card, step } : undefined,
        searches: misses.filter((search) => !dropped.has(search)),
        settings,
        mentors,
        includeFullUrl,
        id: crypto.randomUUID(),
        now: Date.now(),
      }),
    );
  };

  const toggleSearch = (search: string, keep: boolean) =>
    setDropped((current) => {
      const next = new Set(current);
      if (keep) next.delete(search);
      else next.add(search);
      return next;
    });

  return (
    <SendFlow
      flow={flow}
      block="flag"
      titleId={`${uid}-title`}
      title={t('flagGap')}
      testId="flag-form"
      intro={
        card && (
          <p class="flag__card">
            {step === undefined ? t('flagAboutCard', card.title) : t('flagAboutCardStep', [String(step), card.title])}
          </p>
        )
      }
      onPreview={onPreview}
      fields={() => (
        <>
          {kinds.length === 1 ? (
            // One reason applies: say it, rather than offer a choice of one.
            <p class="flag__kind" data-testid="flag-kind">
              <strong>{t('flagKindLegend')}</strong> {t(GAP_KIND_LABEL_KEYS[chosen])}
            </p>
          ) : (
            <fieldset class="flag__kinds">
              <legend>{t('flagKindLegend')}</legend>
              {kinds.map((value) => (
                <label key={value}>
                  <input type="radio" name={`${uid}-kind`} value={value} checked={chosen === value} onChange={() => setKind(value)} />{' '}
                  {t(GAP_KIND_LABEL_KEYS[value])}
                </label>
              ))}
            </fieldset>
          )}
          <Field id={`${uid}-note`} label={t('flagNoteLabel')} hint={t('flagNoteHint')}>
            {(control) => (
              <textarea
                {...control}
                ref={flow.focusRef}
                rows={3}
                maxLength={GAP_LIMITS.note}
                value={note}
                onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
              />
            )}
          </Field>
          {misses.length > 0 && (
            <fieldset class="flag__searches">
              <legend>{t('flagSearchesLegend')}</legend>
              <p class="hint">{t('flagSearchesHint')}</p>
              {misses.map((search) => (
                <label key={search}>
                  <input
                    type="checkbox"
                    checked={!dropped.has(search)}
                    onChange={(event) => toggleSearch(search, (event.target as HTMLInputElement).checked)}
                  />{' '}
                  {t('flagSearchQuoted', search)}
                </label>
              ))}
            </fieldset>
          )}
          <IncludeFullUrlField id={`${uid}-url`} checked={includeFullUrl} onChange={setIncludeFullUrl} />
          {schoolEndpointInvalid(effective) ? <SchoolEndpointNotice /> : !endpoint && <p class="notice">{t('flagNoEndpoint')}</p>}
        </>
      )}
      preview={{
        heading: t('flagPreviewTitle'),
        summary: () => (
          <p class="flag__destination">
            {endpoint
              ? t('flagPreviewDestination', [endpointHost(endpoint.url), t(FORMAT_NAME_KEYS[endpoint.format])])
              : t('flagPreviewNoEndpoint')}
          </p>
        ),
        readable: readableFields,
        body: (payload) => JSON.stringify(formatBody(settings.endpointFormat, payload), null, 2),
        bodyLabel: t('flagPreviewBodyLabel'),
        sendLabel: endpoint ? t('flagSend') : t('flagKeep'),
        failed: (error) => t('flagSendFailed', error),
      }}
      // Exactly the previewed object, to the endpoint configured when Send was pressed.
      store={async (payload) => {
        await sendGapFlag(payload, endpoint);
        return endpoint !== null;
      }}
      sent={(payload, queued) =>
        queued ? (
          <OutboxItemStatus id={payload.id} testId="flag-result" words={(_state, text) => t('flagQueued', text)} />
        ) : (
          <p class="notice">{t('flagKept')}</p>
        )
      }
      onDone={onDone}
    />
  );
}

/** The preview's parts; the card's names the step when the flag is about one. */
function readableFields(payload: GapFlagPayload): PreviewField[] {
  const step = payload.card?.step;
  if (!payload.card || step === undefined) return previewFields(payload);
  const value = t('flagPreviewCardStep', [payload.card.title, String(step)]);
  return previewFields(payload).map((field) => (field.id === 'card' ? { ...field, value } : field));
}

/** The reasons a flag here can give: about the card, when there is one; "My search found nothing" only where a search here did. */
function offeredKinds(aboutCard: boolean, searchFailedHere: boolean): GapKind[] {
  const pageKinds: GapKind[] = searchFailedHere ? ['missing', 'search-found-nothing'] : ['missing'];
  return aboutCard ? ['unhelpful', 'outdated', ...pageKinds] : pageKinds;
}
