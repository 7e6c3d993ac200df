import type { ToolDef, ToolExample } from '../types';

// Seesaw is a single-page app that routes in the hash (app.seesaw.me/#/activities/…).
export const tool: ToolDef = {
  id: 'seesaw',
  name: 'Seesaw',
  category: 'classroom',
  hosts: ['app.seesaw.me'],
  contexts: [
    { id: 'sign-in', name: 'Sign in', match: [{ hash: '/login/*' }, { hash: '/:id/login/*' }] },
    { id: 'activities', name: 'Activities', match: [{ hash: '/activities/*' }] },
    { id: 'journal', name: 'Journal', match: [{ hash: '/journals/*' }, { hash: '/:id/journals/*' }, { hash: '/class/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://app.seesaw.me/#/login', context: 'sign-in' },
  { url: 'https://app.seesaw.me/#/login?role=org_admin', context: 'sign-in' },
  { url: 'https://app.seesaw.me/#/student/login', context: 'sign-in' },
  { url: 'https://app.seesaw.me/#/activities/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0/display/pending', context: 'activities' },
  { url: 'https://app.seesaw.me/#/family/journals/person.abc/class.def', context: 'journal' },
  { url: 'https://app.seesaw.me/#/class/class.034c70fb-4e7e-49e8-b3a7-6f8c9490dbf0', context: 'journal' },
  { url: 'https://app.seesaw.me/', context: null },
  { url: 'https://app.seesaw.me/#/settings/profile', context: null },
];
