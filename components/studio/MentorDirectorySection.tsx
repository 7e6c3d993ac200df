import { useEffect, useState } from 'preact/hooks';
import type { Mentor } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { validatePackUrl } from '@/utils/cards/subscriptions';
import { normalizeDirectoryUrl } from '@/utils/mentors/directory';
import { watchDirectoryStatus, type MentorDirectoryStatus } from '@/utils/mentors/store';
import { requestReadAccess } from '@/utils/platform/permissions';
import { toolById } from '@/utils/tools/catalog';
import { useSettings } from '../hooks/use-settings';
import { MentorHandleList } from './MentorHandleList';
import { describeDirectoryError, describeDirectoryResult } from './mentor-directory-text';
import { formatWhen } from './sync-text';

/**
 * The mentors of the school's published directory (settings key mentorDirectoryUrl, normally
 * policy): read-only, with where they come from, when they last synced or why not, and "Sync now".
 */
export function MentorDirectorySection({ mentors }: { mentors: Mentor[] }) {
  const url = useSettings()?.values.mentorDirectoryUrl.trim() ?? null;
  const [status, setStatus] = useState<MentorDirectoryStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => watchDirectoryStatus(setStatus), []);

  if (url === null || (url === '' && mentors.length === 0)) return null;
  // A status about another address (the setting just changed) says nothing about this one.
  const current = status && status.url === normalizeDirectoryUrl(url) ? status : null;

  const syncNow = async () => {
    setBusy(true);
    setResult(null);
    // The click is the user gesture the permission prompt needs; servers without CORS headers need the grant.
    if (validatePackUrl(url).ok) await requestReadAccess(normalizeDirectoryUrl(url));
    try {
      setResult(describeDirectoryResult(await sendMessage('studioSyncsMentors', {})));
    } catch {
      setResult(t('syncUnavailable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="mentor-directory" aria-labelledby="mentor-directory-heading">
      <h3 id="mentor-directory-heading">{t('mentorDirectoryHeading')}</h3>
      <p class="hint">{t('mentorDirectoryIntro')}</p>
      <p class="mentor-directory__meta">
        {url && (
          <span>
            {t('mentorDirectorySource')} <code class="mentor-directory__url">{url}</code>
          </span>
        )}
        <span>{current?.lastSyncAt ? t('packLastSync', formatWhen(current.lastSyncAt)) : t('packNeverSynced')}</span>
      </p>
      {current?.lastError && (
        <p class="error">
          {t(mentors.length > 0 ? 'mentorDirectoryFailedKept' : 'mentorDirectoryFailedNone', describeDirectoryError(current.lastError))}
        </p>
      )}
      <button type="button" onClick={() => void syncNow()} disabled={busy} aria-describedby="mentor-directory-heading">
        {busy ? t('syncing') : t('syncNow')}
      </button>
      <div role="status" aria-live="polite">
        {result && <p class="notice">{result}</p>}
      </div>
      {current && current.warnings.length > 0 && (
        <details class="mentor-directory__warnings">
          <summary>{t('mentorDirectoryWarnings', String(current.warnings.length))}</summary>
          <ul>
            {current.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
      {mentors.length === 0 ? (
        current?.lastSuccessAt !== undefined && <p class="empty">{t('mentorDirectoryEmpty')}</p>
      ) : (
        <table class="mentors__table" aria-labelledby="mentor-directory-heading">
          <thead>
            <tr>
              <th scope="col">{t('mentorName')}</th>
              <th scope="col">{t('mentorTools')}</th>
              <th scope="col">{t('mentorHandles')}</th>
            </tr>
          </thead>
          <tbody>
            {mentors.map((mentor) => (
              <tr key={mentor.id} data-testid="directory-mentor-row">
                <th scope="row">{mentor.name}</th>
                <td>{mentor.tools.map((id) => toolById(id)?.name ?? id).join(', ')}</td>
                <td>
                  <MentorHandleList mentor={mentor} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
