import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'youtube',
  name: 'YouTube',
  category: 'classroom',
  hosts: ['www.youtube.com', 'studio.youtube.com'],
  contexts: [
    { id: 'studio', name: 'YouTube Studio', match: [{ host: 'studio.youtube.com' }] },
    { id: 'video', name: 'Video', match: [{ path: '/watch' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', context: 'video' },
  { url: 'https://www.youtube.com/watch?v=gyH3lJfxC9U&t=42s', context: 'video' },
  { url: 'https://studio.youtube.com/channel/UC1234567890abcdefghij/videos/upload', context: 'studio' },
  { url: 'https://www.youtube.com/', context: null },
];
