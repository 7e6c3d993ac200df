import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { usePanelTabId, useTabState } from './use-tab';
import { PageCards } from './PageCards';
import { RecentlyViewed } from './RecentlyViewed';
import { UnknownPage } from './UnknownPage';
import { SearchBox } from './SearchBox';
import { lazyComponent } from './lazy';
import { PanelActions } from './PanelActions';
import { RequestsButton, REQUESTS_BUTTON_ID } from './RequestsButton';
import { PlanButton, PLAN_BUTTON_ID } from './PlanButton';
import { MeetingReminder } from './MeetingReminder';
import { usePanelForm } from './use-panel-form';
import { useStickyInsets } from './use-sticky-insets';
import { AddressedNotice } from './AddressedNotice';
import { PanelTabContext } from './panel-context';
import { toolById } from '@/utils/tools/catalog';
import { pageName, toolName } from '@/utils/tools/names';
import type { Detection } from '@/utils/tools/types';
import { t } from '@/utils/platform/i18n';

// Fetched with the search code on the first keystroke, never for the first screen.
const SearchResults = lazyComponent(() => import('./SearchResults').then((m) => m.SearchResults));
// Coach mode is a setting: reading settings needs the schema library, which the first screen does without.
const NewCardLink = lazyComponent(() => import('./NewCardLink').then((m) => m.NewCardLink));
const RequestsView = lazyComponent(
  () => import('./RequestsView').then((m) => m.RequestsView),
  () => <p class="status">{t('loading')}</p>,
);
// The plan, its summary and its payload come when the teacher opens it.
const PlanView = lazyComponent(
  () => import('./PlanView').then((m) => m.PlanView),
  () => <p class="status">{t('loading')}</p>,
);

/** The teacher's panel: what page this is, and the cards for it. */
export function Panel() {
  const tabId = usePanelTabId();
  const tabState = useTabState(tabId);
  const [query, setQuery] = useState('');
  const [form, setForm] = usePanelForm();
  const panelRef = useStickyInsets();
  if (tabState === undefined) return <p class="status">{t('loading')}</p>;
  const detection = tabState?.detection ?? null;
  const searching = query.trim() !== '';
  const requestsOpen = form === 'requests';
  const planOpen = form === 'plan' || form === 'plan-summary';
  // The requests and the plan take the place of the cards or the results: the search is left.
  const openOrClose = (view: 'requests' | 'plan') => {
    if (form === view || (view === 'plan' && planOpen)) return setForm(null);
    setQuery('');
    setForm(view);
  };
  // Typing a search leaves the requests or the plan for the results.
  const search = (next: string) => {
    if (requestsOpen || planOpen) setForm(null);
    setQuery(next);
  };
  const closeView = (button: string) => {
    setForm(null);
    document.getElementById(button)?.focus();
  };
  const prepareMeeting = () => {
    setQuery('');
    setForm('plan-summary');
  };
  return (
    <PanelTabContext.Provider value={{ tabId, tabState }}>
      <div class="panel" ref={panelRef}>
        <PanelHeader detection={detection}>
          <RequestsButton tool={detection?.tool ?? null} open={requestsOpen} onToggle={() => openOrClose('requests')} />
          <PlanButton open={planOpen} onToggle={() => openOrClose('plan')} />
        </PanelHeader>
        <SearchBox value={query} onChange={search} />
        <main class="panel__main" id="panel-main">
          <AddressedNotice detection={detection} />
          {!planOpen && <MeetingReminder onPrepare={prepareMeeting} />}
          {planOpen ? (
            <PlanView
              tool={detection?.tool ?? null}
              start={form === 'plan-summary' ? 'summary' : 'plan'}
              onClose={() => closeView(PLAN_BUTTON_ID)}
            />
          ) : requestsOpen ? (
            <RequestsView tool={detection?.tool ?? null} onClose={() => closeView(REQUESTS_BUTTON_ID)} />
          ) : searching ? (
            <SearchResults query={query} detection={detection} onForm={setForm} onClear={() => setQuery('')} />
          ) : detection ? (
            <PageCards detection={detection} />
          ) : (
            <>
              <UnknownPage />
              <RecentlyViewed />
            </>
          )}
        </main>
        <PanelActions tabState={tabState} form={form} onForm={setForm} />
      </div>
    </PanelTabContext.Provider>
  );
}

function PanelHeader({ detection, children }: { detection: Detection | null; children: ComponentChildren }) {
  const tool = detection ? toolById(detection.tool) : undefined;
  const page = detection ? pageName(detection.tool, detection.context) : null;
  return (
    <header class="panel__header">
      <img class="panel__icon" src="/icon-small.svg" alt="" width={20} height={20} />
      <h1 class="panel__title" data-testid="panel-title">
        {tool ? (
          <>
            <span class="panel__tool">{toolName(tool.id)}</span>
            {page && (
              <>
                <span class="panel__sep"> {t('headerSeparator')} </span>
                <span class="panel__page">{page}</span>
              </>
            )}
          </>
        ) : (
          t('panelTitle')
        )}
      </h1>
      <NewCardLink detection={detection} />
      {children}
    </header>
  );
}
