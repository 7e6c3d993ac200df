import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'edpuzzle',
  name: 'Edpuzzle',
  category: 'classroom',
  hosts: ['edpuzzle.com'],
  // An assignment's tabs (/assignments/<id>/watch, /students) and the public library.
  routeWords: ['students', 'watch', 'discover'],
  contexts: [
    { id: 'class', name: 'Class', match: [{ path: '/classes/:id/*' }] },
    { id: 'media', name: 'Video', match: [{ path: '/media/:id/*' }] },
    { id: 'assignment', name: 'Assignment', match: [{ path: '/assignments/:id/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://edpuzzle.com/classes/5f1a2b3c4d5e6f7a8b9c0d1e', context: 'class' },
  { url: 'https://edpuzzle.com/classes/5f1a2b3c4d5e6f7a8b9c0d1e/assignments', context: 'class' },
  { url: 'https://edpuzzle.com/media/60a1b2c3d4e5f6a7b8c9d0e1', context: 'media' },
  { url: 'https://edpuzzle.com/assignments/60a1b2c3d4e5f6a7b8c9d0e2/watch', context: 'assignment' },
  { url: 'https://edpuzzle.com/assignments/60a1b2c3d4e5f6a7b8c9d0e2/students', context: 'assignment' },
  { url: 'https://edpuzzle.com/', context: null },
  { url: 'https://edpuzzle.com/discover', context: null },
];
