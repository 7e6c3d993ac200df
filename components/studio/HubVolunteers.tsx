import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import type { HubFailure, HubResult, HubVolunteer, VolunteerDecision } from '@/utils/hub/types';
import { toolById } from '@/utils/tools/catalog';
import { HubFailureNotice } from './HubMessages';
import { describeDirectoryResult } from './mentor-directory-text';

type ListState = { kind: 'loading' } | { kind: 'ready'; volunteers: HubVolunteer[] } | { kind: 'failed'; failure: HubFailure };
type Notice = { kind: 'ok'; text: string; sync?: string } | { kind: 'failed'; failure: HubFailure };

/**
 * Teachers who offered to help others ("each one teach one"), waiting on the Hub for the coach:
 * approve one and the Hub lists them in its mentor directory, which is synced at once so that
 * pings reach them; decline and they are not listed.
 */
export function HubVolunteers({ hub }: { hub: string }) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = async () => {
    let result: HubResult<HubVolunteer[]>;
    try {
      result = await sendMessage('studioListsVolunteers', {});
    } catch {
      result = { ok: false, failure: { kind: 'network' } };
    }
    setList(result.ok ? { kind: 'ready', volunteers: result.value } : { kind: 'failed', failure: result.failure });
  };
  useEffect(() => {
    setList({ kind: 'loading' });
    void load();
  }, [hub]);

  const decide = async (volunteer: HubVolunteer, decision: VolunteerDecision) => {
    setBusy(volunteer.id);
    setNotice(null);
    let result: HubResult<{ status: string }>;
    try {
      result = await sendMessage('studioDecidesVolunteer', { id: volunteer.id, decision });
    } catch {
      result = { ok: false, failure: { kind: 'network' } };
    }
    if (!result.ok) {
      setNotice({ kind: 'failed', failure: result.failure });
      setBusy(null);
      return;
    }
    const text = t(decision === 'approve' ? 'hubVolunteerApproved' : 'hubVolunteerDeclined', volunteer.teacher.name);
    setNotice({ kind: 'ok', text });
    await load();
    setBusy(null);
    if (decision !== 'approve') return;
    // The approved mentor reaches routing through the directory the Hub now lists them in.
    try {
      setNotice({ kind: 'ok', text, sync: describeDirectoryResult(await sendMessage('studioSyncsMentors', {})) });
    } catch {
      setNotice({ kind: 'ok', text, sync: t('syncUnavailable') });
    }
  };

  const pending = list.kind === 'ready' ? list.volunteers.filter((volunteer) => volunteer.status === 'pending') : [];
  return (
    <section class="mentor-volunteers" aria-labelledby="hub-volunteers-heading" data-testid="hub-volunteers">
      <h3 id="hub-volunteers-heading">{t('hubVolunteersHeading')}</h3>
      <p class="hint">{t('hubVolunteersIntro')}</p>
      {list.kind === 'loading' && <p class="status">{t('loading')}</p>}
      {list.kind === 'failed' && <HubFailureNotice failure={list.failure} hub={hub} />}
      {list.kind === 'ready' &&
        (pending.length === 0 ? (
          <p class="empty">{t('hubVolunteersEmpty')}</p>
        ) : (
          <table class="mentors__table" aria-labelledby="hub-volunteers-heading">
            <thead>
              <tr>
                <th scope="col">{t('mentorName')}</th>
                <th scope="col">{t('hubVolunteerSchool')}</th>
                <th scope="col">{t('hubVolunteerHandle')}</th>
                <th scope="col">{t('mentorTools')}</th>
                <th scope="col">{t('hubVolunteerNote')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('mentorActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((volunteer) => (
                <tr key={volunteer.id} data-testid="volunteer-row" data-id={volunteer.id}>
                  <th scope="row">{volunteer.teacher.name}</th>
                  <td>{volunteer.teacher.school ?? ''}</td>
                  <td>{volunteer.handle ? <code>{volunteer.handle}</code> : <span class="hint">{t('hubVolunteerNoHandle')}</span>}</td>
                  <td>{volunteer.tools.map((tool) => toolById(tool.id)?.name ?? tool.name).join(', ')}</td>
                  <td>{volunteer.note}</td>
                  <td class="mentors__row-actions">
                    <button type="button" disabled={busy !== null} onClick={() => void decide(volunteer, 'approve')}>
                      {t('hubVolunteerApprove', volunteer.teacher.name)}
                    </button>
                    <button type="button" disabled={busy !== null} onClick={() => void decide(volunteer, 'decline')}>
                      {t('hubVolunteerDecline', volunteer.teacher.name)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div role="status" aria-live="polite">
        {notice?.kind === 'ok' && (
          <div class="notice notice--ok">
            <p>{notice.text}</p>
            {notice.sync && <p>{notice.sync}</p>}
          </div>
        )}
        {notice?.kind === 'failed' && <HubFailureNotice failure={notice.failure} hub={hub} />}
      </div>
    </section>
  );
}
