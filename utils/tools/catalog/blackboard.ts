import type { Signature, ToolDef, ToolExample } from '../types';

// Ultra routes under /ultra/, Original ("Classic") pages under /webapps/. Self-hosted Ultra draws
// the bb-base-layout shell (its base navigation is bb-base-navigation-button items); Original
// draws the header's #globalNavPageNavArea with the tab bar #topTabs.
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [{ all: ['bb-base-layout'] }, { all: ['#globalNavPageNavArea', '#topTabs'] }];

export const tool: ToolDef = {
  id: 'blackboard',
  name: 'Blackboard Learn',
  category: 'lms',
  hosts: ['*.blackboard.com'],
  excludeHosts: [
    'www.blackboard.com',
    'help.blackboard.com',
    'community.blackboard.com',
    'status.blackboard.com',
    'docs.blackboard.com',
    'developer.blackboard.com',
  ],
  signatures,
  // Ultra's calendar and item routes, and the Original Grade Center (/webapps/gradebook/do/instructor/…).
  routeWords: ['calendar', 'document', 'overview', 'do', 'instructor', 'enterGradeCenter'],
  contexts: [
    { id: 'course-list', name: 'Courses', match: [{ path: '/ultra/course' }] },
    { id: 'activity-stream', name: 'Activity stream', match: [{ path: '/ultra/stream/*' }] },
    {
      id: 'content-editor',
      name: 'Content editor',
      match: [{ path: '/ultra/courses/:id/outline/edit/*' }, { path: '/ultra/courses/:id/cl/outline/edit/*' }],
    },
    {
      id: 'assessment',
      name: 'Assessment',
      match: [
        { path: '/ultra/courses/:id/outline/assessment/*' },
        { path: '/ultra/courses/:id/grades/assessment/*' },
        { path: '/webapps/assessment/*' },
      ],
    },
    { id: 'gradebook', name: 'Gradebook', match: [{ path: '/ultra/courses/:id/grades/*' }, { path: '/webapps/gradebook/*' }] },
    {
      id: 'course-home',
      name: 'Course home',
      match: [
        { path: '/ultra/courses/:id/outline/*' },
        { path: '/ultra/courses/:id/cl/outline/*' },
        { path: '/webapps/blackboard/execute/launcher', query: { type: 'Course' } },
        { path: '/webapps/blackboard/execute/courseMain' },
      ],
    },
    { id: 'content', name: 'Content', match: [{ path: '/webapps/blackboard/content/listContent.jsp' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://district.blackboard.com/ultra/course', context: 'course-list' },
  { url: 'https://district.blackboard.com/ultra/stream', context: 'activity-stream' },
  { url: 'https://district.blackboard.com/ultra/courses/_1234_1/outline', context: 'course-home' },
  { url: 'https://district.blackboard.com/ultra/courses/_1234_1/cl/outline', context: 'course-home' },
  { url: 'https://district.blackboard.com/webapps/blackboard/execute/launcher?type=Course&id=_1234_1&url=', context: 'course-home' },
  {
    url: 'https://district.blackboard.com/ultra/courses/_1234_1/outline/edit/document/_5678_1?courseId=_1234_1&view=content',
    context: 'content-editor',
  },
  {
    url: 'https://district.blackboard.com/webapps/blackboard/content/listContent.jsp?course_id=_1234_1&content_id=_99_1',
    context: 'content',
  },
  { url: 'https://district.blackboard.com/ultra/courses/_1234_1/grades', context: 'gradebook' },
  { url: 'https://district.blackboard.com/webapps/gradebook/do/instructor/enterGradeCenter?course_id=_1234_1', context: 'gradebook' },
  {
    url: 'https://district.blackboard.com/ultra/courses/_1234_1/outline/assessment/_5679_1/overview?courseId=_1234_1',
    context: 'assessment',
  },
  { url: 'https://district.blackboard.com/ultra/courses/_1234_1/grades/assessment/_5679_1/overview', context: 'assessment' },
  { url: 'https://district.blackboard.com/ultra/calendar', context: null },
  {
    url: 'https://learn.university.example/ultra/courses/_1234_1/grades',
    context: 'gradebook',
    html: '<body><div id="app"><bb-base-layout><div><aside></aside><main></main></div></bb-base-layout></div></body>',
  },
  {
    url: 'https://bb.college.example/webapps/blackboard/content/listContent.jsp?course_id=_7_1',
    context: 'content',
    html: '<body><div id="globalNavPageNavArea"><table><tr><td><div class="topTabs bgBanner" id="topTabs"></div></td></tr></table></div></body>',
  },
  { url: 'https://learn.university.example/ultra/courses/_1234_1/grades', context: 'gradebook', shell: 'blackboard/ultra.html' },
  {
    url: 'https://bb.college.example/webapps/blackboard/content/listContent.jsp?course_id=_7_1&content_id=_99_1',
    context: 'content',
    shell: 'blackboard/original.html',
  },
];
