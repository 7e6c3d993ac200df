import { t } from '@/utils/i18n';

/** The coach studio: packs, cards, gaps, mentors and settings. */
export function Studio() {
  return (
    <main class="studio">
      <h1>{t('studioTitle')}</h1>
    </main>
  );
}
