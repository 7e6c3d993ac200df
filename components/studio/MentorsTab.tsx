import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { db, type Mentor } from '@/utils/platform/db';
import { ENDPOINT_FORMATS, type EndpointFormat } from '@/utils/endpoints/types';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { decodeSyncError, validatePackUrl } from '@/utils/cards/subscriptions';
import { isDirectoryMentor, normalizeDirectoryUrl, type MentorDirectorySyncResult } from '@/utils/mentors/directory';
import { watchDirectoryStatus, type MentorDirectoryStatus } from '@/utils/mentors/store';
import { isMentionHandle } from '@/utils/help-requests/help-request';
import { watchSettings } from '@/utils/settings/settings';
import { requestReadAccess } from './SubscribeForm';
import { describeSyncError, formatWhen } from './sync-text';
import { TOOLS, toolById } from '@/utils/tools/catalog';
import type { ToolCategory } from '@/utils/tools/types';

const HANDLE_LABELS: Record<EndpointFormat, { label: MessageKey; hint: MessageKey; invalid: MessageKey | null }> = {
  slack: { label: 'mentorHandleSlack', hint: 'mentorHandleSlackHint', invalid: 'mentorHandleSlackInvalid' },
  teams: { label: 'mentorHandleTeams', hint: 'mentorHandleTeamsHint', invalid: 'mentorHandleTeamsInvalid' },
  'google-chat': { label: 'mentorHandleGoogleChat', hint: 'mentorHandleGoogleChatHint', invalid: 'mentorHandleGoogleChatInvalid' },
  discord: { label: 'mentorHandleDiscord', hint: 'mentorHandleDiscordHint', invalid: 'mentorHandleDiscordInvalid' },
  json: { label: 'mentorHandleJson', hint: 'mentorHandleJsonHint', invalid: null },
};

const CATEGORIES: Array<[ToolCategory, MessageKey]> = [
  ['lms', 'categoryLms'],
  ['classroom', 'categoryClassroom'],
  ['workspace', 'categoryWorkspace'],
  ['portal', 'categoryPortal'],
];

type Editing = { mode: 'add' } | { mode: 'edit'; mentor: Mentor };

/** The mentor directory: who helps with which tools, and how each chat mentions them. */
export function MentorsTab() {
  const mentors = useLiveQuery(() => db.mentors.toArray(), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<{ text: string; undo?: Mentor } | null>(null);

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
                  <HandleList mentor={mentor} />
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
      <DirectorySection mentors={fromDirectory} />
    </section>
  );
}

function HandleList({ mentor }: { mentor: Mentor }) {
  return (
    <ul class="mentors__handles">
      {ENDPOINT_FORMATS.filter((format) => mentor.handles[format]).map((format) => (
        <li key={format}>
          {t(HANDLE_LABELS[format].label)}: <code>{mentor.handles[format]}</code>
        </li>
      ))}
    </ul>
  );
}

/** A stored directory sync error in the coach's language; size and validity have the directory's own words. */
function describeDirectoryError(stored: string): string {
  const { code, detail } = decodeSyncError(stored);
  if (code === 'too-large') return t('mentorDirectoryErrorTooLarge');
  if (code === 'invalid') return t('mentorDirectoryErrorInvalid', detail);
  return describeSyncError(stored);
}

function describeDirectoryResult(result: MentorDirectorySyncResult): string {
  switch (result.outcome) {
    case 'updated':
      return t('mentorDirectoryResultUpdated', String(result.mentors));
    case 'unchanged':
      return t('mentorDirectoryResultUnchanged', String(result.mentors));
    case 'failed':
      return t('mentorDirectoryResultFailed', describeDirectoryError(result.error));
    case 'none':
      return t('mentorDirectoryResultNone');
  }
}

/**
 * The mentors of the school's published directory (settings key mentorDirectoryUrl, normally
 * policy): read-only, with where they come from, when they last synced or why not, and "Sync now".
 */
function DirectorySection({ mentors }: { mentors: Mentor[] }) {
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<MentorDirectoryStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => watchSettings((settings) => setUrl(settings.values.mentorDirectoryUrl.trim())), []);
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
                  <HandleList mentor={mentor} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface FormErrors {
  name?: string;
  tools?: string;
  handles: Partial<Record<EndpointFormat, string>>;
}

