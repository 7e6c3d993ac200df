import type { ToolDef, ToolExample } from '../types';

// A formative is /formatives/<id>: /edit is the builder, /responses (formerly /results, "live
// results") the teacher's view of student work. Students join at /join/<code>.
export const tool: ToolDef = {
  id: 'formative',
  name: 'Formative',
  category: 'classroom',
  hosts: ['app.formative.com'],
  contexts: [
    { id: 'editor', name: 'Formative editor', match: [{ path: '/formatives/:id/edit/*' }] },
    { id: 'responses', name: 'Responses', match: [{ path: '/formatives/:id/responses/*' }, { path: '/formatives/:id/results/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://app.formative.com/formatives/643464176fc04258279ce43f/edit', context: 'editor' },
  { url: 'https://app.formative.com/formatives/643464176fc04258279ce43f/responses', context: 'responses' },
  { url: 'https://app.formative.com/formatives/643464176fc04258279ce43f/results', context: 'responses' },
  { url: 'https://app.formative.com/formatives/643464176fc04258279ce43f', context: null },
  { url: 'https://app.formative.com/join/DNFDZS', context: null },
];
