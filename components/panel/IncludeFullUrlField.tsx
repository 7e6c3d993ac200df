import { t } from '@/utils/platform/i18n';

interface Props {
  /** Prefix for the hint's id, unique on the page. */
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Include the full page address": off by default, for this one ping or flag only. */
export function IncludeFullUrlField({ id, checked, onChange }: Props) {
  return (
    <div class="field field--checkbox">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange((event.target as HTMLInputElement).checked)}
        />{' '}
        {t('pingIncludeFullUrl')}
      </label>
      <span id={`${id}-hint`} class="hint">
        {t('pingIncludeFullUrlHint')}
      </span>
    </div>
  );
}
