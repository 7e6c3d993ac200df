import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installShowMeAgent } from '@/utils/show-me/agent';

/**
 * "Show me" and the coach's element picker, injected by the background into a tab's frames
 * only when asked (scripting.executeScript, files: ['/highlighter.js']), so that the content
 * script every page loads stays small. Injecting it again is harmless.
 */
export default defineUnlistedScript(() => {
  installShowMeAgent(window);
});
