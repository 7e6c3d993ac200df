import { useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { usePanelTabId, useTabState } from './use-tab';
import { CardView } from './CardView';
import { UnknownPage } from './UnknownPage';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { PanelActions, usePanelForm } from './PanelActions';
import { cardsForPage } from '@/utils/cards/store';
import { contextName, toolById } from '@/utils/tools/catalog';
import type { CardRecord } from '@/utils/db';
import type { Detection } from '@/utils/tools/types';
import { t } from '@/utils/i18n';

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
    <div class="panel">
      <PanelHeader detection={detection} />
      <SearchBox value={query} onChange={setQuery} />
      <main class="panel__main">
        {searching ? (
          <SearchResults query={query} detection={detection} onForm={setForm} />
        ) : detection ? (
          <PageCards detection={detection} />
        ) : (
          <UnknownPage />
        )}
      </main>
      <PanelActions tabState={tabState} form={form} onForm={setForm} />
    </div>
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
    </header>
  );
}

function PageCards({ detection }: { detection: Detection }) {
  const cards = useLiveQuery(() => cardsForPage(detection.tool, detection.context), [detection.tool, detection.context]);
  const [open, setOpen] = useState<string | null>(null);
  if (!cards) return <p class="status">{t('loading')}</p>;
  const toolName = toolById(detection.tool)?.name ?? detection.tool;
  const toggle = (card: CardRecord) => setOpen((current) => (current === card.key ? null : card.key));
  const list = (items: CardRecord[]) => (
    <ul class="card-list">
      {items.map((card) => (
        <li key={card.key}>
          <CardView card={card} expanded={open === card.key} onToggle={() => toggle(card)} />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {detection.context && (
        <section aria-labelledby="page-cards" data-testid="page-cards">
          <h2 id="page-cards" class="section-title">{t('onThisPage')}</h2>
          {cards.page.length > 0 ? list(cards.page) : <p class="empty">{t('noCardsForPage')}</p>}
        </section>
      )}
      {cards.tool.length > 0 && (
        <section aria-labelledby="tool-cards" data-testid="tool-cards">
          <h2 id="tool-cards" class="section-title">{t('moreForTool', toolName)}</h2>
          {list(cards.tool)}
        </section>
      )}
    </>
  );
}
