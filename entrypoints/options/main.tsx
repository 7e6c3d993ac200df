import { render } from 'preact';
import { Studio } from '@/components/studio/Studio';
import { DatabaseGate } from '@/components/shared/DatabaseGate';
import { t } from '@/utils/platform/i18n';
import '@/components/styles/index.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('studioTitle');
render(
  <DatabaseGate>
    <Studio />
  </DatabaseGate>,
  document.getElementById('app')!,
);
