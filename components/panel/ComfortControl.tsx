import { t } from '@/utils/platform/i18n';
import { COMFORT_LABEL_KEYS, COMFORT_LEVELS, setComfort, type Comfort } from '@/utils/cards/comfort';

/** "Your level with Canvas: New / Comfortable / Expert", which orders the cards below. */
export function ComfortControl({ tool, toolName, comfort }: { tool: string; toolName: string; comfort: Comfort }) {
  const id = 'comfort-level';
  return (
    <div class="comfort">
      <label for={id}>{t('comfortLabel', toolName)}</label>
      <select
        id={id}
        value={comfort}
        aria-describedby="comfort-hint"
        onChange={(event) => {
          const value = (event.target as HTMLSelectElement).value as Comfort;
          setComfort(tool, value).catch((error: unknown) => console.error('Coachmark: could not save the comfort level', error));
        }}
      >
        {COMFORT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(COMFORT_LABEL_KEYS[level])}
          </option>
        ))}
      </select>
      <span id="comfort-hint" class="visually-hidden">
        {t('comfortHint')}
      </span>
    </div>
  );
}
