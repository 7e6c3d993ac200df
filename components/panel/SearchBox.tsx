import { t } from '@/utils/platform/i18n';
import { SEARCH_INPUT_ID, SEARCH_RESULTS_ID, resultToggles } from './search-ids';

// The search code (index client, worker, fuse.js) is its own chunk, fetched on first focus or
// keystroke: the panel's first screen never needs it.
let session: Promise<typeof import('./search-session')> | undefined;
const loadSession = () => (session ??= import('./search-session'));
const warmSearch = () => void loadSession().then((m) => m.warmSearch());
// Nothing was searched before the session was loaded, so there is nothing to flush until then.
const flushMisses = () => void session?.then((m) => m.missRecorder().flush());

interface Props {
  value: string;
  onChange: (value: string) => void;
}

/**
 * Search over every card. Keyboard: Down arrow moves to the first result, Enter opens the
 * first result in place, Escape clears the box. The index is built on first focus or keystroke,
 * never when the panel opens.
 */
export function SearchBox({ value, onChange }: Props) {
  const hasQuery = value.trim() !== '';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && hasQuery) {
      const first = resultToggles()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter' && hasQuery) {
      const first = resultToggles()[0];
      if (first) {
        event.preventDefault();
        if (first.getAttribute('aria-expanded') !== 'true') first.click();
        first.focus();
      }
    } else if (event.key === 'Escape' && value !== '') {
      // Our own clearing, so that the query state and the input never disagree.
      event.preventDefault();
      flushMisses();
      onChange('');
    }
  };

  return (
    <div class="search" role="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label={t('searchCards')}
        aria-describedby="search-keys-hint"
        aria-controls={hasQuery ? SEARCH_RESULTS_ID : undefined}
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={value}
        onFocus={warmSearch}
        onInput={(event) => {
          warmSearch();
          onChange((event.target as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
        onBlur={flushMisses}
      />
      <span id="search-keys-hint" class="visually-hidden">
        {t('searchKeysHint')}
      </span>
    </div>
  );
}
