import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from 'wxt/browser';
import { validateEndpointUrl, FORMAT_NAME_KEYS } from '@/utils/endpoints';
import { ENDPOINT_FORMATS, type EndpointFormat } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { sendMessage, type EndpointTestResult } from '@/utils/platform/messages';
import { endpointOriginPattern } from '@/utils/help-requests/help-request';
import { saveSettings, watchSettings, type EffectiveSettings, type SettingKey, type Settings } from '@/utils/settings/settings';

/** The keys this tab edits; the others (packs, domains…) belong to their own tabs. */
const EDITED_KEYS = ['endpointUrl', 'endpointFormat', 'endpointSecret', 'teacherName', 'schoolName', 'coachMode'] as const;
type EditedKey = (typeof EDITED_KEYS)[number];
type Draft = Pick<Settings, EditedKey>;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saved'; permission: 'granted' | 'refused' | 'pending' | 'none'; origin?: string }
  | { kind: 'error'; message: string };

type TestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: EndpointTestResult; granted: boolean };

const portInPattern = !import.meta.env.FIREFOX;

/**
 * Where pings go and who sends them. Saving asks for host permission for exactly the
 * endpoint's origin (inside the click, which the browser requires); without it delivery works
 * only if the endpoint allows cross-origin requests.
 */
