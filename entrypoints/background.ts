import { setupSidePanel } from '@/utils/background/side-panel';
import { setupStarterPack } from '@/utils/background/starter';
import { setupTabTracking } from '@/utils/background/tab-tracking';

export default defineBackground({
  main() {
    setupStarterPack();
    setupSidePanel();
    setupTabTracking();
  },
});
