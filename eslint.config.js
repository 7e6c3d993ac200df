import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Boundaries that keep the architecture honest. Where code runs is in its name: a module that
// only the background may load ends in `.background.ts`; it alone may use the network. The
// content script and the injected highlighter stay small and never touch UI, the database or
// the network; utils/ stays framework-free.

const BACKGROUND_ONLY = {
  group: ['**/*.background', '**/*.background.ts'],
  message: 'Background-only module: extension pages, components and shared logic must not import it (send a message instead).',
};

const FRAMEWORK_FREE = { group: ['preact', 'preact/*', '**/components/**', '@/components/**'], message: 'utils/ is framework-free logic.' };

const NETWORK_GLOBALS = [
  { name: 'fetch', message: 'Only the background talks to the network: put this in a *.background.ts module.' },
  { name: 'XMLHttpRequest', message: 'Only the background talks to the network: put this in a *.background.ts module.' },
  { name: 'WebSocket', message: 'Only the background talks to the network: put this in a *.background.ts module.' },
  { name: 'EventSource', message: 'Only the background talks to the network: put this in a *.background.ts module.' },
];
const NETWORK_PROPERTIES = ['globalThis', 'window', 'self'].flatMap((object) => [
  { object, property: 'fetch', message: 'Only the background talks to the network: put this in a *.background.ts module.' },
]);
const NO_LOCAL_STORAGE = { name: 'localStorage', message: 'Use the storage layer (utils/platform/storage.ts) or the Dexie database.' };

const contentScriptForbidden = {
  patterns: [
    { group: ['preact', 'preact/*', '@preact/*'], message: 'The content script must not import UI code.' },
    {
      group: ['dexie', '**/platform/db', '**/platform/db.ts'],
      message: 'The content script must not open the database (it would belong to the page).',
    },
    { group: ['**/components/**', '@/components/**'], message: 'The content script must not import UI components.' },
    BACKGROUND_ONLY,
    { group: ['marked', 'dompurify', 'fuse.js', 'zod', 'papaparse'], message: 'Keep heavy libraries out of the content script.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'public/**', 'coverage/**', '.hub/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', NO_LOCAL_STORAGE],
    },
  },
  // Extension code that is not background-only: no network, no background-only imports.
  {
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    ignores: ['entrypoints/background.ts', 'utils/**/*.background.ts'],
    rules: {
      'no-restricted-globals': ['error', NO_LOCAL_STORAGE, ...NETWORK_GLOBALS],
      'no-restricted-properties': ['error', ...NETWORK_PROPERTIES],
      'no-restricted-imports': ['error', { patterns: [BACKGROUND_ONLY] }],
    },
  },
  // utils/ is framework-free logic.
  {
    files: ['utils/**'],
    ignores: ['utils/**/*.background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [BACKGROUND_ONLY, FRAMEWORK_FREE],
        },
      ],
    },
  },
  {
    files: ['utils/**/*.background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [FRAMEWORK_FREE],
        },
      ],
    },
  },
  // The Hub is a Node server: it shares the extension's pure logic (payloads, validation), never
  // its browser runtime (database, storage, messaging, UI). The extension never loads the Hub
  // (tests/conventions/hub-boundary.test.ts).
  {
    files: ['hub/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            BACKGROUND_ONLY,
            {
              group: [
                'preact',
                'preact/*',
                'dexie',
                'wxt',
                'wxt/*',
                '#imports',
                'webextension-polyfill',
                '@webext-core/*',
                '**/components/**',
              ],
              message: 'The Hub runs in Node: share pure logic from utils/, not the extension runtime.',
            },
            {
              group: ['**/platform/db', '**/platform/storage', '**/platform/messages', '**/platform/i18n'],
              message: 'The Hub runs in Node: share pure logic from utils/, not the extension runtime.',
            },
          ],
        },
      ],
    },
  },
  // The search worker and all it loads: a worker has no extension APIs, and the polyfill throws
  // when it loads there (the panel would quietly search in its own thread instead).
  {
    files: ['utils/search/**', 'utils/cards/replacements.ts', 'utils/cards/language.ts', 'utils/tools/localized-names.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            BACKGROUND_ONLY,
            FRAMEWORK_FREE,
            {
              group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@webext-core/*', '**/platform/i18n', '**/tools/names'],
              message: 'The search worker has no extension APIs: pass the language in (see utils/search/client.ts).',
            },
          ],
        },
      ],
    },
  },
  // The content script and the injected highlighter, and everything they load.
  {
    files: [
      'entrypoints/content.ts',
      'entrypoints/highlighter.ts',
      'utils/platform/content-browser.ts',
      'utils/platform/content-script-context.ts',
      'utils/platform/messages.ts',
      'utils/show-me/**',
      'utils/tools/**',
    ],
    ignores: ['utils/**/*.background.ts'],
    rules: {
      'no-restricted-imports': ['error', contentScriptForbidden],
    },
  },
);
