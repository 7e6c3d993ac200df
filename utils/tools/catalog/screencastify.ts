import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'screencastify',
  name: 'Screencastify',
  category: 'classroom',
  hosts: ['app.screencastify.com'],
  contexts: [],
};

export const examples: ToolExample[] = [
  { url: 'https://app.screencastify.com/', context: null },
  { url: 'https://app.screencastify.com/v3/watch/AbC123dEf456', context: null },
];
