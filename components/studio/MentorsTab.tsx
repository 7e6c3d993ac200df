import { useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type Mentor } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { isDirectoryMentor } from '@/utils/mentors/directory';
import { toolById } from '@/utils/tools/catalog';
import { MentorDirectorySection } from './MentorDirectorySection';
import { MentorForm } from './MentorForm';
import { MentorHandleList } from './MentorHandleList';
import { hubConnection } from '@/utils/hub/address';
import { useSettings } from '../hooks/use-settings';
import { HubVolunteers } from './HubVolunteers';

type Editing = { mode: 'add' } | { mode: 'edit'; mentor: Mentor };

/** The mentor directory: who helps with which tools, and how each chat mentions them. */
export function MentorsTab() {
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Mentor } | null>(null);
  const settings = useSettings();
  const hub = settings ? hubConnection(settings.values) : null;

  if (!mentors) return <p class="status">{t('loading')}</p>;
  // The school's directory mentors are listed apart, read-only: a sync would undo any edit.
  const sorted = mentors.filter((mentor) => !isDirectoryMentor(mentor)).sort((a, b) => a.name.localeCompare(b.name));
  const fromDirectory = mentors.filter(isDirectoryMentor).sort((a, b) => a.name.localeCompare(b.name));

  const remove = async (mentor: Mentor) => {
    await db.mentors.delete(mentor.id);
    setStatus({ text: t('mentorDeleted', mentor.name), undo: mentor });
  };
  const undo = async (mentor: Mentor) => {
    await db.mentors.put(mentor);
    setStatus({ text: t('mentorRestored', mentor.name) });
  };

  return (
    <section class="mentors" aria-labelledby="mentors-heading">
      <h2 id="mentors-heading">{t('mentorsHeading')}</h2>
      <p class="hint">{t('mentorsIntro')}</p>
      {sorted.length === 0 ? (
        <p class="empty">{t(fromDirectory.length > 0 ? 'mentorsEmptyLocal' : 'mentorsEmpty')}</p>
      ) : (
        <table class="mentors__table">
          <thead>
            <tr>
              <th scope="col">{t('mentorName')}</th>
              <th scope="col">{t('mentorTools')}</th>
              <th scope="col">{t('mentorHandles')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('mentorActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((mentor) => (
              <tr key={mentor.id} data-testid="mentor-row">
                <th scope="row">{mentor.name}</th>
                <td>{mentor.tools.map((id) => toolById(id)?.name ?? id).join(', ')}</td>
                <td>
                  <MentorHandleList mentor={mentor} />
                </td>
                <td class="mentors__row-actions">
                  <button type="button" onClick={() => setEditing({ mode: 'edit', mentor })}>
                    {t('mentorEdit', mentor.name)}
                  </button>
                  <button type="button" onClick={() => void remove(mentor)}>
                    {t('mentorDelete', mentor.name)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div role="status" aria-live="polite">
        {status && (
          <p class="notice">
            {status.text}{' '}
            {status.undo && (
              <button type="button" onClick={() => void undo(status.undo!)}>
                {t('mentorUndoDelete', status.undo.name)}
              </button>
            )}
          </p>
        )}
      </div>
      {editing ? (
        <MentorForm
          key={editing.mode === 'edit' ? editing.mentor.id : 'new'}
          initial={editing.mode === 'edit' ? editing.mentor : null}
          onCancel={() => setEditing(null)}
          onSaved={(mentor) => {
            setEditing(null);
            setStatus({ text: t('mentorSaved', mentor.name) });
          }}
        />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing({ mode: 'add' })}>
          {t('mentorAdd')}
        </button>
      )}
      {hub && <HubVolunteers hub={hub.url} />}
      <MentorDirectorySection mentors={fromDirectory} />
    </section>
  );
}
