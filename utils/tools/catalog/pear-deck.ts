import type { ToolDef, ToolExample } from '../types';

// Students enter a code at joinpd.com (or app.peardeck.com/join) and then work under /student/….
export const tool: ToolDef = {
  id: 'pear-deck',
  name: 'Pear Deck',
  category: 'classroom',
  hosts: ['app.peardeck.com', 'joinpd.com'],
  contexts: [
    { id: 'join', name: 'Join', match: [{ host: 'joinpd.com' }, { path: '/join/*' }] },
    { id: 'student-session', name: 'Student session', match: [{ path: '/student/*' }] },
    { id: 'home', name: 'Home', match: [{ path: '/home/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://app.peardeck.com/home', context: 'home' },
  { url: 'https://app.peardeck.com/home/?action=signin', context: 'home' },
  { url: 'https://app.peardeck.com/join', context: 'join' },
  { url: 'https://joinpd.com/', context: 'join' },
  { url: 'https://app.peardeck.com/student/tptrcoqxi', context: 'student-session' },
  { url: 'https://app.peardeck.com/authPicker?finalDestinationUrl=%2Fhome%2F%3Faction%3Dsignin', context: null },
];
