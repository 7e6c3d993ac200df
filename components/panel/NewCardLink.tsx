import { browser } from 'wxt/browser';
import { t } from '@/utils/platform/i18n';
import { useSettings } from '../hooks/use-settings';
import type { Detection } from '@/utils/tools/types';

/** The studio's card editor, pre-filled with a page: `options.html#cards?tool=…&context=…`. */
export function newCardUrl(optionsUrl: string, detection: Detection): string {
  const params = new URLSearchParams({ tool: detection.tool });
  if (detection.context) params.set('context', detection.context);
  return `${optionsUrl}#cards?${params.toString()}`;
}

/**
 * "New card for this page", for coaches only (settings.coachMode): opens the studio's editor
 * with the tool and page the panel shows. Renders nothing for teachers or on unknown pages.
 */
export function NewCardLink({ detection }: { detection: Detection | null }) {
  const coachMode = useSettings()?.values.coachMode ?? false;
  if (!coachMode || !detection) return null;
  const open = () => void browser.tabs.create({ url: newCardUrl(browser.runtime.getURL('/options.html'), detection) });
  return (
    <button type="button" class="new-card-link" onClick={open}>
      {t('newCardForPage')}
    </button>
  );
}
