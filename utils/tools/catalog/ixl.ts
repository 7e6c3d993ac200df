import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'ixl',
  name: 'IXL',
  category: 'classroom',
  hosts: ['www.ixl.com'],
  contexts: [
    { id: 'analytics', name: 'Analytics', match: [{ path: '/analytics/*' }] },
    {
      id: 'skill',
      name: 'Skill',
      match: [{ path: '/math/*' }, { path: '/ela/*' }, { path: '/science/*' }, { path: '/social-studies/*' }, { path: '/spanish/*' }],
    },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://www.ixl.com/analytics/students-quickview', context: 'analytics' },
  { url: 'https://www.ixl.com/math/grade-5/multiply-fractions', context: 'skill' },
  { url: 'https://www.ixl.com/ela/grade-3', context: 'skill' },
  { url: 'https://www.ixl.com/', context: null },
];
