import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'gimkit',
  name: 'Gimkit',
  category: 'classroom',
  hosts: ['www.gimkit.com'],
  contexts: [
    { id: 'kit', name: 'Kit', match: [{ path: '/view/:id/*' }] },
    { id: 'creative', name: 'Creative', match: [{ path: '/creative/*' }] },
    { id: 'join', name: 'Join', match: [{ path: '/join/*' }] },
    { id: 'dashboard', name: 'Dashboard', match: [{ path: '/dashboard/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://www.gimkit.com/view/64a1b2c3d4e5f6a7b8c9d0e1', context: 'kit' },
  { url: 'https://www.gimkit.com/creative', context: 'creative' },
  { url: 'https://www.gimkit.com/join', context: 'join' },
  { url: 'https://www.gimkit.com/dashboard', context: 'dashboard' },
  { url: 'https://www.gimkit.com/pricing', context: null },
];
