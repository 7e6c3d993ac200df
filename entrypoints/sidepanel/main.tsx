import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import { t } from '@/utils/i18n';
import '@/components/styles/base.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('panelTitle');
render(<Panel />, document.getElementById('app')!);
