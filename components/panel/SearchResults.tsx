import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { useSettings } from '../hooks/use-settings';
import { CardView } from './CardView';
import type { PanelForm } from './use-panel-form';
import { SEARCH_RESULTS_ID, focusSearchBox, missRecorder, resultToggles, searchWasReady, useSearch } from './search-session';
import { db, type CardRecord } from '@/utils/platform/db';
import { placeKey } from '@/utils/platform/keys';
import { t, tn } from '@/utils/platform/i18n';
import { feedbackByKey } from '@/utils/cards/feedback';
import { toolName as localToolName } from '@/utils/tools/names';
import type { Detection } from '@/utils/tools/types';

/** Enough to scroll through; the best matches are at the top of each group anyway. */
const RESULT_LIMIT = 30;

interface Props {
  query: string;
  detection: Detection | null;
  onForm: (form: PanelForm) => void;
  /** Empties the search box (Escape in the results). */
  onClear: () => void;
}

interface Group {
  id: 'best' | 'page' | 'tool' | 'other' | 'all';
  title: string;
  cards: CardRecord[];
}

/**
 * Search results: the single best match first, then the rest grouped "This page / This tool /
 * Other tools", best first within each group. Keyboard pattern: a list of buttons (each card's title). Up and Down arrows move focus between
 * them (Up from the first goes back to the box), Enter opens a card in place (the button's own
 * action), Escape anywhere in the results clears the search and returns to the box.
 */
export function SearchResults({ query, detection, onForm, onClear }: Props) {
  const tool = detection?.tool;
  const context = detection?.context ?? undefined;
  const settings = useSettings();
  // Until the settings are read, the tools the school hides are not known: no search yet.
  const hiddenTools = settings?.values.hiddenTools;
  const { answer, failed } = useSearch(query, { tool, context, limit: RESULT_LIMIT, hiddenTools }, settings !== undefined);
  const feedbackList = useLiveQuery(() => db.feedback.toArray(), []);
  const feedback = useMemo(() => feedbackByKey(feedbackList ?? []), [feedbackList]);
  const [open, setOpen] = useState<string | null>(null);
  const results = answer?.results;
  const matchTerms = answer?.matchTerms;
  // The index holds only the cards in the teacher's language (search-session.ts): no translation to drop here.
  const groups = useMemo(() => (results ? groupResults(results, detection) : []), [results, detection]);

  // The answer carries its own query. Told as soon as it is on screen, so that leaving the box
  // right after records what the teacher saw.
  useLayoutEffect(() => {
    // A partial answer (this tool's cards, the rest still being read) says nothing about a miss yet.
    if (answer && !answer.partial)
      missRecorder().update(answer.query, answer.results.length > 0, {
        tool: detection?.tool ?? null,
        context: detection?.context ?? null,
      });
  }, [answer]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void missRecorder().flush();
      onClear();
      focusSearchBox();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const toggles = resultToggles();
    const at = toggles.indexOf(event.target as HTMLElement);
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) focusSearchBox();
    else {
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: toggles.length - 1 }[event.key] ?? at;
      toggles[Math.min(Math.max(next, 0), toggles.length - 1)]?.focus();
    }
  };

  let body;
  let announcement = '';
  if (failed) body = <p class="status notice notice--error">{t('searchFailed')}</p>;
  else if (!results) {
    // The first search waits for the index; later ones answer within a frame or two.
    if (!searchWasReady()) {
      body = <p class="status">{t('searchLoading')}</p>;
      announcement = t('searchLoading');
    }
  } else if (results.length === 0 && answer?.partial) {
    body = <p class="status">{t('searchLoading')}</p>;
    announcement = t('searchLoading');
  } else if (results.length === 0) {
    body = <EmptyResults query={answer?.query ?? query} onForm={onForm} />;
    announcement = t('searchNoResults', (answer?.query ?? query).trim());
  } else {
    announcement = tn('searchResults', results.length);
    const sections = groups.map((group) => (
      <section key={group.id} aria-labelledby={`results-${group.id}`} data-testid={`results-${group.id}`}>
        <h2 id={`results-${group.id}`} class="section-title">
          {group.title}
        </h2>
        <ul class="card-list">
          {group.cards.map((card) => (
            <li key={card.key}>
              <CardView
                card={card}
                idPrefix="result"
                expanded={open === card.key}
                onToggle={() => setOpen((current) => (current === card.key ? null : card.key))}
                feedback={feedback.get(card.key)}
                matchTerms={matchTerms}
                showTools={showsTools(group.id, card, tool)}
              />
            </li>
          ))}
        </ul>
      </section>
    ));
    const more = (
      <p key="more" class="status search-results__more">
        {t('searchLoadingRest')}
      </p>
    );
    body = answer?.partial ? [...sections, more] : sections;
  }

  return (
    <div id={SEARCH_RESULTS_ID} class="search-results" data-query={answer?.query} onKeyDown={onKeyDown}>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {body}
    </div>
  );
}

/** Nothing found: say so, and offer the two ways to get help that do not need a card. */
function EmptyResults({ query, onForm }: { query: string; onForm: (form: PanelForm) => void }) {
  // The miss is stored before the form opens, so the gap flag can carry the search.
  const open = (form: Exclude<PanelForm, null>) =>
    void missRecorder()
      .flush()
      .then(() => onForm(form));
  return (
    <div class="search-empty" data-testid="search-empty">
      <p class="search-empty__title">{t('searchNoResults', query.trim())}</p>
      <p class="search-empty__hint">{t('searchNoResultsHelp')}</p>
      <div class="search-empty__actions">
        <button type="button" class="primary" onClick={() => open('ping')}>
          {t('pingMentor')}
        </button>
        <button type="button" onClick={() => open('flag-search')}>
          {t('flagGap')}
        </button>
      </div>
    </div>
  );
}

/** Cards of other tools say which tool they are for; the best match does when it is one of them. */
function showsTools(group: Group['id'], card: CardRecord, tool: string | undefined): boolean {
  if (group === 'best') return !tool || !card.tools.includes(tool);
  return group === 'other' || group === 'all';
}

/**
 * The best match on its own, then this page's cards, the rest of this tool's, then other tools';
 * each keeps the ranking. The best match is not repeated in its group.
 */
export function groupResults(results: readonly CardRecord[], detection: Detection | null): Group[] {
  const [first, ...rest] = results;
  if (!first) return [];
  const best: Group = { id: 'best', title: t('searchGroupBest'), cards: [first] };
  if (!detection) return rest.length > 0 ? [best, { id: 'all', title: t('searchGroupAll'), cards: rest }] : [best];
  const place = detection.context ? placeKey(detection.tool, detection.context) : null;
  const page: CardRecord[] = [];
  const tool: CardRecord[] = [];
  const other: CardRecord[] = [];
  for (const card of rest) {
    if (place && card.places.includes(place)) page.push(card);
    else if (card.tools.includes(detection.tool)) tool.push(card);
    else other.push(card);
  }
  const toolName = localToolName(detection.tool);
  const groups: Group[] = [
    best,
    { id: 'page', title: t('searchGroupPage'), cards: page },
    { id: 'tool', title: t('searchGroupTool', toolName), cards: tool },
    { id: 'other', title: t('searchGroupOther'), cards: other },
  ];
  return groups.filter((group) => group.cards.length > 0);
}
