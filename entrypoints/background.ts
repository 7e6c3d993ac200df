import { defineBackground } from 'wxt/utils/define-background';
import { setupGapUpdates } from '@/utils/gaps/updates.background';
import { setupHub } from '@/utils/hub/hub.background';
import { setupMentorDirectorySync } from '@/utils/mentors/directory-sync.background';
import { setupPackSync } from '@/utils/cards/pack-sync.background';
import { setupOutbox } from '@/utils/outbox/runner.background';
import { setupCustomDomains } from '@/utils/settings/school-domains.background';
import { setupShowMe } from '@/utils/show-me/show-me.background';
import { setupSidePanel } from '@/utils/tabs/side-panel.background';
import { setupStarterPack } from '@/utils/cards/starter.background';
import { setupTabTracking } from '@/utils/tabs/tab-tracking.background';

export default defineBackground({
  main() {
    setupStarterPack();
    setupPackSync();
    setupMentorDirectorySync();
    setupSidePanel();
    setupTabTracking();
    setupCustomDomains();
    setupOutbox();
    setupShowMe();
    setupGapUpdates();
    setupHub();
  },
});
