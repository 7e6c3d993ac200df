import { useState } from 'preact/hooks';
import { resetKeepingRequests, type DatabaseProblem } from '@/utils/platform/db-health';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { errorMessage, storageFailureText } from '@/utils/platform/storage-errors';
import { wakeOutbox } from '@/utils/outbox/wake';

/** Why the saved data cannot be read, in plain words, and the reset that keeps the teacher's requests. */
export function DatabaseProblemNotice({ problem, onReset }: { problem: DatabaseProblem; onReset: () => void }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'resetting' } | { kind: 'failed'; why: string }>({ kind: 'idle' });
  const reset = async () => {
    setState({ kind: 'resetting' });
    try {
      await resetKeepingRequests();
    } catch (error) {
      setState({ kind: 'failed', why: storageFailureText(error, errorMessage) });
      return;
    }
    // The background's connection failed the same way: it opens the new database and brings the
    // starter pack back. Without an answer (it is starting) it does so when it next starts.
    await sendMessage('pageResetsDatabase', {}).catch(() => undefined);
    void wakeOutbox('database-reset');
    onReset();
  };
  return (
    <main class="database-problem" aria-labelledby="database-problem-heading">
      <div class="notice notice--error">
        <h1 id="database-problem-heading">{t('databaseProblemHeading')}</h1>
        <p>{t('databaseProblemBody')}</p>
        <details>
          <summary>{t('databaseProblemDetails')}</summary>
          <code data-testid="database-problem-error">
            {problem.name}: {problem.message}
          </code>
        </details>
      </div>
      <button type="button" class="primary" disabled={state.kind === 'resetting'} onClick={() => void reset()}>
        {t('databaseReset')}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'resetting' && <p class="status">{t('databaseResetting')}</p>}
        {state.kind === 'failed' && (
          <p class="notice notice--error">
            {t('databaseResetFailed')} <code>{state.why}</code>
          </p>
        )}
      </div>
    </main>
  );
}
