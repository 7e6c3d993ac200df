import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'google-slides',
  name: 'Google Slides',
  category: 'workspace',
  hosts: ['docs.google.com/presentation'],
  accountPrefix: true,
  // Published copies: /presentation/d/e/<id>/pub.
  routeWords: ['e', 'pub'],
  contexts: [
    {
      id: 'presenting',
      name: 'Presenting',
      match: [{ path: '/presentation/d/:id/present/*' }, { path: '/presentation/d/:id/presenter/*' }],
    },
    { id: 'editor', name: 'Presentation', match: [{ path: '/presentation/d/:id' }, { path: '/presentation/d/:id/edit/*' }] },
    { id: 'home', name: 'Slides home', match: [{ path: '/presentation' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://docs.google.com/presentation/u/0/', context: 'home' },
  { url: 'https://docs.google.com/presentation/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit#slide=id.p', context: 'editor' },
  { url: 'https://docs.google.com/presentation/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/present?slide=id.p', context: 'presenting' },
  { url: 'https://docs.google.com/presentation/u/2/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit', context: 'editor' },
  { url: 'https://docs.google.com/presentation/d/e/2PACX-1vQabc/pub?start=false', context: null },
];
