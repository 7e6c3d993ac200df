import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'google-meet',
  name: 'Google Meet',
  category: 'workspace',
  hosts: ['meet.google.com'],
  // Nickname links of Workspace for Education: meet.google.com/lookup/<nickname>.
  routeWords: ['lookup'],
  contexts: [
    { id: 'home', name: 'Meet home', match: [{ path: '/' }, { path: '/landing' }] },
    { id: 'meeting', name: 'Meeting', match: [{ path: '/:id' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://meet.google.com/', context: 'home' },
  { url: 'https://meet.google.com/landing?authuser=1', context: 'home' },
  { url: 'https://meet.google.com/abc-defg-hij', context: 'meeting' },
  { url: 'https://meet.google.com/lookup/biology-period-3', context: null },
  { url: 'https://meet.google.com/abc-defg-hij?authuser=0&pli=1', context: 'meeting' },
  { url: 'https://meet.google.com/_meet/whoami', context: null },
];
