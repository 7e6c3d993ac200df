import { useEffect } from 'preact/hooks';
import { t } from '@/utils/platform/i18n';
import type { Undo } from '../hooks/use-undo';

interface Props {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  /** How long the undo stays offered. */
  timeoutMs?: number;
}

/** "Deleted X. Undo": the delete is done at once; the notice offers to put it back for a while. */
export function UndoNotice({ message, onUndo, onDismiss, timeoutMs = 20_000 }: Props) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [message, timeoutMs]);
  return (
    <div class="notice undo-notice" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('studioUndo')}
      </button>
      <button type="button" class="link-button" onClick={onDismiss}>
        {t('studioDismiss')}
      </button>
    </div>
  );
}

/** A deletion's undo offer from useUndo, and the alert when putting it back failed. */
export function UndoOffer({ undo }: { undo: Pick<Undo<{ message: string }>, 'offered' | 'failed' | 'undo' | 'dismiss'> }) {
  return (
    <>
      {undo.offered && <UndoNotice message={undo.offered.message} onUndo={() => void undo.undo()} onDismiss={undo.dismiss} />}
      {undo.failed && (
        <p class="notice notice--error" role="alert">
          {t('studioUndoFailed')}
        </p>
      )}
    </>
  );
}
