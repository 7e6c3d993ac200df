import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'google-sheets',
  name: 'Google Sheets',
  category: 'workspace',
  hosts: ['docs.google.com/spreadsheets'],
  accountPrefix: true,
  // Published copies: /spreadsheets/d/e/<id>/pubhtml.
  routeWords: ['e', 'pubhtml'],
  contexts: [
    { id: 'editor', name: 'Spreadsheet', match: [{ path: '/spreadsheets/d/:id' }, { path: '/spreadsheets/d/:id/edit/*' }] },
    { id: 'home', name: 'Sheets home', match: [{ path: '/spreadsheets' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://docs.google.com/spreadsheets/u/0/', context: 'home' },
  { url: 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit#gid=0', context: 'editor' },
  { url: 'https://docs.google.com/spreadsheets/u/1/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf/edit?gid=123#gid=123', context: 'editor' },
  { url: 'https://docs.google.com/spreadsheets/d/e/2PACX-1vQabc/pubhtml', context: null },
];
