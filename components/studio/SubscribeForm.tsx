import { useState } from 'preact/hooks';
import { db } from '@/utils/platform/db';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { requestReadAccess } from '@/utils/platform/permissions';
import { pendingRecord, validatePackUrl, type PackSyncResult, type PackUrlProblem } from '@/utils/cards/subscriptions';
import { describeSyncResult } from './sync-text';
import { Field } from '../shared/Field';

const PROBLEM_KEYS: Record<PackUrlProblem | 'exists', MessageKey> = {
  empty: 'packUrlEmpty',
  invalid: 'packUrlInvalid',
  credentials: 'packUrlCredentials',
  'not-https': 'packUrlNotHttps',
  exists: 'packUrlExists',
};

interface Props {
  /** Every URL already subscribed, from settings or the studio, in normal form. */
  subscribedUrls: readonly string[];
}

/** Subscribe to a pack URL, and "Sync now" for every subscription. */
export function SubscribeForm({ subscribedUrls }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<PackUrlProblem | 'exists' | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<PackSyncResult[] | 'none' | 'unavailable' | null>(null);

  const sync = async (url?: string) => {
    setBusy(true);
    setResults(null);
    try {
      const answer = await sendMessage('studioSyncsPacks', url ? { url } : {});
      setResults(answer.length === 0 ? 'none' : answer);
    } catch {
      setResults('unavailable');
    } finally {
      setBusy(false);
    }
  };

  const subscribe = async (event: Event) => {
    event.preventDefault();
    const check = validatePackUrl(value);
    if (!check.ok) return setProblem(check.problem);
    if (subscribedUrls.includes(check.url)) return setProblem('exists');
    setProblem(null);
    await requestReadAccess(check.url);
    await db.packs.put(pendingRecord(check.url, 'studio', Date.now()));
    setValue('');
    await sync(check.url);
  };

  return (
    <section class="studio-section" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t('subscribeHeading')}</h2>
      <p class="hint">{t('subscribeHint')}</p>
      <form class="subscribe-form" onSubmit={subscribe} noValidate>
        <Field id="pack-url" label={t('packUrlLabel')} error={problem ? t(PROBLEM_KEYS[problem]) : null} textTag="p">
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={value}
              onInput={(event) => {
                setValue(event.currentTarget.value);
                setProblem(null);
              }}
            />
          )}
        </Field>
        <div class="button-row">
          <button type="submit" class="primary" disabled={busy}>
            {t('subscribeButton')}
          </button>
          <button type="button" disabled={busy} onClick={() => void sync()}>
            {t('syncNow')}
          </button>
        </div>
      </form>
      <div role="status" class="sync-results">
        {busy && <p class="status">{t('syncing')}</p>}
        {results === 'none' && <p>{t('syncNoSubscriptions')}</p>}
        {results === 'unavailable' && <p class="error">{t('syncUnavailable')}</p>}
        {Array.isArray(results) && (
          <ul>
            {results.map((result) => (
              <li key={result.url} class={result.outcome === 'failed' ? 'error' : undefined}>
                {describeSyncResult(result)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
