import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import { primePanelTab } from '@/components/panel/use-tab';
import { db } from '@/utils/db';
import { t } from '@/utils/i18n';
import '@/components/styles/base.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('panelTitle');
// Open the database and read the tab's state while the page starts, so the first render has the
// page's detection and the card query doesn't wait for the database to open.
db.open().catch((error: unknown) => console.error('Coachmark: could not open the database', error));
void primePanelTab().then(() => render(<Panel />, document.getElementById('app')!));
