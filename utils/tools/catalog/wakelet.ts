import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'wakelet',
  name: 'Wakelet',
  category: 'classroom',
  hosts: ['wakelet.com'],
  contexts: [{ id: 'collection', name: 'Collection', match: [{ path: '/wake/:id' }] }],
};

export const examples: ToolExample[] = [
  { url: 'https://wakelet.com/wake/AbCdEfGhIjKlMnOpQrStU', context: 'collection' },
  { url: 'https://wakelet.com/', context: null },
];
