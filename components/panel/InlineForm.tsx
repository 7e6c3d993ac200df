import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/utils/platform/i18n';
import { errorMessage, storageFailureText } from '@/utils/platform/storage-errors';

interface Props {
  class: string;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  cancelLabel: string;
  /** Stores what was typed; a rejection is shown in the form, which stays open with the words. */
  onSave: () => Promise<void>;
  onCancel: () => void;
  children: ComponentChildren;
}

/**
 * A small form that opens in place on a card or a goal (save for the coach, "How did it go?"):
 * its fields, a failure to store in words, Save and a way out; Escape is the way out too, and
 * goes no further than this form.
 */
export function InlineForm({ class: className, label, submitLabel, cancelLabel, onSave, onCancel, children }: Props) {
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await onSave();
    } catch (cause) {
      setFailure({ cause });
    }
  };
  return (
    <form
      class={className}
      aria-label={label}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      {children}
      {failure && (
        <p class="notice notice--error" role="alert">
          {storageFailureText(failure.cause, (error) => t('planSaveFailed', errorMessage(error)))}
        </p>
      )}
      <div class="save-coaching__actions">
        <button type="submit" class="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
