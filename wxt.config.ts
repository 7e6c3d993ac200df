import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { TOOLS } from './utils/tools/catalog';
import { contentMatchPatterns } from './utils/tools/match-patterns';
import { DATA_COLLECTION_PERMISSIONS } from './utils/platform/data-consent';

// Drawn by `npm run icons` from public/icon.svg. WXT lists public/icon/<size>.png as the manifest's
// `icons` by itself, but not as the toolbar's or Firefox sidebar's icon, which then fall back to a letter.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Manifest facts that are not tied to one entrypoint. Entry-specific facts (content script
// matches, side panel) live next to their code.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out, so a file's path says where its code comes from.
  imports: false,
  // The e2e suite builds into its own folder so a running `npm run dev` is not disturbed.
  // COACHMARK_OUT_DIR moves it, so two builds of different trees never share one folder.
  outDir: process.env.COACHMARK_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  // The Firefox sources zip is for the add-on reviewer who rebuilds the package: the build's inputs
  // and the documents, without the test suite and the pictures (docs/store/README.md).
  zip: { excludeSources: ['tests/**', 'docs/**/*.png'] },
  hooks: {
    // Every catalogue host, computed from the catalogue so the two never drift (content.ts).
    // The same hosts are host permissions, so the background sees the tab's URL on in-page
    // navigation and can inject "show me" there; no other site is readable without a grant.
    'build:manifestGenerated'(wxt, manifest) {
      const patterns = contentMatchPatterns(TOOLS);
      const content = manifest.content_scripts?.find((script) => script.js?.includes('content-scripts/content.js'));
      if (content) content.matches = patterns;
      if (wxt.config.manifestVersion === 3) manifest.host_permissions = patterns;
      else manifest.permissions = [...(manifest.permissions ?? []), ...patterns];
      // Firefox's sidebar title comes from the manifest: localise it like the extension name.
      if (manifest.sidebar_action) {
        manifest.sidebar_action.default_title = '__MSG_extName__';
        manifest.sidebar_action.default_icon = ICONS;
      }
    },
    // Content scripts use the platform's promise API directly (see utils/platform/content-browser.ts),
    // and a context that tells the page nothing (utils/platform/content-script-context.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const shims = [
        { find: /^wxt\/browser$/, replacement: resolve('utils/platform/content-browser.ts') },
        { find: /^wxt\/utils\/content-script-context$/, replacement: resolve('utils/platform/content-script-context.ts') },
      ];
      const existing = config.resolve?.alias ?? [];
      const rest = Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [...shims, ...rest] };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No activeTab: every page Coachmark works on is a catalogue host (a host permission, above) or
    // a school domain granted in the studio, so it never needs a one-off grant.
    permissions: ['storage', 'alarms', 'scripting'],
    optional_host_permissions: manifestVersion === 3 ? ['https://*/*', 'http://*/*'] : undefined,
    optional_permissions: manifestVersion === 2 ? ['https://*/*', 'http://*/*'] : undefined,
    action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    storage: { managed_schema: 'managed-schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'coachmark@coachmark.app',
              // data_collection_permissions needs Firefox 140 (the current ESR) and 142 on Android.
              strict_min_version: '140.0',
              // Nothing is needed to use Coachmark; what Send transmits is asked for at the first Send.
              data_collection_permissions: DATA_COLLECTION_PERMISSIONS,
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
