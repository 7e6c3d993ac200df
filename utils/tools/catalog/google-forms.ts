import type { ToolDef, ToolExample } from '../types';

// The editor's Responses tab is the same page with #responses; respondents use /d/e/<id>/viewform.
export const tool: ToolDef = {
  id: 'google-forms',
  name: 'Google Forms',
  category: 'workspace',
  hosts: ['docs.google.com/forms'],
  accountPrefix: true,
  // A form's response summary: /forms/d/e/<id>/viewanalytics.
  routeWords: ['viewanalytics'],
  contexts: [
    { id: 'responses', name: 'Responses', match: [{ path: '/forms/d/:id/edit', hash: '/responses' }] },
    { id: 'editor', name: 'Form editor', match: [{ path: '/forms/d/:id/edit' }] },
    {
      id: 'respond',
      name: 'Filling in a form',
      match: [{ path: '/forms/d/e/:id/viewform' }, { path: '/forms/d/e/:id/formResponse' }, { path: '/forms/d/:id/viewform' }],
    },
    { id: 'home', name: 'Forms home', match: [{ path: '/forms' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://docs.google.com/forms/u/0/', context: 'home' },
  { url: 'https://docs.google.com/forms/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit', context: 'editor' },
  { url: 'https://docs.google.com/forms/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit#responses', context: 'responses' },
  { url: 'https://docs.google.com/forms/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit#settings', context: 'editor' },
  { url: 'https://docs.google.com/forms/d/e/1FAIpQLSabc123/viewform?usp=sf_link', context: 'respond' },
  { url: 'https://docs.google.com/forms/u/1/d/e/1FAIpQLSabc123/viewform', context: 'respond' },
  { url: 'https://docs.google.com/forms/d/e/1FAIpQLSabc123/viewanalytics', context: null },
];
