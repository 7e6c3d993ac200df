import { render } from 'preact';
import { Studio } from '@/components/studio/Studio';
import { t } from '@/utils/platform/i18n';
import '@/components/styles/index.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('studioTitle');
render(<Studio />, document.getElementById('app')!);