function MentorForm({ initial, onCancel, onSaved }: { initial: Mentor | null; onCancel: () => void; onSaved: (mentor: Mentor) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [handles, setHandles] = useState<Partial<Record<EndpointFormat, string>>>({ ...initial?.handles });
  const [tools, setTools] = useState<Set<string>>(new Set(initial?.tools ?? []));
  const [errors, setErrors] = useState<FormErrors>({ handles: {} });

  const toggleTool = (id: string, checked: boolean) =>
    setTools((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: FormErrors = { handles: {} };
    if (!name.trim()) found.name = t('mentorNameRequired');
    if (tools.size === 0) found.tools = t('mentorToolsRequired');
    const cleaned: Partial<Record<EndpointFormat, string>> = {};
    for (const format of ENDPOINT_FORMATS) {
      const handle = handles[format]?.trim();
      if (!handle) continue;
      const invalid = HANDLE_LABELS[format].invalid;
      // A handle of the wrong shape would silently become a plain name instead of a mention.
      if (invalid && !isMentionHandle(format, handle)) found.handles[format] = t(invalid);
      cleaned[format] = handle;
    }
    setErrors(found);
    const firstError = found.name
      ? 'mentor-name'
      : Object.keys(found.handles).length > 0
        ? `mentor-handle-${Object.keys(found.handles)[0]}`
        : found.tools
          ? 'mentor-tools'
          : null;
    if (firstError) {
      document.getElementById(firstError)?.focus();
      return;
    }
    // Catalogue order, so the directory reads the same however the boxes were ticked.
    const mentor: Mentor = {
      id: initial?.id ?? crypto.randomUUID(),
      name: name.trim(),
      handles: cleaned,
      tools: TOOLS.filter((tool) => tools.has(tool.id)).map((tool) => tool.id),
    };
    await db.mentors.put(mentor);
    onSaved(mentor);
  };

  const titleId = 'mentor-form-title';
  return (
    <form class="mentor-form" aria-labelledby={titleId} onSubmit={(event) => void onSubmit(event)} noValidate>
      <h3 id={titleId}>{initial ? t('mentorEditTitle', initial.name) : t('mentorAddTitle')}</h3>
      <div class="field">
        <label for="mentor-name">{t('mentorName')}</label>
        <input
          id="mentor-name"
          type="text"
          value={name}
          autoComplete="off"
          aria-invalid={!!errors.name}
          aria-describedby={errors.name ? 'mentor-name-error' : undefined}
          onInput={(event) => setName((event.target as HTMLInputElement).value)}
        />
        {errors.name && (
          <span id="mentor-name-error" class="error">
            {errors.name}
          </span>
        )}
      </div>
      <fieldset>
        <legend>{t('mentorHandles')}</legend>
        <p class="hint">{t('mentorHandlesIntro')}</p>
        {ENDPOINT_FORMATS.map((format) => {
          const id = `mentor-handle-${format}`;
          const error = errors.handles[format];
          return (
            <div class="field" key={format}>
              <label for={id}>{t(HANDLE_LABELS[format].label)}</label>
              <input
                id={id}
                type="text"
                value={handles[format] ?? ''}
                autoComplete="off"
                spellcheck={false}
                aria-invalid={!!error}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                onInput={(event) => setHandles((current) => ({ ...current, [format]: (event.target as HTMLInputElement).value }))}
              />
              <span id={`${id}-hint`} class="hint">
                {t(HANDLE_LABELS[format].hint)}
              </span>
              {error && (
                <span id={`${id}-error`} class="error">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset
        id="mentor-tools"
        tabIndex={-1}
        aria-describedby={errors.tools ? 'mentor-tools-error' : undefined}
        class="mentor-form__tools"
      >
        <legend>{t('mentorTools')}</legend>
        {errors.tools && (
          <p id="mentor-tools-error" class="error">
            {errors.tools}
          </p>
        )}
        {CATEGORIES.map(([category, label]) => (
          <div key={category} class="mentor-form__tool-group" role="group" aria-labelledby={`mentor-tools-${category}`}>
            <h4 id={`mentor-tools-${category}`}>{t(label)}</h4>
            <ul class="mentor-form__tool-list">
              {TOOLS.filter((tool) => tool.category === category).map((tool) => (
                <li key={tool.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={tools.has(tool.id)}
                      onChange={(event) => toggleTool(tool.id, (event.target as HTMLInputElement).checked)}
                    />{' '}
                    {tool.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <div class="mentor-form__actions">
        <button type="submit" class="primary">
          {t('mentorSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
