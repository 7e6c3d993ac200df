import type { ComponentChildren } from 'preact';
import { TOOLS } from '@/utils/tools/catalog';
import type { ToolCategory } from '@/utils/tools/types';
import { t, type MessageKey } from '@/utils/platform/i18n';

const CATEGORY_KEYS: Record<ToolCategory, MessageKey> = {
  lms: 'categoryLms',
  classroom: 'categoryClassroom',
  workspace: 'categoryWorkspace',
  portal: 'categoryPortal',
};

interface Props {
  /** Tool ids whose cards are hidden. */
  value: readonly string[];
  disabled?: boolean;
  /** Id of the lock note, read before the hint. */
  describedBy?: string;
  /** Shown after the hint (the lock note). */
  after?: ComponentChildren;
  onChange: (next: string[]) => void;
}

const HINT_ID = 'settings-hidden-tools-hint';

/**
 * The tools a school does not use, as one checkbox per catalogue tool grouped by category. Ids
 * the catalogue no longer has are kept as they are (a policy may name them).
 */
export function HiddenToolsField({ value, disabled, describedBy, after, onChange }: Props) {
  const hidden = new Set(value);
  const categories = [...new Set(TOOLS.map((tool) => tool.category))];
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((other) => other !== id));
  return (
    <fieldset class="field" aria-describedby={[describedBy, HINT_ID].filter(Boolean).join(' ')}>
      <legend>{t('settingsHiddenTools')}</legend>
      <span id={HINT_ID} class="hint">
        {t('settingsHiddenToolsHint')}
      </span>
      {categories.map((category) => (
        // The same compact layout as the card editor's page picker.
        <fieldset key={category} class="page-picker">
          <legend>{t(CATEGORY_KEYS[category])}</legend>
          {TOOLS.filter((tool) => tool.category === category).map((tool) => (
            <label key={tool.id} class="check">
              <input
                type="checkbox"
                checked={hidden.has(tool.id)}
                disabled={disabled}
                onChange={(event) => toggle(tool.id, (event.target as HTMLInputElement).checked)}
              />
              {tool.name}
            </label>
          ))}
        </fieldset>
      ))}
      {after}
    </fieldset>
  );
}
