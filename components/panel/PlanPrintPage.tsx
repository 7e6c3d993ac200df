import { useSettings } from '../hooks/use-settings';
import { t } from '@/utils/platform/i18n';
import { summaryModel } from '@/utils/plan/summary';
import { PlanDocument } from './PlanDocument';
import { useGrowthPlan } from './use-growth-plan';

/**
 * The meeting summary on a page of its own, for the browser's Print (and its "Save as PDF"):
 * the same document as in the panel, full width, with nothing of the panel around it.
 */
export function PlanPrintPage() {
  const settings = useSettings()?.values;
  const payload = useGrowthPlan(settings);
  if (!payload) return <p class="status">{t('loading')}</p>;
  return (
    <div class="plan-print">
      <div class="plan-print__bar">
        <p class="hint">{t('planPrintHint')}</p>
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('planPrint')}
        </button>
      </div>
      <main>
        <PlanDocument model={summaryModel(payload)} headingLevel={1} />
      </main>
    </div>
  );
}
