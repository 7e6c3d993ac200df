import { useState } from 'preact/hooks';
import { db, type Mentor } from '@/utils/platform/db';
import { ENDPOINT_FORMATS, type EndpointFormat } from '@/utils/endpoints/types';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { isMentionHandle } from '@/utils/help-requests/help-request';
import { TOOLS } from '@/utils/tools/catalog';
import type { ToolCategory } from '@/utils/tools/types';
import { Field } from '../shared/Field';
import { HANDLE_LABELS } from '../shared/mentor-handles';

const CATEGORIES: Array<[ToolCategory, MessageKey]> = [
  ['lms', 'categoryLms'],
  ['classroom', 'categoryClassroom'],
  ['workspace', 'categoryWorkspace'],
  ['portal', 'categoryPortal'],
];

interface FormErrors {
  name?: string;
  tools?: string;
  handles: Partial<Record<EndpointFormat, string>>;
}

/** Add or edit one mentor: name, a handle per chat, and the tools they help with. */
export function MentorForm({
  initial,
  onCancel,
  onSaved,
}: {
  initial: Mentor | null;
  onCancel: () => void;
  onSaved: (mentor: Mentor) => void;
}) {
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
      <Field id="mentor-name" label={t('mentorName')} error={errors.name ?? null}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={name}
            autoComplete="off"
            onInput={(event) => setName((event.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('mentorHandles')}</legend>
        <p class="hint">{t('mentorHandlesIntro')}</p>
        {ENDPOINT_FORMATS.map((format) => {
          const { label, hint } = HANDLE_LABELS[format];
          return (
            <Field key={format} id={`mentor-handle-${format}`} label={t(label)} hint={t(hint)} error={errors.handles[format] ?? null}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={handles[format] ?? ''}
                  autoComplete="off"
                  spellcheck={false}
                  onInput={(event) => setHandles((current) => ({ ...current, [format]: (event.target as HTMLInputElement).value }))}
                />
              )}
            </Field>
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
