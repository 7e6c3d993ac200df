import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'khan-academy',
  name: 'Khan Academy',
  category: 'classroom',
  hosts: ['www.khanacademy.org'],
  contexts: [
    { id: 'teacher-dashboard', name: 'Teacher dashboard', match: [{ path: '/teacher/dashboard/*' }] },
    { id: 'class', name: 'Class', match: [{ path: '/teacher/class/*' }] },
    {
      id: 'content',
      name: 'Course content',
      match: [
        { path: '/math/*' },
        { path: '/science/*' },
        { path: '/computing/*' },
        { path: '/humanities/*' },
        { path: '/economics-finance-domain/*' },
        { path: '/ela/*' },
        { path: '/test-prep/*' },
        { path: '/college-careers-more/*' },
      ],
    },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://www.khanacademy.org/teacher/dashboard', context: 'teacher-dashboard' },
  { url: 'https://www.khanacademy.org/teacher/class/KAcls123456/assignments', context: 'class' },
  { url: 'https://www.khanacademy.org/math/algebra/x2f8bb11595b61c86:solve-equations-inequalities', context: 'content' },
  { url: 'https://www.khanacademy.org/science/biology', context: 'content' },
  { url: 'https://www.khanacademy.org/profile/me/courses', context: null },
];
