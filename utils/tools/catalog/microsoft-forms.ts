import type { ToolDef, ToolExample } from '../types';

// Share links are /r/<id> (and the newer /e/<id>); both domains serve the same app.
export const tool: ToolDef = {
  id: 'microsoft-forms',
  name: 'Microsoft Forms',
  category: 'workspace',
  hosts: ['forms.office.com', 'forms.cloud.microsoft'],
  contexts: [
    { id: 'editor', name: 'Form editor', match: [{ path: '/Pages/DesignPageV2.aspx' }] },
    { id: 'respond', name: 'Filling in a form', match: [{ path: '/Pages/ResponsePage.aspx' }, { path: '/r/:id' }, { path: '/e/:id' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://forms.office.com/Pages/DesignPageV2.aspx?subpage=design&id=AbCdEf123', context: 'editor' },
  { url: 'https://forms.cloud.microsoft/Pages/DesignPageV2.aspx?subpage=design&id=AbCdEf123', context: 'editor' },
  { url: 'https://forms.office.com/Pages/ResponsePage.aspx?id=AbCdEf123', context: 'respond' },
  { url: 'https://forms.office.com/r/x1Y2z3A4b5', context: 'respond' },
  { url: 'https://forms.office.com/', context: null },
];
