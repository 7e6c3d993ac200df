import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'google-drive',
  name: 'Google Drive',
  category: 'workspace',
  hosts: ['drive.google.com'],
  accountPrefix: true,
  // Drive's own views and file links: /drive/my-drive, /drive/folders/<id>, /file/d/<id>/view.
  routeWords: ['my-drive', 'shared-with-me', 'folders', 'file', 'd', 'view'],
  contexts: [{ id: 'home', name: 'Drive', match: [{ path: '/drive/*' }] }],
};

export const examples: ToolExample[] = [
  { url: 'https://drive.google.com/drive/my-drive', context: 'home' },
  { url: 'https://drive.google.com/drive/u/1/folders/1AbCdEfGhIjKlMnOp', context: 'home' },
  { url: 'https://drive.google.com/drive/shared-with-me', context: 'home' },
  { url: 'https://drive.google.com/file/d/1uRiW5WBP-qkOqL_hax-TbGuz4A35egpZ/view', context: null },
];
