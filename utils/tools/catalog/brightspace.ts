import type { Signature, ToolDef, ToolExample } from '../types';

// Every Brightspace page lives under /d2l/; self-hosted and custom-domain installs put the org
// context on <html data-global-context> and draw the d2l-navigation web components.
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [{ all: ['html[data-global-context]', 'd2l-navigation, d2l-navigation-immersive'] }];

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
];
