import type { ComponentChildren } from 'preact';
import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { formatTime } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { errorMessage, storageFailureText } from '@/utils/platform/storage-errors';
import type { PreviewField } from '@/utils/outbox/preview-fields';
import type { SendFlowState } from './use-send-flow';

interface Props<P, R> {
  flow: SendFlowState<P, R>;
  /** The form's style block ("ping" → .ping, .ping__title, .ping__actions, …). */
  block: 'ping' | 'flag' | 'plan-share' | 'volunteer';
  titleId: string;
  title: string;
  testId?: string;
  /** Under the title at every step. */
  intro?: ComponentChildren;
  /** The compose step's fields, above Preview and Cancel. */
  fields: () => ComponentChildren;
  /** The compose step's button (default "Preview"). */
  previewLabel?: string;
  /** Preview: checks the fields and, when they are fine, calls flow.preview with the payload. */
  onPreview: (event: Event) => void;
  preview: {
    heading: string;
    headingId?: string;
    /** Where it goes and who is told, above the body. */
    summary: (payload: P) => ComponentChildren;
    /** What is sent, part by part in the teacher's words, read from the payload. */
    readable: (payload: P) => PreviewField[];
    /** Exactly the data that is sent, one click away under the readable parts. */
    body: (payload: P) => string;
    bodyLabel: string;
    sendLabel: string;
    /** Why storing it failed, in a sentence. */
    failed: (error: string) => string;
  };
  /** Stores the previewed payload for delivery (or keeps it); a rejection is shown in the preview. */
  store: (payload: P) => Promise<R>;
  /** The live line once it is stored. */
  sent: (payload: P, result: R) => ComponentChildren;
  onDone: () => void;
}

/**
 * The shell of the ping and flag forms: the teacher composes, reads what will be sent (each
 * part labelled, with the exact data under "Exact data sent"), then sends exactly that; the
 * result is announced in a live region and Close ends the flow. In Firefox, Send first asks the
 * browser's data-consent question; a no keeps the preview, stores nothing and says so.
 */
export function SendFlow<P, R>({
  flow,
  block,
  titleId,
  title,
  testId,
  intro,
  fields,
  previewLabel,
  onPreview,
  preview,
  store,
  sent,
  onDone,
}: Props<P, R>) {
  const { step } = flow;
  return (
    <div class={block} role="region" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} class={`${block}__title`}>
        {title}
      </h2>
      {intro}
      {step.kind === 'compose' && (
        <form onSubmit={onPreview} noValidate>
          {fields()}
          <div class={`${block}__actions`}>
            <button type="submit" class="primary">
              {previewLabel ?? t('pingPreview')}
            </button>
            <button type="button" onClick={onDone}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'preview' && (
        <div class={`${block}__preview`}>
          <h3 id={preview.headingId} tabIndex={-1} ref={flow.focusRef}>
            {preview.heading}
          </h3>
          {preview.summary(step.payload)}
          <dl class="send-preview" data-testid={`${block}-preview-fields`}>
            {preview.readable(step.payload).map((field) => (
              <div key={field.id} class="send-preview__field" data-field={field.id}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
          <details class="send-preview__exact">
            <summary>{t('previewExactData')}</summary>
            <pre class={`${block}__body`} tabIndex={0} aria-label={preview.bodyLabel} data-testid={`${block}-preview-body`}>
              {preview.body(step.payload)}
            </pre>
          </details>
          {(flow.error || flow.declined) && (
            <p class="notice notice--error" role="alert">
              {flow.declined
                ? t('sendConsentDeclined', preview.sendLabel)
                : storageFailureText(flow.error?.cause, (error) => preview.failed(errorMessage(error)))}
            </p>
          )}
          <div class={`${block}__actions`}>
            <button type="button" class="primary" onClick={() => void flow.send(store)}>
              {preview.sendLabel}
            </button>
            <button type="button" onClick={flow.back}>
              {t('back')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite" class={`${block}__live`}>
        {step.kind === 'sent' && sent(step.payload, step.result)}
      </div>
      {step.kind === 'sent' && (
        <div class={`${block}__actions`}>
          <button type="button" ref={flow.focusRef} onClick={onDone}>
            {t('close')}
          </button>
        </div>
      )}
    </div>
  );
}

type OutboxItemState = ReturnType<typeof describeOutboxItem>['state'];

/** A request's state as announced after Send: the state itself once it is final or held, "Queued: …" before. */
export function announceDelivery(state: OutboxItemState, text: string): string {
  return state === 'sent' || state === 'failed' || state === 'held' ? text : t('pingAnnounceQueued', text);
}

/** One outbox item's delivery state as a notice, kept current; nothing until it is read. */
export function OutboxItemStatus({
  id,
  testId,
  words,
}: {
  id: string;
  testId: string;
  words: (state: OutboxItemState, text: string) => string;
}) {
  const item = useLiveQuery(() => db.outbox.get(id), [id]);
  if (!item) return null;
  const { state, text } = describeOutboxItem(item, formatTime);
  return (
    <p class={`notice ${state === 'sent' ? 'notice--ok' : state === 'failed' ? 'notice--error' : ''}`} data-testid={testId}>
      {words(state, text)}
    </p>
  );
}
