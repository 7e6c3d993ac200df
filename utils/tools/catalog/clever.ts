import type { ToolDef, ToolExample } from '../types';

// Only the sign-in and portal paths; the rest of clever.com is marketing.
export const tool: ToolDef = {
  id: 'clever',
  name: 'Clever',
  category: 'portal',
  hosts: ['clever.com/in', 'clever.com/oauth'],
  contexts: [{ id: 'portal', name: 'Clever portal', match: [{ path: '/in/*' }, { path: '/oauth/*' }] }],
};

export const examples: ToolExample[] = [
  { url: 'https://clever.com/in/dallasisd', context: 'portal' },
  { url: 'https://clever.com/in/district?source=schoolpilot', context: 'portal' },
  { url: 'https://clever.com/oauth/authorize?response_type=code&client_id=abc', context: 'portal' },
];
