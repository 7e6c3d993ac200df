import { detect } from '@/utils/tools/detect';
import { TOOLS } from '@/utils/tools/catalog';
import { contentMatchPatterns } from '@/utils/tools/match-patterns';
import { sendMessage } from '@/utils/messages';

// Small on purpose: detect, report, nothing else. No UI, no database, no network.
export default defineContentScript({
  matches: contentMatchPatterns(TOOLS),
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    const report = (url: string) => {
      if (url === lastUrl || !ctx.isValid) return;
      lastUrl = url;
      sendMessage('contentReportsPage', { url, detection: detect(url, document) }).catch(() => {
        // The background may be restarting; the next navigation reports again.
      });
    };
    report(location.href);
    // Classroom, Canvas and Seesaw change the URL without reloading the page.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
    ctx.addEventListener(window, 'hashchange', () => report(location.href));
  },
});
