import { useState } from 'preact/hooks';
import { usePanelTabId, useTabState } from './use-tab';
import { PageCards } from './PageCards';
import { RecentlyViewed } from './RecentlyViewed';
import { UnknownPage } from './UnknownPage';
import { SearchBox } from './SearchBox';
import { lazyComponent } from './lazy';
import { PanelActions } from './PanelActions';
import { usePanelForm } from './use-panel-form';
import { AddressedNotice } from './AddressedNotice';
import { NewCardLink } from './NewCardLink';
import { PanelTabContext } from './panel-context';
import { contextName, toolById } from '@/utils/tools/catalog';
import type { Detection } from '@/utils/tools/types';
import { t } from '@/utils/platform/i18n';

// Fetched with the search code on the first keystroke, never for the first screen.
const SearchResults = lazyComponent(() => import('./SearchResults').then((m) => m.SearchResults));

/** The teacher's panel: what page this is, and the cards for it. */
export function Panel() {
  const tabId = usePanelTabId();
  const tabState = useTabState(tabId);
  const [query, setQuery] = useState('');
  const [form, setForm] = usePanelForm();
  if (tabState === undefined) return <p class="status">{t('loading')}</p>;
  const detection = tabState?.detection ?? null;
  const searching = query.trim() !== '';
  return (
    <PanelTabContext.Provider value={{ tabId, tabState }}>
      <div class="panel">
        <PanelHeader detection={detection} />
        <SearchBox value={query} onChange={setQuery} />
        <main class="panel__main">
          <AddressedNotice detection={detection} />
          {searching ? (
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

function PanelHeader({ detection }: { detection: Detection | null }) {
  const tool = detection ? toolById(detection.tool) : undefined;
  const page = detection ? contextName(detection.tool, detection.context) : null;
  return (
    <header class="panel__header">
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
    </header>
  );
}
