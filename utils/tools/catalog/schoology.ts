import type { LookAlikeExample, Signature, ToolDef, ToolExample } from '../types';

// Hosted at app.schoology.com and <district>.schoology.com; district domains (lms.lausd.net) carry
// Schoology's site navigation, marked with data-sgy-sitenav attributes under #header, and the
// Drupal theme's stylesheets under /sites/all/themes/schoology_theme/. A stylesheet, not the
// favicon: "tab cloak" pages borrow Schoology's favicon to look like it.
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [
  { all: ['#header', '[data-sgy-sitenav]'] },
  { all: ['link[rel="stylesheet"][href*="/sites/all/themes/schoology_theme/"]'] },
];

export const tool: ToolDef = {
  id: 'schoology',
  name: 'Schoology',
  category: 'lms',
  hosts: ['*.schoology.com'],
  excludeHosts: [
    'www.schoology.com',
    'info.schoology.com',
    'support.schoology.com',
    'developers.schoology.com',
    'status.schoology.com',
    'api.schoology.com',
  ],
  // The asset and file CDNs (asset-cdn., cdn., files-cdn.) and the LTI 1.3 platform service
  // (lti-service.svc.schoology.com) are not the app.
  lookAlikes: [{ host: '*cdn.schoology.com' }, { host: '*.svc.schoology.com' }],
  signatures,
  // Schoology's course list, activity feed and material folders (/course/<id>/materials/gp/<id>).
  routeWords: ['courses', 'recent-activity', 'gp'],
  contexts: [
    { id: 'assessment', name: 'Assessment', match: [{ path: '/assignment/:id/assessment/*' }] },
    { id: 'assignment', name: 'Assignment', match: [{ path: '/assignment/:id' }, { path: '/assignment/:id/info' }] },
    { id: 'materials', name: 'Materials', match: [{ path: '/course/:id/materials/*' }] },
    { id: 'updates', name: 'Updates', match: [{ path: '/course/:id/updates/*' }] },
    { id: 'gradebook', name: 'Gradebook', match: [{ path: '/course/:id/gradebook/*' }, { path: '/grades/*' }] },
    { id: 'home', name: 'Home', match: [{ path: '/home/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://app.schoology.com/home', context: 'home' },
  { url: 'https://district.schoology.com/home/recent-activity', context: 'home' },
  { url: 'https://app.schoology.com/course/5551234567/materials', context: 'materials' },
  { url: 'https://app.schoology.com/course/5551234567/materials?f=123', context: 'materials' },
  { url: 'https://app.schoology.com/course/5551234567/materials/gp/6661234567', context: 'materials' },
  { url: 'https://app.schoology.com/course/5551234567/updates', context: 'updates' },
  { url: 'https://app.schoology.com/assignment/6661234567', context: 'assignment' },
  { url: 'https://app.schoology.com/assignment/6661234567/info', context: 'assignment' },
  { url: 'https://app.schoology.com/assignment/6661234567/assessment', context: 'assessment' },
  { url: 'https://app.schoology.com/course/5551234567/gradebook', context: 'gradebook' },
  { url: 'https://app.schoology.com/grades/grades', context: 'gradebook' },
  { url: 'https://app.schoology.com/courses', context: null },
  {
    url: 'https://lms.district.k12.example/course/5551234567/materials',
    context: 'materials',
    html: '<body><div id="header"><header><nav><a data-sgy-sitenav="header-logo" href="/home"></a></nav></header></div></body>',
  },
  { url: 'https://lms.district.k12.example/course/5551234567/materials', context: 'materials', shell: 'schoology/district-domain.html' },
];

export const notTheTool: LookAlikeExample[] = [
  { url: 'https://info.schoology.com/k-12-webinars.html', why: 'marketing pages' },
  { url: 'https://asset-cdn.schoology.com/sites/all/themes/schoology_theme/favicon.ico', why: 'the asset CDN' },
  { url: 'https://files-cdn.schoology.com/7a1c3e2f-attachment?content-type=application%2Fpdf', why: 'the attachment CDN' },
  { url: 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect', why: 'the LTI 1.3 platform service' },
  { url: 'https://games.example/cloak/', why: "a tab-cloak page with Schoology's title and favicon", shell: 'schoology/tab-cloak.html' },
];
