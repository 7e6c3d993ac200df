import type { LookAlikeExample, ToolDef, ToolExample } from '../types';

// Design links may carry a share token after the design id: /design/<id>/<token>/edit.
export const tool: ToolDef = {
  id: 'canva',
  name: 'Canva',
  category: 'classroom',
  hosts: ['www.canva.com'],
  // The app shares www.canva.com with Canva's marketing, help centre and Design School pages.
  lookAlikes: [{ path: '/education/*' }, { path: '/help/*' }, { path: '/learn/*' }, { path: '/pricing/*' }],
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
  { url: 'https://www.canva.com/', context: null },
];

export const notTheTool: LookAlikeExample[] = [
  { url: 'https://www.canva.com/education/', why: 'Canva for Education, a marketing page' },
  { url: 'https://www.canva.com/help/share-designs/', why: "Canva's help centre" },
  { url: 'https://www.canva.com/learn/classroom-posters/', why: 'Design School articles' },
];
