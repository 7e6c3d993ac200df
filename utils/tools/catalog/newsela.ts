import type { ToolDef, ToolExample } from '../types';

// Only newsela.com itself; help.newsela.com is the support site.
export const tool: ToolDef = {
  id: 'newsela',
  name: 'Newsela',
  category: 'classroom',
  hosts: ['newsela.com'],
  contexts: [
    { id: 'article', name: 'Article', match: [{ path: '/articles/*' }, { path: '/read/*' }] },
    { id: 'search', name: 'Search', match: [{ path: '/search/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://newsela.com/read/elem-fossil-dig/id/2001012345/', context: 'article' },
  { url: 'https://newsela.com/articles/elem-fossil-dig/id/2001012345/', context: 'article' },
  { url: 'https://newsela.com/search/?needle=volcanoes', context: 'search' },
  { url: 'https://newsela.com/', context: null },
];
