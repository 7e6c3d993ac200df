import type { ToolDef, ToolExample } from '../types';

// Classic Teams routes in the hash (/_#/school/…); the Assignments app is reached by deep links
// that name its app id.
export const tool: ToolDef = {
  id: 'microsoft-teams',
  name: 'Microsoft Teams',
  category: 'workspace',
  hosts: ['teams.microsoft.com', 'teams.cloud.microsoft'],
  contexts: [
    { id: 'assignments', name: 'Assignments', match: [{ path: '/l/entity/66aeee93-507d-479a-a3ef-8f494af43945/*' }] },
    { id: 'class-channel', name: 'Class channel', match: [{ path: '/_', hash: '/school/*' }] },
    { id: 'home', name: 'Teams', match: [{ path: '/' }, { path: '/v2' }, { path: '/_', hash: '/' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://teams.microsoft.com/', context: 'home' },
  { url: 'https://teams.microsoft.com/v2/', context: 'home' },
  { url: 'https://teams.cloud.microsoft/', context: 'home' },
  { url: 'https://teams.microsoft.com/_#/school/conversations/General?threadId=19:abc@thread.tacv2&ctx=channel', context: 'class-channel' },
  {
    url: 'https://teams.microsoft.com/l/entity/66aeee93-507d-479a-a3ef-8f494af43945/classroom?context=%7B%22subEntityId%22%3A%22%7B%7D%22%7D',
    context: 'assignments',
  },
  { url: 'https://teams.microsoft.com/_#/conversations/48:notes?ctx=chat', context: null },
];
