import type { LookAlikeExample, Signature, ToolDef, ToolExample } from '../types';

// Every Brightspace page lives under /d2l/; self-hosted and custom-domain installs put the org
// context on <html data-global-context>. Today's pages draw their navigation with
// d2l-labs-navigation or d2l-labs-navigation-immersive (BrightspaceUILabs/navigation) inside
// nav.d2l-navigation-s; older ones with d2l-navigation. Pages also load Brightspace's shared
// libraries from its CDN (s.brightspace.com/lib/…). The web components alone are open source
// and appear on other sites, so each signature also needs the org context.
const navigation = 'd2l-labs-navigation, d2l-labs-navigation-immersive, nav.d2l-navigation-s, d2l-navigation, d2l-navigation-immersive';
const sharedLibraries = 'link[href*="//s.brightspace.com/lib/"], script[src*="//s.brightspace.com/lib/"]';
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [
  { all: ['html[data-global-context]', navigation] },
  { all: ['html[data-global-context]', sharedLibraries] },
];

export const tool: ToolDef = {
  id: 'brightspace',
  name: 'D2L Brightspace',
  category: 'lms',
  hosts: ['*.brightspace.com', '*.desire2learn.com'],
  excludeHosts: ['www.brightspace.com', 'documentation.brightspace.com', 'community.brightspace.com', 'status.brightspace.com'],
  signatures,
  // Brightspace's content, discussion and calendar routes (/d2l/le/content/<id>/viewContent/<id>/View, …).
  routeWords: ['viewContent', 'View', 'topics', 'List', 'calendar'],
  contexts: [
    { id: 'dashboard', name: 'Dashboard', match: [{ path: '/d2l/home' }] },
    { id: 'course-home', name: 'Course home', match: [{ path: '/d2l/home/:id' }] },
    { id: 'content', name: 'Content', match: [{ path: '/d2l/le/content/*' }, { path: '/d2l/le/lessons/*' }] },
    { id: 'gradebook', name: 'Grades', match: [{ path: '/d2l/lms/grades/*' }] },
    { id: 'assignments', name: 'Assignments', match: [{ path: '/d2l/lms/dropbox/admin/folders_manage.d2l' }] },
    { id: 'submissions', name: 'Assignment submissions', match: [{ path: '/d2l/lms/dropbox/admin/mark/*' }] },
    { id: 'quizzes', name: 'Quizzes', match: [{ path: '/d2l/lms/quizzing/admin/quizzes_manage.d2l' }] },
    { id: 'quiz-editor', name: 'Quiz editor', match: [{ path: '/d2l/lms/quizzing/admin/modify/*' }] },
    { id: 'quiz-grading', name: 'Quiz grading', match: [{ path: '/d2l/lms/quizzing/admin/mark/*' }] },
    { id: 'discussions', name: 'Discussions', match: [{ path: '/d2l/le/:id/discussions/*' }] },
    { id: 'people', name: 'Classlist', match: [{ path: '/d2l/lms/classlist/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://district.brightspace.com/d2l/home', context: 'dashboard' },
  { url: 'https://district.brightspace.com/d2l/home/6606', context: 'course-home' },
  { url: 'https://district.desire2learn.com/d2l/home/6606', context: 'course-home' },
  { url: 'https://district.brightspace.com/d2l/le/content/6606/Home', context: 'content' },
  { url: 'https://district.brightspace.com/d2l/le/content/6606/viewContent/1234/View', context: 'content' },
  { url: 'https://district.brightspace.com/d2l/le/lessons/6606/topics/1234', context: 'content' },
  { url: 'https://district.brightspace.com/d2l/lms/grades/admin/enter/user_list_view.d2l?ou=6606', context: 'gradebook' },
  { url: 'https://district.brightspace.com/d2l/lms/dropbox/admin/folders_manage.d2l?ou=6606', context: 'assignments' },
  { url: 'https://district.brightspace.com/d2l/lms/dropbox/admin/mark/folder_submissions_users.d2l?db=77&ou=6606', context: 'submissions' },
  { url: 'https://district.brightspace.com/d2l/lms/quizzing/admin/quizzes_manage.d2l?ou=6606', context: 'quizzes' },
  {
    url: 'https://district.brightspace.com/d2l/lms/quizzing/admin/modify/quiz_newedit_properties.d2l?ou=6606&qi=55',
    context: 'quiz-editor',
  },
  { url: 'https://district.brightspace.com/d2l/lms/quizzing/admin/mark/quiz_mark_users.d2l?qi=55&ou=6606', context: 'quiz-grading' },
  { url: 'https://district.brightspace.com/d2l/le/6606/discussions/List', context: 'discussions' },
  { url: 'https://district.brightspace.com/d2l/le/6606/discussions/topics/91/View', context: 'discussions' },
  { url: 'https://district.brightspace.com/d2l/lms/classlist/classlist.d2l?ou=6606', context: 'people' },
  { url: 'https://district.brightspace.com/d2l/le/calendar/6606', context: null },
  {
    url: 'https://learn.district.k12.example/d2l/le/content/6606/Home',
    context: 'content',
    html: '<html data-global-context=\'{"orgId":"6606"}\'><body><d2l-navigation></d2l-navigation></body></html>',
  },
  { url: 'https://learn.district.k12.example/d2l/le/content/6606/Home', context: 'content', shell: 'brightspace/labs-navigation.html' },
  {
    url: 'https://learn.district.k12.example/d2l/lms/quizzing/admin/modify/quiz_newedit_properties.d2l?ou=6606&qi=55',
    context: 'quiz-editor',
    shell: 'brightspace/immersive.html',
  },
];

export const notTheTool: LookAlikeExample[] = [
  {
    url: 'https://components.example.org/navigation/demo/',
    why: "Brightspace's open-source navigation components and its CDN's fonts and favicon, without Brightspace's org context",
    shell: 'brightspace/ui-demo.html',
  },
];
