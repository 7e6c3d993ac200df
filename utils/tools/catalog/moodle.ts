import type { LookAlikeExample, Signature, ToolDef, ToolExample } from '../types';

// Paths from Moodle's own scripts. Self-hosted sites are recognised by what core prints on every
// page (lib/outputrenderers.php): <body id="page-…" class="… pagelayout-…"> and, in the head
// (standard_head_html), the keywords meta "moodle, <title>" and the theme and YUI stylesheets
// (theme/styles.php, theme/yui_combo.php). Themes may print their own keywords meta, so the
// stylesheets are a second signature. Sites often live under a folder (/moodle/…).
const moodleBody = 'body[id^="page-"][class*="pagelayout-"]';
/** Exported on its own so the content script bundles the signatures without the rest. */
export const signatures: Signature[] = [
  { all: ['meta[name="keywords"][content^="moodle"]', moodleBody] },
  { all: ['link[rel="stylesheet"][href*="/theme/styles.php"], link[rel="stylesheet"][href*="/theme/yui_combo.php"]', moodleBody] },
];

export const tool: ToolDef = {
  id: 'moodle',
  name: 'Moodle',
  category: 'lms',
  hosts: ['*.moodlecloud.com'],
  excludeHosts: ['www.moodlecloud.com', 'moodle.org', 'docs.moodle.org', 'moodle.com', 'moodledev.io'],
  signatures,
  subfolderInstalls: true,
  // Moodle's forum discussion page and calendar (/mod/forum/discuss.php, /calendar/view.php).
  routeWords: ['discuss.php', 'calendar'],
  contexts: [
    { id: 'grader', name: 'Grader', match: [{ path: '/mod/assign/view.php', query: { action: 'grader' } }] },
    { id: 'submissions', name: 'Submissions', match: [{ path: '/mod/assign/view.php', query: { action: 'grading' } }] },
    { id: 'assignment', name: 'Assignment', match: [{ path: '/mod/assign/view.php' }] },
    { id: 'quiz-editor', name: 'Quiz editor', match: [{ path: '/mod/quiz/edit.php' }] },
    { id: 'quiz', name: 'Quiz', match: [{ path: '/mod/quiz/view.php' }] },
    { id: 'forum', name: 'Forum', match: [{ path: '/mod/forum/*' }] },
    { id: 'activity-editor', name: 'Activity editor', match: [{ path: '/course/modedit.php' }] },
    { id: 'course-home', name: 'Course home', match: [{ path: '/course/view.php' }] },
    { id: 'participants', name: 'Participants', match: [{ path: '/user/index.php' }] },
    { id: 'gradebook', name: 'Gradebook', match: [{ path: '/grade/report/grader/index.php' }] },
    { id: 'dashboard', name: 'Dashboard', match: [{ path: '/my' }, { path: '/my/index.php' }] },
  ],
};

const moodlePage = (id: string, layout: string) =>
  `<head><meta name="keywords" content="moodle, Biology 7"></head><body id="page-${id}" class="path-mod pagelayout-${layout} course-2"></body>`;

export const examples: ToolExample[] = [
  { url: 'https://district.moodlecloud.com/my/', context: 'dashboard' },
  { url: 'https://district.moodlecloud.com/course/view.php?id=12', context: 'course-home' },
  { url: 'https://district.moodlecloud.com/user/index.php?id=12', context: 'participants' },
  { url: 'https://district.moodlecloud.com/grade/report/grader/index.php?id=12', context: 'gradebook' },
  { url: 'https://district.moodlecloud.com/mod/assign/view.php?id=345', context: 'assignment' },
  { url: 'https://district.moodlecloud.com/mod/assign/view.php?id=345&action=grading', context: 'submissions' },
  { url: 'https://district.moodlecloud.com/mod/assign/view.php?id=345&rownum=0&action=grader&userid=7', context: 'grader' },
  { url: 'https://district.moodlecloud.com/mod/quiz/view.php?id=346', context: 'quiz' },
  { url: 'https://district.moodlecloud.com/mod/quiz/edit.php?cmid=346', context: 'quiz-editor' },
  { url: 'https://district.moodlecloud.com/mod/forum/discuss.php?d=88', context: 'forum' },
  { url: 'https://district.moodlecloud.com/course/modedit.php?add=assign&type=&course=12&section=1&return=0', context: 'activity-editor' },
  { url: 'https://district.moodlecloud.com/calendar/view.php?view=month', context: null },
  {
    url: 'https://learn.school.example/mod/assign/view.php?id=345&action=grader',
    context: 'grader',
    html: moodlePage('mod-assign-grader', 'embedded'),
  },
  {
    url: 'https://vle.school.example/my/',
    context: 'dashboard',
    html: moodlePage('my-index', 'mydashboard'),
  },
  { url: 'https://lms.school.example/moodle/course/view.php?id=12', context: 'course-home', shell: 'moodle/boost-subfolder.html' },
  { url: 'https://lms.school.example/moodle/my/', context: 'dashboard', shell: 'moodle/boost-subfolder.html' },
  { url: 'https://lms.school.example/lms/moodle/mod/assign/view.php?id=345', context: 'assignment', shell: 'moodle/boost-subfolder.html' },
  { url: 'https://lms.school.example/moodle/', context: null, shell: 'moodle/boost-subfolder.html' },
  {
    url: 'https://learn.school.example/mod/assign/view.php?id=345&action=grader',
    context: 'grader',
    shell: 'moodle/theme-own-keywords.html',
  },
];

export const notTheTool: LookAlikeExample[] = [
  {
    url: 'https://www.lincoln-ms.example/moodle-help/',
    why: "a school page about Moodle, with Moodle in its keywords and links to the school's Moodle",
    shell: 'moodle/links-to-moodle.html',
  },
];
