import { defineContentScript } from 'wxt/utils/define-content-script';
import { signatureTool } from '@/utils/tools/signature';
import { sendMessage } from '@/utils/platform/messages';

// Small on purpose: detect, report, nothing else. No UI, no database, no network.
export default defineContentScript({
  // Replaced at build time by every catalogue host (wxt.config.ts, contentMatchPatterns), so
  // the catalogue itself stays out of this bundle. Self-hosted domains are registered at runtime.
  matches: ['https://*.instructure.com/*'],
  runAt: 'document_idle',
  // `ctx` is Coachmark's own (utils/platform/content-script-context.ts): the page cannot see
  // this script start, nor stop it, and it ends only when the extension goes away.
  main(ctx) {
    let lastUrl = '';
    const report = (url: string) => {
      if (url === lastUrl || !ctx.isValid) return;
      lastUrl = url;
      sendMessage('contentReportsPage', { url, signature: signatureTool(document) }).catch(() => {
        // Not delivered. If the background was restarting, the next navigation reports, even back
        // to this URL; if the extension was reloaded or removed, asking ends this script.
        if (ctx.isValid) lastUrl = '';
      });
    };
    report(location.href);
    // Classroom, Canvas and Seesaw change the URL without reloading the page.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
  },
});
