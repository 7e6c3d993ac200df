import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { PacksTab } from './PacksTab';
import { CardsTab } from './CardsTab';
import { LibraryTab } from './LibraryTab';
import { GapsTab } from './GapsTab';
import { PlansTab } from './PlansTab';
import { MentorsTab } from './MentorsTab';
import { SettingsTab } from './SettingsTab';
import { DomainsTab } from './DomainsTab';
import { PrivacyTab } from './PrivacyTab';

export const STUDIO_TABS = ['packs', 'cards', 'library', 'gaps', 'plans', 'mentors', 'settings', 'domains', 'privacy'] as const;
export type StudioTab = (typeof STUDIO_TABS)[number];

const TAB_LABELS: Record<StudioTab, MessageKey> = {
  packs: 'studioTabPacks',
  cards: 'studioTabCards',
  library: 'studioTabLibrary',
  gaps: 'studioTabGaps',
  plans: 'studioTabPlans',
  mentors: 'studioTabMentors',
  settings: 'studioTabSettings',
  domains: 'studioTabDomains',
  privacy: 'studioTabPrivacy',
};

/**
 * The tab in the URL hash (#cards?tool=canvas&context=speedgrader, #cards?edit=<card key>,
 * #library?card=<card key>), so links can open a tab pre-filled.
 */
export function parseStudioHash(hash: string): { tab: StudioTab; params: URLSearchParams } {
  const [name = '', query = ''] = hash.replace(/^#/, '').split('?');
  const tab = (STUDIO_TABS as readonly string[]).includes(name) ? (name as StudioTab) : 'packs';
  return { tab, params: new URLSearchParams(query) };
}

/** The coach studio: packs, cards, the library of every card, gaps, shared plans, mentors, settings, self-hosted domains, privacy. */
export function Studio() {
  const [route, setRoute] = useState(() => parseStudioHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseStudioHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (tab: StudioTab) => {
    location.hash = tab;
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = STUDIO_TABS[(index + step + STUDIO_TABS.length) % STUDIO_TABS.length]!;
    select(next);
    document.getElementById(`studio-tab-${next}`)?.focus();
  };
  return (
    <div class="studio">
      <header class="studio__header">
        <h1>{t('studioTitle')}</h1>
        <nav>
          <div role="tablist" aria-label={t('studioTitle')} class="studio__tabs">
            {STUDIO_TABS.map((tab, index) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`studio-tab-${tab}`}
                aria-selected={route.tab === tab}
                aria-controls="studio-panel"
                tabIndex={route.tab === tab ? 0 : -1}
                onClick={() => select(tab)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {t(TAB_LABELS[tab])}
              </button>
            ))}
          </div>
        </nav>
      </header>
      <main class="studio__main">
        <div id="studio-panel" role="tabpanel" aria-labelledby={`studio-tab-${route.tab}`} class="studio__panel">
          {route.tab === 'packs' && <PacksTab />}
          {route.tab === 'cards' && <CardsTab params={route.params} />}
          {route.tab === 'library' && <LibraryTab params={route.params} />}
          {route.tab === 'gaps' && <GapsTab />}
          {route.tab === 'plans' && <PlansTab />}
          {route.tab === 'mentors' && <MentorsTab />}
          {route.tab === 'settings' && <SettingsTab />}
          {route.tab === 'domains' && <DomainsTab />}
          {route.tab === 'privacy' && <PrivacyTab />}
        </div>
      </main>
    </div>
  );
}
