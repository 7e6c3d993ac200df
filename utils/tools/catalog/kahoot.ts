import type { ToolDef, ToolExample } from '../types';

// Teachers build on create.kahoot.it and host on play.kahoot.it; players join at kahoot.it.
// kahoot.com is the marketing site and is not the tool.
export const tool: ToolDef = {
  id: 'kahoot',
  name: 'Kahoot!',
  category: 'classroom',
  hosts: ['create.kahoot.it', 'play.kahoot.it', 'kahoot.it'],
  // The creator's library: /my-library/kahoots/all; the host screen: play.kahoot.it/v2/.
  routeWords: ['my-library', 'kahoots', 'all', 'v2'],
  contexts: [
    { id: 'host', name: 'Hosting a game', match: [{ host: 'play.kahoot.it' }] },
    { id: 'join', name: 'Join', match: [{ host: 'kahoot.it' }] },
    { id: 'editor', name: 'Kahoot editor', match: [{ path: '/creator/*' }] },
    { id: 'details', name: 'Kahoot details', match: [{ path: '/details/*' }] },
    { id: 'discover', name: 'Discover', match: [{ path: '/discover/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://create.kahoot.it/creator/3f8e1c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c', context: 'editor' },
  { url: 'https://create.kahoot.it/details/3f8e1c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c', context: 'details' },
  { url: 'https://create.kahoot.it/details/photosynthesis-review/3f8e1c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c', context: 'details' },
  { url: 'https://create.kahoot.it/discover', context: 'discover' },
  { url: 'https://play.kahoot.it/v2/?quizId=3f8e1c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c', context: 'host' },
  { url: 'https://kahoot.it/', context: 'join' },
  { url: 'https://kahoot.it/?pin=1234567&refer_method=link', context: 'join' },
  { url: 'https://create.kahoot.it/my-library/kahoots/all', context: null },
];
