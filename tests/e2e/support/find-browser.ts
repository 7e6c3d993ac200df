import { existsSync } from 'node:fs';

export interface BrowserFinder {
  /** The binary to drive: the environment variable's path if set, else the first candidate installed. */
  find(): string | null;
  /**
   * Whether to run the suite. Without the browser it is skipped on a developer's machine but runs
   * (and fails at launch) on CI, so that a CI image without the browser cannot pass by testing nothing.
   */
  shouldRun(): boolean;
  missingReason(): string;
}

/** Finds one browser for an end-to-end suite (Debian's Chromium, Debian's Firefox ESR). */
export function browserFinder(browser: {
  name: string;
  envVar: string;
  candidates: readonly string[];
  hint: string;
  tag: string;
}): BrowserFinder {
  const missingReason = () => {
    const fromEnv = process.env[browser.envVar];
    return fromEnv
      ? `${browser.envVar}=${fromEnv} does not exist`
      : `no ${browser.name} found at ${browser.candidates.join(' or ')} (${browser.hint})`;
  };
  const find = () => {
    const fromEnv = process.env[browser.envVar];
    if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
    return browser.candidates.find((path) => existsSync(path)) ?? null;
  };
  return {
    find,
    missingReason,
    shouldRun: () => {
      if (find()) return true;
      if (process.env.CI) return true;
      console.warn(`[${browser.tag}] skipped: ${missingReason()}`);
      return false;
    },
  };
}
