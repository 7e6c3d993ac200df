import type { ToolDef, ToolExample } from '../types';

// Docs, Slides, Forms and Sheets share docs.google.com; each owns its first path segment.
// Published copies (/d/e/<id>/pub) are deliberately no context.
export const tool: ToolDef = {
  id: 'google-docs',
  name: 'Google Docs',
  category: 'workspace',
  hosts: ['docs.google.com/document'],
  accountPrefix: true,
  // Published copies: /document/d/e/<id>/pub.
  routeWords: ['e', 'pub'],
  contexts: [
    { id: 'editor', name: 'Document', match: [{ path: '/document/d/:id' }, { path: '/document/d/:id/edit/*' }] },
    { id: 'home', name: 'Docs home', match: [{ path: '/document' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://docs.google.com/document/', context: 'home' },
  { url: 'https://docs.google.com/document/u/0/', context: 'home' },
  { url: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit', context: 'editor' },
  { url: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit?tab=t.0#heading=h.abc', context: 'editor' },
  { url: 'https://docs.google.com/document/u/1/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit', context: 'editor' },
  { url: 'https://docs.google.com/document/d/e/2PACX-1vQabc/pub', context: null },
];
