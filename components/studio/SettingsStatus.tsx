import { t } from '@/utils/platform/i18n';
import type { EndpointTestResult } from '@/utils/platform/messages';
import { errorMessage, storageFailureText } from '@/utils/platform/storage-errors';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saved'; permission: 'granted' | 'refused' | 'pending' | 'none'; origin?: string }
  | { kind: 'error'; error: unknown };

export type TestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: EndpointTestResult; granted: boolean };

/** What Save did: saved, and whether the endpoint's site may be reached; or why not. */
export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'error')
    return <p class="notice notice--error">{storageFailureText(state.error, (error) => t('settingsSaveFailed', errorMessage(error)))}</p>;
  return (
    <>
      <p class="notice notice--ok">{t('settingsSaved')}</p>
      {state.permission === 'pending' && <p class="hint">{t('settingsPermissionPending', state.origin ?? '')}</p>}
      {state.permission === 'refused' && <p class="notice">{t('settingsPermissionRefused', state.origin ?? '')}</p>}
    </>
  );
}

/** What "Send test message" found: the endpoint's answer, or why there was none. */
export function TestStatus({ state }: { state: TestState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') return <p class="status">{t('settingsTestRunning')}</p>;
  const { result } = state;
  if (result.status !== undefined) {
    return (
      <div class={`notice ${result.ok ? 'notice--ok' : 'notice--error'}`} data-testid="endpoint-test-result">
        <p>{t(result.ok ? 'settingsTestAnsweredOk' : 'settingsTestAnsweredError', String(result.status))}</p>
        {result.body ? (
          <>
            <p class="hint">{t('settingsTestBody')}</p>
            <pre class="settings__test-body">{result.body}</pre>
          </>
        ) : (
          <p class="hint">{t('settingsTestEmptyBody')}</p>
        )}
      </div>
    );
  }
  const reason =
    result.error === 'invalid-url'
      ? t('settingsEndpointUrlInvalid')
      : result.error === 'timeout'
        ? t('settingsTestTimeout')
        : state.granted
          ? t('settingsTestUnreachable')
          : t('settingsTestUnreachableNoPermission');
  return (
    <div class="notice notice--error" data-testid="endpoint-test-result">
      <p>{reason}</p>
    </div>
  );
}
