import { useEffect, useState } from 'preact/hooks';
import { validateEndpointUrl, FORMAT_NAME_KEYS } from '@/utils/endpoints';
import { ENDPOINT_FORMATS, type EndpointFormat } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { sendMessage, type EndpointTestResult } from '@/utils/platform/messages';
import { hasOrigins, originPattern, requestOrigins } from '@/utils/platform/permissions';
import { saveSettings, type SettingKey, type Settings } from '@/utils/settings/settings';
import { useSettings } from '../hooks/use-settings';
import { CheckboxField, Field } from '../shared/Field';
import { isEmailAddress } from '@/utils/help-requests/question-text';
import { SaveStatus, TestStatus, type SaveState, type TestState } from './SettingsStatus';
import { HiddenToolsField } from './HiddenToolsField';
import { schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';
import { hubAddress } from '@/utils/hub/address';
import { HubSettings } from './HubSettings';

/** The keys this tab edits; the others (packs, domains…) belong to their own tabs. */
const EDITED_KEYS = [
  'endpointUrl',
  'endpointFormat',
  'endpointSecret',
  'teacherName',
  'schoolName',
  'coachEmail',
  'coachMode',
  'hiddenTools',
  'hubUrl',
  'hubToken',
] as const;
type EditedKey = (typeof EDITED_KEYS)[number];
type Draft = Pick<Settings, EditedKey>;

const portInPattern = !import.meta.env.FIREFOX;

/**
 * Where pings go and who sends them. Saving asks for host permission for exactly the
 * endpoint's origin (inside the click, which the browser requires); without it delivery works
 * only if the endpoint allows cross-origin requests.
 */
export function SettingsTab() {
  const effective = useSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [urlTouched, setUrlTouched] = useState(false);
  const [coachEmailTouched, setCoachEmailTouched] = useState(false);
  const [hubUrlTouched, setHubUrlTouched] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [testState, setTestState] = useState<TestState>({ kind: 'idle' });

  // The form starts from the settings as first read; later changes show only in locked fields.
  useEffect(() => {
    if (effective) setDraft((current) => current ?? pick(effective.values));
  }, [effective]);

  const locked = (key: SettingKey) => effective?.locked.has(key) ?? false;
  const value = <K extends EditedKey>(key: K): Draft[K] => (effective && locked(key) ? effective.values[key] : draft?.[key]) as Draft[K];
  const url = draft ? value('endpointUrl').trim() : '';
  const pattern = url && validateEndpointUrl(url).ok ? originPattern(url, { portInPattern }) : null;
  const hub = draft ? hubAddress(value('hubUrl')) : null;
  const hubPattern = hub ? originPattern(hub, { portInPattern }) : null;

  // Whether each site is already granted, known before the click so Save asks only when needed.
  const [granted, setGranted] = useOriginGranted(pattern);
  const [hubGranted, setHubGranted] = useOriginGranted(hubPattern);

  if (!effective || !draft) return <p class="status">{t('loading')}</p>;

  // A locked address is the school's to fix (the notice says so): it never holds up saving the rest.
  const urlCheck = url && !locked('endpointUrl') ? validateEndpointUrl(url) : ({ ok: true } as const);
  const showUrlError = !urlCheck.ok && urlTouched;
  const coachEmailBad = value('coachEmail').trim() !== '' && !isEmailAddress(value('coachEmail').trim());
  const hubUrlBad = !locked('hubUrl') && value('hubUrl').trim() !== '' && hub === null;
  const format = value('endpointFormat');

  const update = <K extends EditedKey>(key: K, next: Draft[K]) => {
    setDraft((current) => (current ? { ...current, [key]: next } : current));
    setSaveState({ kind: 'idle' });
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    if (coachEmailBad) {
      setCoachEmailTouched(true);
      document.getElementById('settings-coach-email')?.focus();
      return;
    }
    if (!urlCheck.ok) {
      setUrlTouched(true);
      document.getElementById('settings-endpoint-url')?.focus();
      return;
    }
    if (hubUrlBad) {
      setHubUrlTouched(true);
      document.getElementById('settings-hub-url')?.focus();
      return;
    }
    // The permission prompt must start in the click itself: ask first, save without waiting.
    const asked = [pattern && granted !== true ? pattern : null, hubPattern && hubGranted !== true ? hubPattern : null];
    const origins = [...new Set(asked.filter((entry): entry is string => entry !== null))];
    const permission = origins.length > 0 ? requestOrigins(origins) : null;
    const changes: Partial<Settings> = {};
    for (const key of EDITED_KEYS) {
      if (!locked(key))
        (changes as Record<string, unknown>)[key] =
          key === 'endpointUrl'
            ? url
            : key === 'hubUrl'
              ? (hub ?? '')
              : key === 'coachEmail' || key === 'hubToken'
                ? draft[key].trim()
                : draft[key];
    }
    void (async () => {
      try {
        await saveSettings(changes);
      } catch (error) {
        setSaveState({ kind: 'error', error });
        return;
      }
      const origin = pattern ? originOf(url) : hub ? originOf(hub) : undefined;
      if (!permission) {
        setSaveState({ kind: 'saved', permission: pattern || hubPattern ? 'granted' : 'none', origin });
        return;
      }
      setSaveState({ kind: 'saved', permission: 'pending', origin });
      const answer = await permission;
      if (pattern && origins.includes(pattern)) setGranted(answer);
      if (hubPattern && origins.includes(hubPattern)) setHubGranted(answer);
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
    setTestState({ kind: 'done', result, granted: pattern ? await hasOrigins([pattern]) : false });
  };

  const lockNote = (key: EditedKey) =>
    locked(key) ? (
      <span id={lockNoteId(key)} class="locked-note">
        {t('settingsLocked')}
      </span>
    ) : null;
  /** A locked setting's control is described by its lock note first, then its hint. */
  const lockProps = (key: EditedKey) => ({ describedBy: locked(key) ? lockNoteId(key) : undefined, after: lockNote(key) });

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <form onSubmit={onSave} noValidate>
        <fieldset class="settings__group">
          <legend>{t('settingsEndpointLegend')}</legend>
          <p class="hint">{t('settingsEndpointIntro')}</p>
          <Field
            id="settings-endpoint-url"
            label={t('settingsEndpointUrl')}
            hint={t('settingsEndpointUrlHint')}
            error={showUrlError ? t('settingsEndpointUrlInvalid') : null}
            {...lockProps('endpointUrl')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                value={value('endpointUrl')}
                disabled={locked('endpointUrl')}
                onInput={(event) => update('endpointUrl', (event.target as HTMLInputElement).value)}
                onBlur={() => setUrlTouched(true)}
              />
            )}
          </Field>
          {schoolEndpointInvalid(effective) && <SchoolEndpointNotice />}
          <Field id="settings-endpoint-format" label={t('settingsEndpointFormat')} {...lockProps('endpointFormat')}>
            {(control) => (
              <select
                {...control}
                value={format}
                disabled={locked('endpointFormat')}
                onChange={(event) => update('endpointFormat', (event.target as HTMLSelectElement).value as EndpointFormat)}
              >
                {ENDPOINT_FORMATS.map((id) => (
                  <option key={id} value={id}>
                    {t(FORMAT_NAME_KEYS[id])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {format === 'json' && (
            <Field
              id="settings-endpoint-secret"
              label={t('settingsEndpointSecret')}
              hint={t('settingsEndpointSecretHint')}
              {...lockProps('endpointSecret')}
            >
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="off"
                  value={value('endpointSecret')}
                  disabled={locked('endpointSecret')}
                  onInput={(event) => update('endpointSecret', (event.target as HTMLInputElement).value)}
                />
              )}
            </Field>
          )}
        </fieldset>

        <fieldset class="settings__group">
          <legend>{t('settingsAboutYouLegend')}</legend>
          <Field id="settings-teacher-name" label={t('settingsTeacherName')} {...lockProps('teacherName')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={value('teacherName')}
                disabled={locked('teacherName')}
                autoComplete="name"
                onInput={(event) => update('teacherName', (event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <Field id="settings-school-name" label={t('settingsSchoolName')} {...lockProps('schoolName')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={value('schoolName')}
                disabled={locked('schoolName')}
                autoComplete="organization"
                onInput={(event) => update('schoolName', (event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <CheckboxField
            id="settings-coach-mode"
            label={t('settingsCoachMode')}
            hint={t('settingsCoachModeHint')}
            checked={value('coachMode')}
            disabled={locked('coachMode')}
            {...lockProps('coachMode')}
            onChange={(checked) => update('coachMode', checked)}
          />
        </fieldset>

        <fieldset class="settings__group">
          <legend>{t('settingsSchoolToolsLegend')}</legend>
          <Field
            id="settings-coach-email"
            label={t('settingsCoachEmail')}
            hint={t('settingsCoachEmailHint')}
            error={coachEmailBad && coachEmailTouched ? t('settingsCoachEmailInvalid') : null}
            {...lockProps('coachEmail')}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                value={value('coachEmail')}
                disabled={locked('coachEmail')}
                autoComplete="off"
                onInput={(event) => update('coachEmail', (event.target as HTMLInputElement).value)}
                onBlur={() => setCoachEmailTouched(true)}
              />
            )}
          </Field>
          <HiddenToolsField
            value={value('hiddenTools')}
            disabled={locked('hiddenTools')}
            {...lockProps('hiddenTools')}
            onChange={(next) => update('hiddenTools', next)}
          />
        </fieldset>

        <HubSettings
          effective={effective}
          hubUrl={value('hubUrl')}
          hubToken={value('hubToken')}
          onChange={update}
          urlTouched={hubUrlTouched}
          onUrlTouched={() => setHubUrlTouched(true)}
          lockProps={lockProps}
          onUsed={(endpoint) => {
            setDraft((current) => (current ? { ...current, ...endpoint } : current));
            setUrlTouched(false);
          }}
        />

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

function lockNoteId(key: EditedKey): string {
  return `settings-${key}-locked`;
}

function pick(values: Settings): Draft {
  return {
    endpointUrl: values.endpointUrl,
    endpointFormat: values.endpointFormat,
    endpointSecret: values.endpointSecret,
    teacherName: values.teacherName,
    schoolName: values.schoolName,
    coachEmail: values.coachEmail,
    coachMode: values.coachMode,
    hiddenTools: values.hiddenTools,
    hubUrl: values.hubUrl,
    hubToken: values.hubToken,
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Whether the browser already lets Coachmark reach `pattern` (null while it is asked, or with no pattern). */
function useOriginGranted(pattern: string | null): [boolean | null, (granted: boolean) => void] {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    setGranted(null);
    if (!pattern) return;
    let active = true;
    hasOrigins([pattern]).then((result) => {
      if (active) setGranted(result);
    });
    return () => {
      active = false;
    };
  }, [pattern]);
  return [granted, setGranted];
}
