import { browserFinder } from './find-browser';

const chromium = browserFinder({
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  hint: 'set CHROMIUM_PATH',
  tag: 'e2e',
});

/** The browser to drive: CHROMIUM_PATH if set, else Debian's Chromium. */
export const findChromium = chromium.find;
/** Whether to run the browser suites: skipped without Chromium on a developer's machine, run (and failing) on CI. */
export const shouldRunBrowserTests = chromium.shouldRun;
export const missingBrowserReason = chromium.missingReason;
