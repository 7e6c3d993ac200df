import type { Signature, ToolDef, ToolExample } from '../types';

// The SIS is <district>.powerschool.com or a district's own domain; every portal page (admin,
// teachers, guardian, sign-in) carries the #branding-powerschool header; signed-in pages also
// the #usercontext-bar with its #tools menu.
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [{ all: ['#branding-powerschool'] }, { all: ['#usercontext-bar', '#usercontext-bar #tools'] }];

export const tool: ToolDef = {
  id: 'powerschool',
  name: 'PowerSchool',
  category: 'portal',
  hosts: ['*.powerschool.com'],
  excludeHosts: [
    'www.powerschool.com',
    'support.powerschool.com',
    'help.powerschool.com',
    'docs.powerschool.com',
    'community.powerschool.com',
    'status.powerschool.com',
  ],
  signatures,
  contexts: [
    { id: 'gradebook', name: 'PowerTeacher Pro', match: [{ path: '/teachers/gradebook/*' }] },
    { id: 'teacher', name: 'PowerTeacher portal', match: [{ path: '/teachers/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://district.powerschool.com/teachers/home.html', context: 'teacher' },
  { url: 'https://district.powerschool.com/teachers/pw.html', context: 'teacher' },
  { url: 'https://district.powerschool.com/teachers/gradebook/', context: 'gradebook' },
  { url: 'https://district.powerschool.com/guardian/home.html', context: null },
  {
    url: 'https://ps.district.k12.example/teachers/home.html',
    context: 'teacher',
    html: '<body><div id="container"><div id="branding-powerschool"><a href="/teachers/home.html"><img alt=""></a></div></div></body>',
  },
  { url: 'https://ps.district.k12.example/teachers/home.html', context: 'teacher', shell: 'powerschool/teachers.html' },
];
