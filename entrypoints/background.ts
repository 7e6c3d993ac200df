import { setupGapUpdates } from '@/utils/background/gap-updates';
import { setupMentorDirectorySync } from '@/utils/background/mentor-directory';
import { setupPackSync } from '@/utils/background/pack-sync';
import { setupOutbox } from '@/utils/background/outbox';
import { setupCustomDomains } from '@/utils/background/custom-domains';
import { setupShowMe } from '@/utils/background/show-me';
import { setupSidePanel } from '@/utils/background/side-panel';
import { setupStarterPack } from '@/utils/background/starter';
import { setupTabTracking } from '@/utils/background/tab-tracking';

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
  },
});
