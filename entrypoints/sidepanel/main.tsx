import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import { primePanelTab } from '@/components/panel/use-tab';
import { DatabaseGate } from '@/components/shared/DatabaseGate';
import { t } from '@/utils/platform/i18n';
import { PLAN_PRINT_QUERY } from '@/components/panel/plan-print-query';
import '@/components/styles/index.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
const app = document.getElementById('app')!;
if (location.search.slice(1).split('&').includes(PLAN_PRINT_QUERY)) {
  // "Print or save as PDF" from the plan: the summary alone, loaded only here.
  document.title = t('planPrintTitle');
  void import('@/components/panel/PlanPrintPage').then(({ PlanPrintPage }) =>
    render(
      <DatabaseGate>
        <PlanPrintPage />
      </DatabaseGate>,
      app,
    ),
  );
} else {
  document.title = t('panelTitle');
  // Read the tab's state before the first render, so it already knows the page (PageCards starts
  // opening the database meanwhile, as its module loads).
  void primePanelTab().then(() => {
    mark('coachmark:tab-read');
    render(
      <DatabaseGate>
        <Panel />
      </DatabaseGate>,
      app,
    );
  });
}

/** A diagnostic for the benchmark's breakdown of the first screen. */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Diagnostics only.
  }
}
