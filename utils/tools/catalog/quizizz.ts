import type { ToolDef, ToolExample } from '../types';

// Quizizz renamed itself Wayground; both domains serve the same app.
export const tool: ToolDef = {
  id: 'quizizz',
  name: 'Wayground (formerly Quizizz)',
  category: 'classroom',
  hosts: ['quizizz.com', 'wayground.com'],
  contexts: [
    { id: 'editor', name: 'Quiz editor', match: [{ path: '/admin/quiz/:id/edit/*' }] },
    { id: 'quiz', name: 'Quiz', match: [{ path: '/admin/quiz/:id/*' }] },
    { id: 'library', name: 'Library', match: [{ path: '/admin/*' }] },
    { id: 'join', name: 'Join', match: [{ path: '/join/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://quizizz.com/admin', context: 'library' },
  { url: 'https://wayground.com/admin', context: 'library' },
  { url: 'https://quizizz.com/admin/quiz/5c6c7be026ea6600203d38ec/set-subsets-and-venn-diagrams', context: 'quiz' },
  { url: 'https://quizizz.com/admin/quiz/636186fc7c0111001dd1c409/adjectives?fromSearch=true&source=', context: 'quiz' },
  { url: 'https://quizizz.com/admin/quiz/636186fc7c0111001dd1c409/edit', context: 'editor' },
  { url: 'https://quizizz.com/join?gc=940315', context: 'join' },
  { url: 'https://wayground.com/join?gc=60715962', context: 'join' },
  { url: 'https://wayground.com/home/careers?lng=en', context: null },
];
