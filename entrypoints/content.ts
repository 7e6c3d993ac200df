import { defineContentScript } from 'wxt/utils/define-content-script';
import { signatureTool } from '@/utils/tools/signature';
import { sendMessage } from '@/utils/platform/messages';

// Small on purpose: detect, report, nothing else. No UI, no database, no network.
export default defineContentScript({
  // Replaced at build time by every catalogue host (wxt.config.ts, contentMatchPatterns), so
  // the catalogue itself stays out of this bundle. Self-hosted domains are registered at runtime.
  matches: ['https://*.instructure.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    const report = (url: string) => {
      if (url === lastUrl || !ctx.isValid) return;
      lastUrl = url;
      sendMessage('contentReportsPage', { url, signature: signatureTool(document) }).catch(() => {
        // The background may be restarting; the next navigation reports again.
      });
    };
    report(location.href);
    // Classroom, Canvas and Seesaw change the URL without reloading the page.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
    ctx.addEventListener(window, 'hashchange', () => report(location.href));
  },
});
