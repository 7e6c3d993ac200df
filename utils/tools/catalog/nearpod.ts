import type { LookAlikeExample, ToolDef, ToolExample } from '../types';

// Students join at join.nearpod.com; a running lesson is app.nearpod.com/?pin=…, a preview /presentation?pin=….
export const tool: ToolDef = {
  id: 'nearpod',
  name: 'Nearpod',
  category: 'classroom',
  hosts: ['nearpod.com', 'app.nearpod.com', 'join.nearpod.com'],
  // Library folders (/library/folder/<id>).
  routeWords: ['folder'],
  // nearpod.com is the app and the marketing site at once.
  lookAlikes: [
    { host: 'nearpod.com', path: '/pricing/*' },
    { host: 'nearpod.com', path: '/blog/*' },
  ],
  contexts: [
    { id: 'join', name: 'Join', match: [{ host: 'join.nearpod.com' }] },
    { id: 'presentation', name: 'Presentation', match: [{ path: '/presentation' }] },
    { id: 'live-lesson', name: 'Live lesson', match: [{ path: '/', query: { pin: '' } }] },
    { id: 'library', name: 'Library', match: [{ path: '/library/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://join.nearpod.com/', context: 'join' },
  { url: 'https://join.nearpod.com/ABCDE', context: 'join' },
  { url: 'https://app.nearpod.com/presentation?pin=72DQ8', context: 'presentation' },
  { url: 'https://nearpod.com/presentation?pin=MCUG6', context: 'presentation' },
  { url: 'https://app.nearpod.com/?pin=ITR37', context: 'live-lesson' },
  { url: 'https://app.nearpod.com/?pin=E7C922580FD6FE293F4CD8401971B005-1&he=true', context: 'live-lesson' },
  { url: 'https://nearpod.com/library', context: 'library' },
  { url: 'https://nearpod.com/library/folder/123', context: 'library' },
  { url: 'https://nearpod.com/', context: null },
];

export const notTheTool: LookAlikeExample[] = [
  { url: 'https://nearpod.com/pricing', why: 'the plans page' },
  { url: 'https://nearpod.com/blog/formative-assessment-ideas/', why: "Nearpod's blog" },
];
