/**
 * The content script's `browser`: the platform's own promise-based API (Firefox's `browser`,
 * Chrome MV3's `chrome`) instead of webextension-polyfill, which alone would double the
 * content script's size. wxt.config.ts aliases `wxt/browser` to this file for content scripts
 * only; the background and extension pages keep the polyfill.
 */
type Browser = typeof import('webextension-polyfill');
const platform = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (platform.browser ?? platform.chrome)!;
export default browser;
