import type { ToolDef, ToolExample } from '../types';

// The viewer moved from web.kamihq.com to web.kami.app; kami.app/<code> are share links.
export const tool: ToolDef = {
  id: 'kami',
  name: 'Kami',
  category: 'classroom',
  hosts: ['web.kamihq.com', 'web.kami.app', 'kami.app'],
  contexts: [
    { id: 'viewer', name: 'Document viewer', match: [{ path: '/web/viewer.html' }] },
    { id: 'share-link', name: 'Share link', match: [{ host: 'kami.app', path: '/:id' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://web.kamihq.com/web/viewer.html?state=%7B%22ids%22%3A%5B%221abc%22%5D%7D', context: 'viewer' },
  { url: 'https://web.kami.app/web/viewer.html?document_identifier=abc123', context: 'viewer' },
  { url: 'https://kami.app/AbC-dEf-123', context: 'share-link' },
  { url: 'https://web.kami.app/dashboard', context: null },
];
