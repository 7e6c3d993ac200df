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
import { usePanelForm } from './use-panel-form';
import { AddressedNotice } from './AddressedNotice';
import { PanelTabContext } from './panel-context';
import { contextName, toolById } from '@/utils/tools/catalog';
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

/** The teacher's panel: what page this is, and the cards for it. */
export function Panel() {
  const tabId = usePanelTabId();
  const tabState = useTabState(tabId);
  const [query, setQuery] = useState('');
  const [form, setForm] = usePanelForm();
  if (tabState === undefined) return <p class="status">{t('loading')}</p>;
  const detection = tabState?.detection ?? null;
  const searching = query.trim() !== '';
  const requestsOpen = form === 'requests';
  // The requests take the place of the cards or the results: the search is left.
  const openOrCloseRequests = () => {
    if (requestsOpen) return setForm(null);
    setQuery('');
    setForm('requests');
  };
  // Typing a search leaves the requests for the results.
  const search = (next: string) => {
    if (requestsOpen) setForm(null);
    setQuery(next);
  };
  const closeRequests = () => {
    setForm(null);
    document.getElementById(REQUESTS_BUTTON_ID)?.focus();
  };
  return (
    <PanelTabContext.Provider value={{ tabId, tabState }}>
      <div class="panel">
        <PanelHeader detection={detection}>
          <RequestsButton tool={detection?.tool ?? null} open={requestsOpen} onToggle={openOrCloseRequests} />
        </PanelHeader>
        <SearchBox value={query} onChange={search} />
        <main class="panel__main" id="panel-main">
          <AddressedNotice detection={detection} />
          {requestsOpen ? (
            <RequestsView tool={detection?.tool ?? null} onClose={closeRequests} />
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
  const page = detection ? contextName(detection.tool, detection.context) : null;
  return (
    <header class="panel__header">
      <img class="panel__icon" src="/icon-small.svg" alt="" width={20} height={20} />
      <h1 class="panel__title" data-testid="panel-title">
        {tool ? (
          <>
            <span class="panel__tool">{tool.name}</span>
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