export function SettingsTab() {
  const [effective, setEffective] = useState<EffectiveSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [urlTouched, setUrlTouched] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [testState, setTestState] = useState<TestState>({ kind: 'idle' });
  const [granted, setGranted] = useState<boolean | null>(null);

  useEffect(
    () =>
      watchSettings((settings) => {
        setEffective(settings);
        setDraft((current) => current ?? pick(settings.values));
      }),
    [],
  );

  const locked = (key: SettingKey) => effective?.locked.has(key) ?? false;
  const value = <K extends EditedKey>(key: K): Draft[K] => (effective && locked(key) ? effective.values[key] : draft?.[key]) as Draft[K];
  const url = draft ? value('endpointUrl').trim() : '';
  const pattern = url && validateEndpointUrl(url).ok ? endpointOriginPattern(url, { portInPattern }) : null;

  // Whether the origin is already granted, known before the click so Save asks only when needed.
  useEffect(() => {
    setGranted(null);
    if (!pattern) return;
    let active = true;
    hasOrigin(pattern).then((result) => {
      if (active) setGranted(result);
    });
    return () => {
      active = false;
    };
  }, [pattern]);

  if (!effective || !draft) return <p class="status">{t('loading')}</p>;

  const urlCheck = url ? validateEndpointUrl(url) : ({ ok: true } as const);
  const showUrlError = !urlCheck.ok && urlTouched;
  const format = value('endpointFormat');

  const update = <K extends EditedKey>(key: K, next: Draft[K]) => {
    setDraft((current) => (current ? { ...current, [key]: next } : current));
    setSaveState({ kind: 'idle' });
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    if (!urlCheck.ok) {
      setUrlTouched(true);
      document.getElementById('settings-endpoint-url')?.focus();
      return;
    }
    // The permission prompt must start in the click itself: ask first, save without waiting.
    const permission = pattern && granted !== true ? requestOrigin(pattern) : null;
    const changes: Partial<Settings> = {};
    for (const key of EDITED_KEYS) {
      if (!locked(key)) (changes as Record<string, unknown>)[key] = key === 'endpointUrl' ? url : draft[key];
    }
    void (async () => {
      try {
        await saveSettings(changes);
      } catch (error) {
        setSaveState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      const origin = pattern ? originOf(url) : undefined;
      if (!permission) {
        setSaveState({ kind: 'saved', permission: pattern ? 'granted' : 'none', origin });
        return;
      }
      setSaveState({ kind: 'saved', permission: 'pending', origin });
      const answer = await permission;
      setGranted(answer);
      setSaveState({ kind: 'saved', permission: answer ? 'granted' : 'refused', origin });
    })();
  };

  const onTest = async () => {
    if (!url || !urlCheck.ok) {
      setUrlTouched(true);
      return;
    }
    setTestState({ kind: 'running' });
    let result: EndpointTestResult;
    try {
      result = await sendMessage('studioTestsEndpoint', {
        url,
        format,
        secret: value('endpointSecret'),
        teacherName: value('teacherName'),
        schoolName: value('schoolName'),
      });
    } catch {
      result = { ok: false, error: 'network' };
    }
    setTestState({ kind: 'done', result, granted: pattern ? await hasOrigin(pattern) : false });
  };

  const lockNote = (key: EditedKey) =>
    locked(key) ? (
      <span id={`settings-${key}-locked`} class="locked-note">
        {t('settingsLocked')}
      </span>
    ) : null;
  const describedBy = (key: EditedKey, ...ids: Array<string | false>) =>
    [locked(key) && `settings-${key}-locked`, ...ids].filter(Boolean).join(' ') || undefined;

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <form onSubmit={onSave} noValidate>
        <fieldset class="settings__group">
          <legend>{t('settingsEndpointLegend')}</legend>
          <p class="hint">{t('settingsEndpointIntro')}</p>
          <div class="field">
            <label for="settings-endpoint-url">{t('settingsEndpointUrl')}</label>
            <input
              id="settings-endpoint-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={value('endpointUrl')}
              disabled={locked('endpointUrl')}
              aria-invalid={showUrlError}
              aria-describedby={describedBy('endpointUrl', 'settings-endpoint-url-hint', showUrlError && 'settings-endpoint-url-error')}
              onInput={(event) => update('endpointUrl', (event.target as HTMLInputElement).value)}
              onBlur={() => setUrlTouched(true)}
            />
            <span id="settings-endpoint-url-hint" class="hint">
              {t('settingsEndpointUrlHint')}
            </span>
            {showUrlError && (
              <span id="settings-endpoint-url-error" class="error">
                {t('settingsEndpointUrlInvalid')}
              </span>
            )}
            {lockNote('endpointUrl')}
          </div>
          <div class="field">
            <label for="settings-endpoint-format">{t('settingsEndpointFormat')}</label>
            <select
              id="settings-endpoint-format"
              value={format}
              disabled={locked('endpointFormat')}
              aria-describedby={describedBy('endpointFormat')}
              onChange={(event) => update('endpointFormat', (event.target as HTMLSelectElement).value as EndpointFormat)}
            >
              {ENDPOINT_FORMATS.map((id) => (
                <option key={id} value={id}>
                  {t(FORMAT_NAME_KEYS[id])}
                </option>
              ))}
            </select>
            {lockNote('endpointFormat')}
          </div>
          {format === 'json' && (
            <div class="field">
              <label for="settings-endpoint-secret">{t('settingsEndpointSecret')}</label>
              <input
                id="settings-endpoint-secret"
                type="password"
                autoComplete="off"
                value={value('endpointSecret')}
                disabled={locked('endpointSecret')}
                aria-describedby={describedBy('endpointSecret', 'settings-endpoint-secret-hint')}
                onInput={(event) => update('endpointSecret', (event.target as HTMLInputElement).value)}
              />
              <span id="settings-endpoint-secret-hint" class="hint">
                {t('settingsEndpointSecretHint')}
              </span>
              {lockNote('endpointSecret')}
            </div>
          )}
        </fieldset>

        <fieldset class="settings__group">
          <legend>{t('settingsAboutYouLegend')}</legend>
          <TextField
            id="settings-teacher-name"
            label={t('settingsTeacherName')}
            value={value('teacherName')}
            locked={locked('teacherName')}
            lockNote={lockNote('teacherName')}
            describedBy={describedBy('teacherName')}
            onInput={(next) => update('teacherName', next)}
            autoComplete="name"
          />
          <TextField
            id="settings-school-name"
            label={t('settingsSchoolName')}
            value={value('schoolName')}
            locked={locked('schoolName')}
            lockNote={lockNote('schoolName')}
            describedBy={describedBy('schoolName')}
            onInput={(next) => update('schoolName', next)}
            autoComplete="organization"
          />
          <div class="field field--checkbox">
            <label>
              <input
                type="checkbox"
                checked={value('coachMode')}
                disabled={locked('coachMode')}
                aria-describedby={describedBy('coachMode', 'settings-coach-mode-hint')}
                onChange={(event) => update('coachMode', (event.target as HTMLInputElement).checked)}
              />{' '}
              {t('settingsCoachMode')}
            </label>
            <span id="settings-coach-mode-hint" class="hint">
              {t('settingsCoachModeHint')}
            </span>
            {lockNote('coachMode')}
          </div>
        </fieldset>

        <div class="settings__actions">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => void onTest()} disabled={testState.kind === 'running' || !url}>
            {t('settingsSendTest')}
          </button>
        </div>
        <div role="status" aria-live="polite" class="settings__status">
          <SaveStatus state={saveState} />
        </div>
      </form>
      <div aria-live="polite" class="settings__test">
        <TestStatus state={testState} />
      </div>
    </section>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  locked: boolean;
  lockNote: JSX.Element | null;
  describedBy?: string;
  autoComplete: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        disabled={props.locked}
        autoComplete={props.autoComplete}
        aria-describedby={props.describedBy}
        onInput={(event) => props.onInput((event.target as HTMLInputElement).value)}
      />
      {props.lockNote}
    </div>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'error') return <p class="notice notice--error">{t('settingsSaveFailed', state.message)}</p>;
  return (
    <>
      <p class="notice notice--ok">{t('settingsSaved')}</p>
      {state.permission === 'pending' && <p class="hint">{t('settingsPermissionPending', state.origin ?? '')}</p>}
      {state.permission === 'refused' && <p class="notice">{t('settingsPermissionRefused', state.origin ?? '')}</p>}
    </>
  );
}

function TestStatus({ state }: { state: TestState }) {
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

function pick(values: Settings): Draft {
  return {
    endpointUrl: values.endpointUrl,
    endpointFormat: values.endpointFormat,
    endpointSecret: values.endpointSecret,
    teacherName: values.teacherName,
    schoolName: values.schoolName,
    coachMode: values.coachMode,
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

async function hasOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** A refused, failed or unsupported request all mean the same here: no permission. */
function requestOrigin(pattern: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
