import type { ToolDef, ToolExample } from '../types';

// Design links may carry a share token after the design id: /design/<id>/<token>/edit.
export const tool: ToolDef = {
  id: 'canva',
  name: 'Canva',
  category: 'classroom',
  hosts: ['www.canva.com'],
  contexts: [
    { id: 'design-editor', name: 'Design editor', match: [{ path: '/design/:id/edit' }, { path: '/design/:id/:id/edit' }] },
    {
      id: 'design-view',
      name: 'Design view',
      match: [
        { path: '/design/:id/view' },
        { path: '/design/:id/:id/view' },
        { path: '/design/:id/watch' },
        { path: '/design/:id/:id/watch' },
      ],
    },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://www.canva.com/design/DAFxYz12345/edit', context: 'design-editor' },
  {
    url: 'https://www.canva.com/design/DAFxYz12345/Ab3dEfGh1jKlMnOp/edit?utm_content=DAFxYz12345&utm_source=sharebutton',
    context: 'design-editor',
  },
  { url: 'https://www.canva.com/design/DAFxYz12345/view', context: 'design-view' },
  { url: 'https://www.canva.com/design/DAFxYz12345/Ab3dEfGh1jKlMnOp/view', context: 'design-view' },
  { url: 'https://www.canva.com/education/', context: null },
];
