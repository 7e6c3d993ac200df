import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'classlink',
  name: 'ClassLink',
  category: 'portal',
  hosts: ['launchpad.classlink.com', 'myapps.classlink.com'],
  contexts: [{ id: 'launchpad', name: 'LaunchPad', match: [{ path: '/*' }] }],
};

export const examples: ToolExample[] = [
  { url: 'https://launchpad.classlink.com/', context: 'launchpad' },
  { url: 'https://launchpad.classlink.com/hcps', context: 'launchpad' },
  { url: 'https://myapps.classlink.com/home', context: 'launchpad' },
];
