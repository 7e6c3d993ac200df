import { TOOLS, toolById } from '@/utils/tools/catalog';
import type { ToolCategory } from '@/utils/tools/types';
import { t, type MessageKey } from '@/utils/platform/i18n';

const CATEGORY_KEYS: Record<ToolCategory, MessageKey> = {
  lms: 'categoryLms',
  classroom: 'categoryClassroom',
  workspace: 'categoryWorkspace',
  portal: 'categoryPortal',
};

interface Props {
  tools: string[];
  contexts: string[];
  onChange: (next: { tools: string[]; contexts: string[] }) => void;
  toolsError?: string;
  contextsError?: string;
}

/** Tools from the catalogue, and for each chosen tool its pages (contexts) as checkboxes. */
export function ToolPicker({ tools, contexts, onChange, toolsError, contextsError }: Props) {
  const available = TOOLS.filter((tool) => !tools.includes(tool.id));
  const categories = [...new Set(available.map((tool) => tool.category))];
  const known = tools.map((id) => toolById(id)).filter((tool) => tool !== undefined);
  const catalogueContexts = new Set(known.flatMap((tool) => tool.contexts.map((context) => context.id)));
  // Pages the card names that no chosen tool has (an imported card, a tool removed): kept visible.
  const other = contexts.filter((id) => !catalogueContexts.has(id));

  const addTool = (id: string) => {
    if (id && !tools.includes(id)) onChange({ tools: [...tools, id], contexts });
  };
  const removeTool = (id: string) => {
    const rest = tools.filter((tool) => tool !== id);
    const stillOffered = new Set(rest.flatMap((tool) => toolById(tool)?.contexts.map((context) => context.id) ?? []));
    const ownContexts = new Set(toolById(id)?.contexts.map((context) => context.id) ?? []);
    onChange({ tools: rest, contexts: contexts.filter((context) => !ownContexts.has(context) || stillOffered.has(context)) });
  };
  const toggleContext = (id: string, on: boolean) =>
    onChange({ tools, contexts: on ? [...contexts, id] : contexts.filter((context) => context !== id) });

  return (
    <>
      <fieldset class="field" aria-describedby={toolsError ? 'editor-tools-error' : undefined}>
        <legend>{t('editorTools')}</legend>
        <ul class="chips">
          {tools.map((id) => {
            const name = toolById(id)?.name ?? t('editorUnknownTool', id);
            return (
              <li key={id} class="chip">
                <span>{name}</span>
                <button type="button" class="chip__remove" aria-label={t('editorRemoveTool', name)} onClick={() => removeTool(id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <label for="editor-add-tool" class="visually-hidden">
          {t('editorAddTool')}
        </label>
        <select
          id="editor-add-tool"
          value=""
          aria-invalid={Boolean(toolsError)}
          onChange={(event) => {
            addTool(event.currentTarget.value);
            event.currentTarget.value = '';
          }}
        >
          <option value="">{t('editorChooseTool')}</option>
          {categories.map((category) => (
            <optgroup key={category} label={t(CATEGORY_KEYS[category])}>
              {available
                .filter((tool) => tool.category === category)
                .map((tool) => (
                  <option key={tool.id} value={tool.id}>
                    {tool.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {toolsError && (
          <p id="editor-tools-error" class="error">
            {toolsError}
          </p>
        )}
      </fieldset>
      {(known.length > 0 || other.length > 0) && (
        <fieldset class="field" aria-describedby="editor-pages-hint">
          <legend>{t('editorPages')}</legend>
          <p id="editor-pages-hint" class="hint">
            {t('editorPagesHint')}
          </p>
          {known.map((tool) => (
            <fieldset key={tool.id} class="page-picker">
              <legend>{t('editorPagesOf', tool.name)}</legend>
              {tool.contexts.map((context) => (
                <label key={context.id} class="check">
                  <input
                    type="checkbox"
                    checked={contexts.includes(context.id)}
                    onChange={(event) => toggleContext(context.id, event.currentTarget.checked)}
                  />
                  {context.name}
                </label>
              ))}
            </fieldset>
          ))}
          {other.map((id) => (
            <label key={id} class="check">
              <input type="checkbox" checked onChange={() => toggleContext(id, false)} />
              <code>{id}</code>
            </label>
          ))}
          {contextsError && <p class="error">{contextsError}</p>}
        </fieldset>
      )}
    </>
  );
}
