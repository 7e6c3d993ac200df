import { render } from 'preact';
import { PlanPrintPage } from '@/components/panel/PlanPrintPage';
import { DatabaseGate } from '@/components/shared/DatabaseGate';
import { t } from '@/utils/platform/i18n';
import '@/components/styles/index.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('planPrintTitle');
render(
  <DatabaseGate>
    <PlanPrintPage />
  </DatabaseGate>,
  document.getElementById('app')!,
);
