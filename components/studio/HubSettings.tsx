import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { originPattern, requestOrigins } from '@/utils/platform/permissions';
import { hubAddress, hubEventsUrl, hubMentorsUrl } from '@/utils/hub/address';
import type { HubResult } from '@/utils/hub/types';
import { saveSettings, type EffectiveSettings, type SettingKey, type Settings } from '@/utils/settings/settings';
import { Field } from '../shared/Field';
import { HubFailureNotice } from './HubMessages';

const portInPattern = !import.meta.env.FIREFOX;

type CheckState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; hub: string; result: HubResult<{ name: string }> };
type UseState =
  | { kind: 'idle' }
  | { kind: 'asking'; current: string; next: string }
  | { kind: 'done'; events: string; mentors: string | null; keptDirectory: string | null; skipped: SettingKey[] }
  | { kind: 'error'; message: string };

interface Props {
  effective: EffectiveSettings;
  hubUrl: string;
  hubToken: string;
  onChange: (key: 'hubUrl' | 'hubToken', value: string) => void;
  /** Whether the URL field shows its error (after the coach left it, or tried to use it). */
  urlTouched: boolean;
  onUrlTouched: () => void;
  lockProps: (key: 'hubUrl' | 'hubToken') => { describedBy?: string; after: ComponentChildren };
  /** The endpoint settings were set to the Hub's: the form shows them. */
  onUsed: (endpoint: Pick<Settings, 'endpointUrl' | 'endpointFormat'>) => void;
}

/**
 * The district's Hub in the Settings tab: its address and the coach's token, "Check Hub" (who the
 * token belongs to), and "Use this Hub…", which points pings and flags at the Hub's events
 * address and the mentor directory at its approved volunteers, asking for the Hub's site in the
 * click and before replacing a different directory.
 */
export function HubSettings({ effective, hubUrl, hubToken, onChange, urlTouched, onUrlTouched, lockProps, onUsed }: Props) {
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });
  const [use, setUse] = useState<UseState>({ kind: 'idle' });
  const locked = (key: SettingKey) => effective.locked.has(key);
  const hub = hubAddress(hubUrl);
  const urlBad = hubUrl.trim() !== '' && hub === null;

  const onCheck = async () => {
    if (!hub) return onUrlTouched();
    setCheck({ kind: 'running' });
    let result: HubResult<{ name: string }>;
    try {
      result = await sendMessage('studioChecksHub', { url: hub, token: hubToken.trim() });
    } catch {
      result = { ok: false, failure: { kind: 'network' } };
    }
    setCheck({ kind: 'done', hub, result });
  };

  /** `replaceDirectory`: the coach's answer about a different mentor directory, once asked. */
  const onUse = (replaceDirectory?: boolean) => {
    if (!hub) return onUrlTouched();
    const mentors = hubMentorsUrl(hub);
    const current = effective.values.mentorDirectoryUrl.trim();
    const directoryDiffers = current !== '' && current !== mentors && !locked('mentorDirectoryUrl');
    if (directoryDiffers && replaceDirectory === undefined) {
      setUse({ kind: 'asking', current, next: mentors });
      return;
    }
    // The permission prompt must start in the click itself: ask first, save without waiting.
    const pattern = originPattern(hub, { portInPattern });
    if (pattern) void requestOrigins([pattern]);
    const wanted: Partial<Settings> = {
      hubUrl: hub,
      hubToken: hubToken.trim(),
      endpointUrl: hubEventsUrl(hub),
      endpointFormat: 'json',
    };
    if (!directoryDiffers || replaceDirectory) wanted.mentorDirectoryUrl = mentors;
    const skipped = (Object.keys(wanted) as SettingKey[]).filter(locked);
    const changes = Object.fromEntries(Object.entries(wanted).filter(([key]) => !locked(key as SettingKey))) as Partial<Settings>;
    void saveSettings(changes).then(
      () => {
        if (changes.endpointUrl !== undefined || changes.endpointFormat !== undefined) {
          onUsed({
            endpointUrl: changes.endpointUrl ?? effective.values.endpointUrl,
            endpointFormat: changes.endpointFormat ?? effective.values.endpointFormat,
          });
        }
        setUse({
          kind: 'done',
          events: changes.endpointUrl ?? '',
          mentors: changes.mentorDirectoryUrl ?? null,
          keptDirectory: directoryDiffers && !replaceDirectory ? current : null,
          skipped,
        });
      },
      (error: unknown) => setUse({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <fieldset class="settings__group" data-testid="hub-settings">
      <legend>{t('settingsHubLegend')}</legend>
      <p class="hint">{t('settingsHubIntro')}</p>
      <Field
        id="settings-hub-url"
        label={t('settingsHubUrl')}
        hint={t('settingsHubUrlHint')}
        error={urlBad && urlTouched ? t('hubUrlInvalid') : null}
        {...lockProps('hubUrl')}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={hubUrl}
            disabled={locked('hubUrl')}
            onInput={(event) => {
              onChange('hubUrl', (event.target as HTMLInputElement).value);
              setCheck({ kind: 'idle' });
              setUse({ kind: 'idle' });
            }}
            onBlur={onUrlTouched}
          />
        )}
      </Field>
      <Field id="settings-hub-token" label={t('settingsHubToken')} hint={t('settingsHubTokenHint')} {...lockProps('hubToken')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            value={hubToken}
            disabled={locked('hubToken')}
            onInput={(event) => {
              onChange('hubToken', (event.target as HTMLInputElement).value);
              setCheck({ kind: 'idle' });
            }}
          />
        )}
      </Field>
      <div class="settings__actions">
        <button type="button" onClick={() => void onCheck()} disabled={check.kind === 'running' || hubUrl.trim() === ''}>
          {check.kind === 'running' ? t('settingsHubChecking') : t('settingsHubCheck')}
        </button>
        <button type="button" onClick={() => onUse()} disabled={hubUrl.trim() === ''}>
          {t('settingsHubUse')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="hub-check-result">
        {check.kind === 'done' &&
          (check.result.ok ? (
            <p class="notice notice--ok">{t('settingsHubConnected', check.result.value.name)}</p>
          ) : (
            <HubFailureNotice failure={check.result.failure} hub={check.hub} />
          ))}
      </div>
      <div role="status" aria-live="polite" data-testid="hub-use-result">
        <UseStatus state={use} onAnswer={onUse} />
      </div>
    </fieldset>
  );
}

function UseStatus({ state, onAnswer }: { state: UseState; onAnswer: (replace: boolean) => void }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'error') return <p class="notice notice--error">{t('settingsSaveFailed', state.message)}</p>;
  if (state.kind === 'asking') {
    return (
      <div class="notice">
        <p>{t('settingsHubReplaceDirectory', [state.current, state.next])}</p>
        <button type="button" onClick={() => onAnswer(true)}>
          {t('settingsHubReplace')}
        </button>{' '}
        <button type="button" onClick={() => onAnswer(false)}>
          {t('settingsHubKeepDirectory')}
        </button>
      </div>
    );
  }
  return (
    <div class="notice notice--ok">
      {state.events && <p>{t('settingsHubUsedEvents', state.events)}</p>}
      {state.mentors && <p>{t('settingsHubUsedMentors', state.mentors)}</p>}
      {state.keptDirectory && <p>{t('settingsHubKeptDirectory', state.keptDirectory)}</p>}
      {state.skipped.length > 0 && <p>{t('settingsHubSkipped', state.skipped.join(', '))}</p>}
    </div>
  );
}
