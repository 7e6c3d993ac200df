import { t } from '@/utils/platform/i18n';
import { CheckboxField } from '../shared/Field';

interface Props {
  /** Prefix for the hint's id, unique on the page. */
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * "Include the full page address": off by default, for this one ping or flag only. The hint
 * says what the box, as it is now, sends.
 */
export function IncludeFullUrlField({ id, checked, onChange }: Props) {
  return (
    <CheckboxField
      id={id}
      label={t('pingIncludeFullUrl')}
      hint={t(checked ? 'pingIncludeFullUrlHintOn' : 'pingIncludeFullUrlHintOff')}
      checked={checked}
      onChange={onChange}
    />
  );
}
