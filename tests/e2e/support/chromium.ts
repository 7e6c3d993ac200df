import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The browser to drive: CHROMIUM_PATH if set, else Debian's Chromium. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Whether to run the browser suites. Without a browser they are skipped on a developer's
 * machine but run (and fail in launchExtension) on CI, so that a CI image without Chromium
 * cannot pass by testing nothing.
 */
export function shouldRunBrowserTests(): boolean {
  if (findChromium()) return true;
  if (process.env.CI) return true;
  console.warn(`[e2e] skipped: ${missingBrowserReason()}`);
  return false;
}

export function missingBrowserReason(): string {
  return process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : `no Chromium found at ${CHROMIUM_CANDIDATES.join(' or ')} (set CHROMIUM_PATH)`;
}
