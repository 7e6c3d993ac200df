import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { db, type CardRecord } from '@/utils/platform/db';
import { formatBody, validateEndpointUrl, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import type { GapFlagPayload, GapKind } from '@/utils/endpoints/types';
import { buildGapFlag, GAP_LIMITS, isCardKind } from '@/utils/gaps/gaps';
import { saveMyFlag, searchMissesFor, type Endpoint } from '@/utils/gaps/store';
import { IncludeFullUrlField } from './IncludeFullUrlField';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { watchSettings, type Settings } from '@/utils/settings/settings';
import type { TabState } from '@/utils/tabs/tab-state';
import { formatTime, kickOutbox } from './OutboxList';

export const GAP_KIND_LABELS: Record<GapKind, MessageKey> = {
  missing: 'flagKindMissing',
  unhelpful: 'flagKindUnhelpful',
  outdated: 'flagKindOutdated',
  'search-found-nothing': 'flagKindSearch',
};

interface Props {
  tabState: TabState | null;
  onDone: () => void;
  /** Pre-set by "This card didn't help" / "This card is out of date". */
  kind?: GapKind;
  /** The card the flag is about, for those two kinds. */
  card?: CardRecord;
}

type Step = { kind: 'compose' } | { kind: 'preview'; payload: GapFlagPayload } | { kind: 'done'; id: string; queued: boolean };

/**
 * "Flag a gap": what is missing, an optional note and the searches that found nothing here,
 * then a preview of exactly what will be sent. Send keeps the flag under "My flags" and hands
 * it to the outbox; with no endpoint set it is kept on the device until there is one.
 */
export function FlagForm({ tabState, onDone, kind: presetKind, card }: Props) {
  const uid = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const detection = tabState?.detection ?? null;
  const misses = useLiveQuery(
    () => searchMissesFor(detection?.tool ?? null, detection?.context ?? null),
    [detection?.tool, detection?.context],
  );
  const [kind, setKind] = useState<GapKind>(presetKind ?? (card ? 'unhelpful' : 'missing'));
  const [note, setNote] = useState('');
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [includeFullUrl, setIncludeFullUrl] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'compose' });
  const [error, setError] = useState<string | null>(null);
  const focusTarget = useRef<HTMLElement | null>(null);

  useEffect(() => watchSettings((effective) => setSettings(effective.values)), []);
  useEffect(() => setKind(presetKind ?? (card ? 'unhelpful' : 'missing')), [presetKind, card?.key]);
  // Each step starts where the teacher reads next.
  useEffect(() => focusTarget.current?.focus(), [step.kind]);

  if (!settings || !mentors || !misses) return <p class="status">{t('loading')}</p>;

  const endpointUrl = settings.endpointUrl.trim();
  const endpoint: Endpoint | null =
    endpointUrl && validateEndpointUrl(endpointUrl).ok ? { url: endpointUrl, format: settings.endpointFormat } : null;
  // "My search found nothing" only where a search here did find nothing.
  const pageKinds: GapKind[] = misses.length > 0 ? ['missing', 'search-found-nothing'] : ['missing'];
  const kinds: GapKind[] = card ? ['unhelpful', 'outdated', ...pageKinds] : pageKinds;
  const titleId = `${uid}-title`;
  const setFocus = (element: HTMLElement | null) => {
    focusTarget.current = element;
  };

  const onPreview = (event: Event) => {
    event.preventDefault();
    setError(null);
    const payload = buildGapFlag({
      tabState,
      kind,
      note,
      card: isCardKind(kind) ? card : undefined,
      searches: misses.filter((search) => !dropped.has(search)),
      settings,
      mentors,
      includeFullUrl,
      id: crypto.randomUUID(),
      now: Date.now(),
    });
    setStep({ kind: 'preview', payload });
  };

  const onSend = async (payload: GapFlagPayload) => {
    try {
      // Exactly the previewed object, to the endpoint configured when Send was pressed.
      await saveMyFlag(payload, endpoint);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return;
    }
    setStep({ kind: 'done', id: payload.id, queued: endpoint !== null });
    if (endpoint) await kickOutbox('gap');
  };

  const toggleSearch = (search: string, keep: boolean) =>
    setDropped((current) => {
      const next = new Set(current);
      if (keep) next.delete(search);
      else next.add(search);
      return next;
    });

  return (
    <div class="flag" role="region" aria-labelledby={titleId} data-testid="flag-form">
      <h2 id={titleId} class="flag__title">
        {t('flagGap')}
      </h2>
      {card && <p class="flag__card">{t('flagAboutCard', card.title)}</p>}
      {step.kind === 'compose' && (
        <form onSubmit={onPreview} noValidate>
          <fieldset class="flag__kinds">
            <legend>{t('flagKindLegend')}</legend>
            {kinds.map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${uid}-kind`}
                  value={value}
                  checked={kind === value}
                  ref={kind === value ? setFocus : undefined}
                  onChange={() => setKind(value)}
                />{' '}
                {t(GAP_KIND_LABELS[value])}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for={`${uid}-note`}>{t('flagNoteLabel')}</label>
            <textarea
              id={`${uid}-note`}
              rows={3}
              maxLength={GAP_LIMITS.note}
              value={note}
              aria-describedby={`${uid}-note-hint`}
              onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
            />
            <span id={`${uid}-note-hint`} class="hint">
              {t('flagNoteHint')}
            </span>
          </div>
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
          {!endpoint && <p class="notice">{t('flagNoEndpoint')}</p>}
          <div class="flag__actions">
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
        <div class="flag__preview">
          <h3 tabIndex={-1} ref={setFocus}>
            {t('flagPreviewTitle')}
          </h3>
          <p class="flag__destination">
            {endpoint
              ? t('flagPreviewDestination', [endpointHost(endpoint.url), t(FORMAT_NAME_KEYS[endpoint.format])])
              : t('flagPreviewNoEndpoint', t(FORMAT_NAME_KEYS[settings.endpointFormat]))}
          </p>
          <pre class="flag__body" tabIndex={0} aria-label={t('flagPreviewBodyLabel')} data-testid="flag-preview-body">
            {JSON.stringify(formatBody(settings.endpointFormat, step.payload), null, 2)}
          </pre>
          {error && <p class="notice notice--error">{t('flagSendFailed', error)}</p>}
          <div class="flag__actions">
            <button type="button" class="primary" onClick={() => void onSend(step.payload)}>
              {endpoint ? t('flagSend') : t('flagKeep')}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'compose' })}>
              {t('back')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite" class="flag__live">
        {step.kind === 'done' && (step.queued ? <QueuedStatus id={step.id} /> : <p class="notice">{t('flagKept')}</p>)}
      </div>
      {step.kind === 'done' && (
        <div class="flag__actions">
          <button type="button" ref={setFocus} onClick={onDone}>
            {t('close')}
          </button>
        </div>
      )}
    </div>
  );
}

function QueuedStatus({ id }: { id: string }) {
  const item = useLiveQuery(() => db.outbox.get(id), [id]);
  if (!item) return null;
  const { state, text } = describeOutboxItem(item, formatTime);
  return (
    <p class={`notice ${state === 'sent' ? 'notice--ok' : state === 'failed' ? 'notice--error' : ''}`} data-testid="flag-result">
      {t('flagQueued', text)}
    </p>
  );
}
