import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { domainPattern, hasOrigins, requestOrigins, watchPermissions } from '@/utils/platform/permissions';
import { Field } from '../shared/Field';
import {
  domainEntries,
  isDomainListLocked,
  patternCoversDomain,
  validateDomain,
  type DomainEntry,
  type DomainError,
} from '@/utils/settings/school-domains';
import { readUserSettings, saveSettings, watchSettingSources, type Policy, type Settings } from '@/utils/settings/settings';

const ERROR_KEYS: Record<DomainError, MessageKey> = {
  empty: 'domainsErrorEmpty',
  scheme: 'domainsErrorScheme',
  path: 'domainsErrorPath',
  wildcard: 'domainsErrorWildcard',
  port: 'domainsErrorPort',
  credentials: 'domainsErrorCredentials',
  invalid: 'domainsErrorInvalid',
  'no-dot': 'domainsErrorNoDot',
};

type Access = 'checking' | 'granted' | 'missing' | 'covered';

interface Sources {
  user: Partial<Settings>;
  policy: Policy;
}

/** Reads the teacher's settings and the school's policy, and again whenever either changes. */
function useSources(): Sources | null {
  const [sources, setSources] = useState<Sources | null>(null);
  useEffect(() => watchSettingSources(setSources), []);
  return sources;
}

/** Whether Coachmark may read each domain, kept current as permissions are granted or removed. */
function useAccess(domains: string[]): Record<string, Access> {
  const [access, setAccess] = useState<Record<string, Access>>({});
  const key = domains.join(' ');
  useEffect(() => {
    let active = true;
    const staticMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
    const check = () =>
      void Promise.all(
        domains.map(async (domain): Promise<[string, Access]> => {
          if (staticMatches.some((pattern) => patternCoversDomain(pattern, domain))) return [domain, 'covered'];
          const granted = await hasOrigins([domainPattern(domain)]);
          return [domain, granted ? 'granted' : 'missing'];
        }),
      ).then((pairs) => {
        if (active) setAccess(Object.fromEntries(pairs));
      });
    const stopWatching = watchPermissions(check);
    check();
    return () => {
      active = false;
      stopWatching();
    };
  }, [key]);
  return access;
}

/**
 * The studio's list of school domains (self-hosted LMS installs): add one (asking for access to
 * exactly that site), see whether Coachmark can read it, grant access later, remove it.
 */
export function DomainsTab() {
  const sources = useSources();
  const entries = sources ? domainEntries(sources.user, sources.policy) : [];
  const access = useAccess(entries.map((entry) => entry.domain));
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  if (!sources) return <section aria-busy="true" class="domains" />;
  const locked = isDomainListLocked(sources.policy);

  const saveOwn = async (next: (own: string[]) => string[]) => {
    const own = (await readUserSettings()).selfHostedDomains ?? [];
    await saveSettings({ selfHostedDomains: next(own) });
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const check = validateDomain(input);
    if (!check.ok) {
      setError(t(ERROR_KEYS[check.error]));
      inputRef.current?.focus();
      return;
    }
    const { domain } = check;
    if (entries.some((entry) => entry.domain === domain)) {
      setError(t('domainsErrorDuplicate', domain));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    // Asked first and synchronously: browsers show a permission prompt only inside the click.
    // The domain is saved at once either way; its row then says whether access was granted.
    const request = requestOrigins([domainPattern(domain)]);
    void saveOwn((own) => [...own.filter((item) => item !== domain), domain]).then(
      () => setInput(''),
      (saveError: unknown) => setError(t('domainsSaveFailed', errorText(saveError))),
    );
    void request.then((granted) => setAnnouncement(t(granted ? 'domainsAnnounceAdded' : 'domainsAnnounceAddedNoAccess', domain)));
  };

  const grant = (domain: string) => {
    const request = requestOrigins([domainPattern(domain)]);
    void request.then((granted) => setAnnouncement(t(granted ? 'domainsAnnounceGranted' : 'domainsAnnounceRefused', domain)));
  };

  const remove = (domain: string) => {
    // The background unregisters the script and gives the permission back when the list changes.
    void saveOwn((own) => own.filter((item) => item !== domain)).then(
      () => setAnnouncement(t('domainsAnnounceRemoved', domain)),
      (saveError: unknown) => setError(t('domainsSaveFailed', errorText(saveError))),
    );
  };

  return (
    <section class="domains" aria-labelledby="domains-heading">
      <h2 id="domains-heading">{t('domainsHeading')}</h2>
      <p>{t('domainsIntro')}</p>
      {locked ? (
        <p class="locked-note">{t('domainsLockedNote')}</p>
      ) : (
        <form class="domains__add" onSubmit={onSubmit} noValidate>
          {/* Valid until a domain is refused: aria-invalid appears only with the error. */}
          <Field id="domain-input" label={t('domainsAddLabel')} hint={t('domainsAddHint')} error={error || undefined} errorRole="alert">
            {(control) => (
              <input
                {...control}
                ref={inputRef}
                type="text"
                inputMode="url"
                autoComplete="off"
                autoCapitalize="off"
                spellcheck={false}
                value={input}
                onInput={(event) => setInput((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <button type="submit" class="primary">
            {t('domainsAdd')}
          </button>
        </form>
      )}
      <h3>{t('domainsListHeading')}</h3>
      {entries.length === 0 ? (
        <p class="empty">{t('domainsEmpty')}</p>
      ) : (
        <ul class="domains__list">
          {entries.map((entry) => (
            <DomainRow
              key={entry.domain}
              entry={entry}
              access={access[entry.domain] ?? 'checking'}
              locked={locked}
              onGrant={grant}
              onRemove={remove}
            />
          ))}
        </ul>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ACCESS_TEXT: Record<Access, MessageKey> = {
  checking: 'domainsStateChecking',
  granted: 'domainsStateDetecting',
  missing: 'domainsStateNeedsPermission',
  covered: 'domainsStateCovered',
};

function DomainRow(props: {
  entry: DomainEntry;
  access: Access;
  locked: boolean;
  onGrant: (domain: string) => void;
  onRemove: (domain: string) => void;
}) {
  const { entry, access } = props;
  return (
    <li class={`domains__item domains__item--${access}`}>
      <span class="domains__name">{entry.domain}</span>
      <span class="domains__source">{entry.source === 'school' ? t('settingsLocked') : t('domainsSourceTeacher')}</span>
      <span class="domains__state">{t(ACCESS_TEXT[access])}</span>
      <span class="domains__actions">
        {access === 'missing' && (
          <button
            type="button"
            class="primary"
            aria-label={t('domainsGrantLabel', entry.domain)}
            onClick={() => props.onGrant(entry.domain)}
          >
            {t('domainsGrant')}
          </button>
        )}
        {entry.source === 'teacher' && !props.locked && (
          <button type="button" aria-label={t('domainsRemoveLabel', entry.domain)} onClick={() => props.onRemove(entry.domain)}>
            {t('domainsRemove')}
          </button>
        )}
      </span>
    </li>
  );
}
