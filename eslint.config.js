import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Boundaries that keep the architecture honest: the content script stays small and never
// touches UI, the database or the network; utils/ stays framework-free.
const contentScriptForbidden = {
  patterns: [
    { group: ['preact', 'preact/*', '@preact/*'], message: 'The content script must not import UI code.' },
    { group: ['dexie', '**/db', '@/utils/db'], message: 'The content script must not open the database (it would belong to the page).' },
    { group: ['**/components/**', '@/components/**'], message: 'The content script must not import UI components.' },
    { group: ['**/background/**', '@/utils/background/**', '**/outbox', '@/utils/outbox'], message: 'The content script must not import background code.' },
    { group: ['marked', 'dompurify', 'fuse.js'], message: 'Keep heavy libraries out of the content script.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'localStorage', message: 'Use browser.storage or the Dexie database.' }],
    },
  },
  {
    files: ['utils/**'],
    ignores: ['utils/background/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['preact', 'preact/*', '**/components/**', '@/components/**'], message: 'utils/ is framework-free logic.' }] }],
    },
  },
  {
    files: ['entrypoints/content.ts', 'entrypoints/highlighter.ts', 'utils/content/**', 'utils/show-me/**', 'utils/tools/**', 'utils/messages.ts'],
    rules: {
      'no-restricted-imports': ['error', contentScriptForbidden],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only the background talks to the network.' }, { name: 'XMLHttpRequest', message: 'Only the background talks to the network.' }],
    },
  },
  {
    files: ['entrypoints/sidepanel/**', 'entrypoints/options/**', 'components/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only the background talks to the network: send a message instead.' }],
    },
  },
);
