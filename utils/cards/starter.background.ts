import { browser } from 'wxt/browser';
import { ensureStarterPack, STARTER_PACK_PATH } from './store';

/** Loads the bundled starter pack on install, on update, and (if missing) on startup. */
export function setupStarterPack(): void {
  const load = () =>
    ensureStarterPack(async () => {
      const response = await fetch(browser.runtime.getURL(STARTER_PACK_PATH as '/packs/starter.json'));
      return response.text();
    }).catch((error: unknown) => console.error('Coachmark: could not load the starter pack', error));
  browser.runtime.onInstalled.addListener(() => void load());
  browser.runtime.onStartup.addListener(() => void load());
}
