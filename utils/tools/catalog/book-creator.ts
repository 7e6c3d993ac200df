import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'book-creator',
  name: 'Book Creator',
  category: 'classroom',
  hosts: ['app.bookcreator.com'],
  contexts: [
    { id: 'sign-in', name: 'Sign in', match: [{ path: '/sign-in/*' }] },
    { id: 'editor', name: 'Book editor', match: [{ path: '/books/:id/*' }] },
    { id: 'library', name: 'Library', match: [{ path: '/library/*' }, { path: '/read/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://app.bookcreator.com/sign-in', context: 'sign-in' },
  { url: 'https://app.bookcreator.com/sign-in/teacher', context: 'sign-in' },
  { url: 'https://app.bookcreator.com/books/-MhF1a2b3c4d5e6f7g8h/-Lb9a8b7c6d5e4f3g2h1', context: 'editor' },
  { url: 'https://app.bookcreator.com/library/-ODbVVRFt1qwc8vjZI2_', context: 'library' },
  { url: 'https://app.bookcreator.com/read/library/-ODbVVRFt1qwc8vjZI2_/VBDaDwoLP7bd4s7WpgalRoIC3jt2', context: 'library' },
  { url: 'https://app.bookcreator.com/', context: null },
];
