import type { LookAlikeExample, Signature, ToolDef, ToolExample } from '../types';

// Routes from Canvas LMS's config/routes.rb; hosted schools are <school>.instructure.com,
// self-hosted and custom-domain installs are recognised by the page shell. Canvas LMS's layouts
// (app/views/layouts/): application.html.erb draws <div id="application" class="ic-app"> around
// #wrapper (.ic-Layout-wrapper today, .ic-app-main-layout-vertical in older open-source
// releases); every layout, including bare.html.erb (Platform SpeedGrader) and
// borderless_lti.html.erb, renders _head.html.erb, which links the brand stylesheet
// (active_brand_config_url: /dist/brandable_css/…), and _foot.html.erb, which loads the webpack
// bundles (/dist/webpack-…).
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [
  { all: ['#application.ic-app', '.ic-Layout-wrapper, #wrapper.ic-app-main-layout-vertical'] },
  { all: ['link[rel="stylesheet"][href*="/dist/brandable_css/"]', 'script[src*="/dist/webpack-"]'] },
];

export const tool: ToolDef = {
  id: 'canvas',
  name: 'Canvas',
  category: 'lms',
  hosts: ['*.instructure.com'],
  excludeHosts: ['www.instructure.com', 'community.instructure.com', 'status.instructure.com', 'info.instructure.com'],
  // On every Canvas host: the REST API and its documentation (/api/v1/…, /doc/api/…), and
  // Instructure's DocViewer service (canvadocs.instructure.com) that draws file previews.
  lookAlikes: [{ path: '/api/*' }, { path: '/doc/api/*' }, { host: 'canvadocs*.instructure.com' }],
  signatures,
  // Canvas LMS's config/routes.rb: files/folder/<path>, groups/<id>/…, discussion_entries/<id>,
  // modules/items/<id>, profile/settings, and New Quizzes' build/<id>.
  routeWords: ['folder', 'groups', 'discussion_entries', 'items', 'profile', 'build'],
  contexts: [
    {
      id: 'new-quizzes',
      name: 'New Quizzes',
      match: [{ host: '*.quiz-lti-*.instructure.com' }, { path: '/courses/:id/assignments/:id', query: { display: 'full_width*' } }],
    },
    { id: 'speedgrader', name: 'SpeedGrader', match: [{ path: '/courses/:id/gradebook/speed_grader' }] },
    { id: 'gradebook', name: 'Gradebook', match: [{ path: '/courses/:id/gradebook/*' }, { path: '/courses/:id/grades/*' }] },
    {
      id: 'assignment-editor',
      name: 'Assignment editor',
      match: [{ path: '/courses/:id/assignments/new' }, { path: '/courses/:id/assignments/:id/edit' }],
    },
    // routes.rb maps /courses/:id/assignments/syllabus to the syllabus, before assignments/:id.
    { id: 'syllabus', name: 'Syllabus', match: [{ path: '/courses/:id/assignments/syllabus' }] },
    { id: 'assignment', name: 'Assignment', match: [{ path: '/courses/:id/assignments/:id/*' }] },
    { id: 'assignments', name: 'Assignments', match: [{ path: '/courses/:id/assignments' }] },
    { id: 'quiz-editor', name: 'Quiz editor', match: [{ path: '/courses/:id/quizzes/new' }, { path: '/courses/:id/quizzes/:id/edit' }] },
    { id: 'quizzes', name: 'Quizzes', match: [{ path: '/courses/:id/quizzes/*' }] },
    {
      id: 'discussion-editor',
      name: 'Discussion editor',
      match: [{ path: '/courses/:id/discussion_topics/new' }, { path: '/courses/:id/discussion_topics/:id/edit' }],
    },
    { id: 'discussions', name: 'Discussions', match: [{ path: '/courses/:id/discussion_topics/*' }] },
    { id: 'announcements', name: 'Announcements', match: [{ path: '/courses/:id/announcements/*' }] },
    { id: 'page-editor', name: 'Page editor', match: [{ path: '/courses/:id/pages/:id/edit' }] },
    { id: 'pages', name: 'Pages', match: [{ path: '/courses/:id/pages/*' }, { path: '/courses/:id/wiki/*' }] },
    { id: 'people', name: 'People', match: [{ path: '/courses/:id/users/*' }] },
    { id: 'rubrics', name: 'Rubrics', match: [{ path: '/courses/:id/rubrics/*' }] },
    { id: 'course-settings', name: 'Course settings', match: [{ path: '/courses/:id/settings' }] },
    { id: 'files', name: 'Files', match: [{ path: '/courses/:id/files/*' }, { path: '/files/*' }] },
    { id: 'external-tool', name: 'External tool', match: [{ path: '/courses/:id/external_tools/:id/*' }] },
    { id: 'modules', name: 'Modules', match: [{ path: '/courses/:id/modules/*' }] },
    { id: 'course-home', name: 'Course home', match: [{ path: '/courses/:id' }] },
    { id: 'calendar', name: 'Calendar', match: [{ path: '/calendar' }, { path: '/calendar2' }] },
    { id: 'inbox', name: 'Inbox', match: [{ path: '/conversations/*' }] },
    { id: 'dashboard', name: 'Dashboard', match: [{ path: '/' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://district.instructure.com/', context: 'dashboard' },
  { url: 'https://district.instructure.com/courses/1234', context: 'course-home' },
  { url: 'https://district.instructure.com/courses/1234/modules', context: 'modules' },
  { url: 'https://district.instructure.com/courses/1234/modules/items/88', context: 'modules' },
  { url: 'https://district.instructure.com/courses/1234/assignments', context: 'assignments' },
  { url: 'https://district.instructure.com/courses/1234/assignments/5678', context: 'assignment' },
  { url: 'https://district.instructure.com/courses/1234/assignments/syllabus', context: 'syllabus' },
  { url: 'https://district.instructure.com/courses/1234/assignments/new', context: 'assignment-editor' },
  { url: 'https://district.instructure.com/courses/1234/assignments/5678/edit', context: 'assignment-editor' },
  { url: 'https://district.instructure.com/courses/1234/assignments/5678?display=full_width', context: 'new-quizzes' },
  { url: 'https://district.quiz-lti-iad-prod.instructure.com/build/42', context: 'new-quizzes' },
  { url: 'https://district.instructure.com/courses/1234/quizzes', context: 'quizzes' },
  { url: 'https://district.instructure.com/courses/1234/quizzes/new', context: 'quiz-editor' },
  { url: 'https://district.instructure.com/courses/1234/quizzes/77/edit', context: 'quiz-editor' },
  { url: 'https://district.instructure.com/courses/1234/gradebook', context: 'gradebook' },
  { url: 'https://district.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=5678&student_id=9', context: 'speedgrader' },
  { url: 'https://district.beta.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=1', context: 'speedgrader' },
  { url: 'https://district.test.instructure.com/courses/1234/gradebook', context: 'gradebook' },
  { url: 'https://district.instructure.com/courses/1234/discussion_topics', context: 'discussions' },
  { url: 'https://district.instructure.com/courses/1234/discussion_topics/new', context: 'discussion-editor' },
  { url: 'https://district.instructure.com/courses/1234/discussion_topics/31/edit', context: 'discussion-editor' },
  { url: 'https://district.instructure.com/courses/1234/announcements', context: 'announcements' },
  { url: 'https://district.instructure.com/courses/1234/pages', context: 'pages' },
  { url: 'https://district.instructure.com/courses/1234/pages/welcome-to-biology/edit', context: 'page-editor' },
  { url: 'https://district.instructure.com/courses/1234/users', context: 'people' },
  { url: 'https://district.instructure.com/courses/1234/rubrics', context: 'rubrics' },
  { url: 'https://district.instructure.com/courses/1234/rubrics/42', context: 'rubrics' },
  { url: 'https://district.instructure.com/courses/1234/settings', context: 'course-settings' },
  { url: 'https://district.instructure.com/courses/1234/files', context: 'files' },
  { url: 'https://district.instructure.com/courses/1234/files/folder/unit-1', context: 'files' },
  { url: 'https://district.instructure.com/groups/345', context: null },
  { url: 'https://district.instructure.com/courses/1234/discussion_entries/567', context: null },
  { url: 'https://district.instructure.com/courses/1234/external_tools/99', context: 'external-tool' },
  { url: 'https://district.instructure.com/calendar', context: 'calendar' },
  { url: 'https://district.instructure.com/conversations', context: 'inbox' },
  { url: 'https://district.instructure.com/profile/settings', context: null },
  {
    url: 'https://lms.district.k12.example/courses/1234/gradebook/speed_grader?assignment_id=5',
    context: 'speedgrader',
    html: '<body><div id="application" class="ic-app"><div id="wrapper" class="ic-Layout-wrapper"></div></div></body>',
  },
  {
    url: 'https://lms.district.k12.example/courses/1234/gradebook/speed_grader?assignment_id=5',
    context: 'speedgrader',
    shell: 'canvas/application.html',
  },
  { url: 'https://canvas.school.example/courses/1234/modules', context: 'modules', shell: 'canvas/legacy-wrapper.html' },
  {
    url: 'https://lms.district.k12.example/courses/1234/gradebook/speed_grader?assignment_id=5&student_id=9&platform_sg=true',
    context: 'speedgrader',
    shell: 'canvas/bare-speedgrader.html',
  },
  {
    url: 'https://lms.district.k12.example/courses/1234/external_tools/99?display=borderless',
    context: 'external-tool',
    shell: 'canvas/borderless-lti.html',
  },
  { url: 'https://lms.district.k12.example/courses/1234/assignments/syllabus', context: 'syllabus', shell: 'canvas/application.html' },
];

export const notTheTool: LookAlikeExample[] = [
  { url: 'https://district.instructure.com/api/v1/courses/1234/assignments', why: "Canvas's REST API: JSON, not a page" },
  { url: 'https://canvas.instructure.com/doc/api/assignments.html', why: "the API documentation, served from Canvas's own hosts" },
  {
    url: 'https://canvadocs.instructure.com/1/sessions/eyJh/view?theme=dark',
    why: "Instructure's DocViewer service, framed inside Canvas",
  },
  { url: 'https://lms.district.k12.example/api/v1/users/self', why: "a self-hosted Canvas's REST API", shell: 'canvas/application.html' },
  {
    url: 'https://msrivera.example/blog/speedgrader-tips',
    why: "a blog styled like Canvas (the style guide's ic- classes) that links to the district's Canvas",
    shell: 'canvas/styled-blog.html',
  },
];
