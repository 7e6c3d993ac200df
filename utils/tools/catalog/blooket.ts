import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'blooket',
  name: 'Blooket',
  category: 'classroom',
  hosts: ['dashboard.blooket.com', 'play.blooket.com'],
  contexts: [
    { id: 'join', name: 'Join', match: [{ host: 'play.blooket.com' }] },
    { id: 'my-sets', name: 'My sets', match: [{ path: '/my-sets' }] },
    { id: 'set', name: 'Set', match: [{ path: '/set/:id' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://dashboard.blooket.com/my-sets', context: 'my-sets' },
  { url: 'https://dashboard.blooket.com/set/64a1b2c3d4e5f6a7b8c9d0e1', context: 'set' },
  { url: 'https://play.blooket.com/play', context: 'join' },
  { url: 'https://play.blooket.com/', context: 'join' },
  { url: 'https://dashboard.blooket.com/discover', context: null },
];
