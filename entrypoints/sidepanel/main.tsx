import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import { primePanelTab } from '@/components/panel/use-tab';
import { DatabaseGate } from '@/components/shared/DatabaseGate';
import { t } from '@/utils/platform/i18n';
import '@/components/styles/index.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('panelTitle');
// Read the tab's state before the first render, so it already knows the page (PageCards starts
// opening the database meanwhile, as its module loads).
void primePanelTab().then(() => {
  mark('coachmark:tab-read');
  render(
    <DatabaseGate>
      <Panel />
    </DatabaseGate>,
    document.getElementById('app')!,
  );
});

/** A diagnostic for the benchmark's breakdown of the first screen. */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Diagnostics only.
  }
}
