import type { ToolDef, ToolExample } from '../types';

// A board's address is padlet.com/<owner>/<slug>; the owner's boards are listed on /dashboard.
export const tool: ToolDef = {
  id: 'padlet',
  name: 'Padlet',
  category: 'classroom',
  hosts: ['padlet.com'],
  contexts: [
    { id: 'dashboard', name: 'Dashboard', match: [{ path: '/dashboard/*' }] },
    { id: 'board', name: 'Board', match: [{ path: '/:id/:id' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://padlet.com/dashboard', context: 'dashboard' },
  { url: 'https://padlet.com/msjones/ecosystems-exit-ticket-3k9x2', context: 'board' },
  { url: 'https://padlet.com/', context: null },
];
