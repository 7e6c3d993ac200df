import { t } from '@/utils/i18n';

interface Props {
  value: string;
  onChange: (value: string) => void;
}

/** Search over every card (replaced by the full search experience). */
export function SearchBox({ value, onChange }: Props) {
  return (
    <div class="search">
      <input
        type="search"
        aria-label={t('searchCards')}
        placeholder={t('searchPlaceholder')}
        value={value}
        onInput={(event) => onChange((event.target as HTMLInputElement).value)}
      />
    </div>
  );
}
