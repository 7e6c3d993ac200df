/** Ids and contexts of the tool catalogue (37 tools), with the words each one's help pages use. */

export interface ToolInfo {
  id: string;
  name: string;
  contexts: string[];
  features: string[];
}

// Ids and contexts of the tool catalogue (37 tools); features are the words its help pages use.

export const TOOLS: ToolInfo[] = [
  {
    id: 'canvas',
    name: 'Canvas',
    contexts: ['speedgrader', 'gradebook', 'modules', 'assignment-editor', 'quizzes', 'announcements', 'pages', 'discussions'],
    features: ['SpeedGrader', 'Gradebook', 'Modules', 'Rich Content Editor', 'New Quizzes', 'Student View', 'Commons', 'Outcomes'],
  },
  {
    id: 'google-classroom',
    name: 'Google Classroom',
    contexts: ['stream', 'classwork', 'grades', 'grader', 'people', 'student-work'],
    features: ['Stream', 'Classwork', 'Topics', 'Grading tool', 'Comment bank', 'Guardian summaries', 'Originality reports'],
  },
  {
    id: 'schoology',
    name: 'Schoology',
    contexts: ['materials', 'updates', 'gradebook', 'assessment'],
    features: ['Materials', 'Updates', 'Mastery', 'Resources', 'Grade setup'],
  },
  {
    id: 'moodle',
    name: 'Moodle',
    contexts: ['course-home', 'gradebook', 'quiz-editor', 'forum', 'submissions'],
    features: ['Activity completion', 'Question bank', 'Gradebook setup', 'Forum', 'Restrict access'],
  },
  {
    id: 'brightspace',
    name: 'D2L Brightspace',
    contexts: ['content', 'gradebook', 'assignments', 'quizzes', 'discussions'],
    features: ['Content', 'Release conditions', 'Intelligent Agents', 'Quiz library', 'Rubrics'],
  },
  {
    id: 'blackboard',
    name: 'Blackboard Learn',
    contexts: ['course-home', 'gradebook', 'content-editor', 'assessment'],
    features: ['Ultra course view', 'Grade Center', 'Collaborate', 'Test availability exceptions'],
  },
  {
    id: 'seesaw',
    name: 'Seesaw',
    contexts: ['activities', 'journal'],
    features: ['Journal', 'Activity library', 'Family app', 'Skills', 'Portfolio'],
  },
  {
    id: 'nearpod',
    name: 'Nearpod',
    contexts: ['library', 'presentation', 'live-lesson'],
    features: ['Live Participation', 'Student-paced', 'Collaborate Board', 'Time to Climb', 'Draw It'],
  },
  {
    id: 'edpuzzle',
    name: 'Edpuzzle',
    contexts: ['class', 'media', 'assignment'],
    features: ['Prevent skipping', 'Voiceover', 'Audio notes', 'Gradebook'],
  },
  { id: 'padlet', name: 'Padlet', contexts: ['dashboard', 'board'], features: ['Wall', 'Shelf', 'Timeline', 'Map', 'Require approval'] },
  {
    id: 'kahoot',
    name: 'Kahoot!',
    contexts: ['editor', 'details', 'discover', 'host'],
    features: ['Challenge', 'Team mode', 'Reports', 'Question bank', 'Ghost mode'],
  },
  {
    id: 'quizizz',
    name: 'Wayground',
    contexts: ['library', 'quiz', 'editor'],
    features: ['Power-ups', 'Redemption questions', 'Lessons', 'Accommodations'],
  },
  {
    id: 'pear-deck',
    name: 'Pear Deck',
    contexts: ['home', 'student-session'],
    features: ['Teacher dashboard', 'Student-paced mode', 'Takeaways', 'Interactive slides'],
  },
  {
    id: 'desmos',
    name: 'Desmos Classroom',
    contexts: ['activity-builder', 'activity-library', 'calculator'],
    features: ['Teacher pacing', 'Pause class', 'Snapshots', 'Anonymize'],
  },
  { id: 'blooket', name: 'Blooket', contexts: ['my-sets', 'set'], features: ['Question sets', 'Game modes', 'Homework mode'] },
  { id: 'gimkit', name: 'Gimkit', contexts: ['kit', 'creative', 'dashboard'], features: ['Kits', 'Assignments', 'KitCollab'] },
  {
    id: 'khan-academy',
    name: 'Khan Academy',
    contexts: ['teacher-dashboard', 'class', 'content'],
    features: ['Course mastery', 'Assignments', 'Khanmigo', 'Skill progress'],
  },
  { id: 'newsela', name: 'Newsela', contexts: ['article', 'search'], features: ['Text sets', 'Reading level', 'Quizzes', 'Annotations'] },
  { id: 'ixl', name: 'IXL', contexts: ['analytics', 'skill'], features: ['Diagnostic', 'SmartScore', 'Skill plans', 'Analytics'] },
  { id: 'kami', name: 'Kami', contexts: ['viewer', 'share-link'], features: ['Markup', 'Text box', 'Voice comments', 'Split and merge'] },
  {
    id: 'canva',
    name: 'Canva',
    contexts: ['design-editor', 'design-view'],
    features: ['Templates', 'Magic Write', 'Classroom assignments', 'Presentations'],
  },
  {
    id: 'book-creator',
    name: 'Book Creator',
    contexts: ['library', 'editor'],
    features: ['Comics', 'Read to me', 'Libraries', 'Co-authoring'],
  },
  { id: 'wakelet', name: 'Wakelet', contexts: ['collection'], features: ['Collections', 'Spaces', 'Immersive Reader'] },
  { id: 'formative', name: 'Formative', contexts: ['editor', 'responses'], features: ['Live responses', 'Standards', 'Item bank'] },
  { id: 'screencastify', name: 'Screencastify', contexts: [], features: ['Recorder', 'Editor', 'Submit', 'Watch history'] },
  { id: 'youtube', name: 'YouTube', contexts: ['video', 'studio'], features: ['Playlists', 'Captions', 'Clips', 'Restricted mode'] },
  {
    id: 'google-docs',
    name: 'Google Docs',
    contexts: ['editor', 'home'],
    features: ['Suggesting mode', 'Voice typing', 'Version history', 'Explore'],
  },
  {
    id: 'google-slides',
    name: 'Google Slides',
    contexts: ['editor', 'presenting'],
    features: ['Speaker notes', 'Q&A', 'Master slides', 'Transitions'],
  },
  {
    id: 'google-forms',
    name: 'Google Forms',
    contexts: ['editor', 'responses', 'respond'],
    features: ['Quiz settings', 'Answer key', 'Sections', 'Locked mode'],
  },
  {
    id: 'google-sheets',
    name: 'Google Sheets',
    contexts: ['editor', 'home'],
    features: ['Conditional formatting', 'Filters', 'Protected ranges', 'Charts'],
  },
  { id: 'google-drive', name: 'Google Drive', contexts: ['home'], features: ['Shared drives', 'Folders', 'Sharing settings', 'Shortcuts'] },
  {
    id: 'google-meet',
    name: 'Google Meet',
    contexts: ['meeting', 'home'],
    features: ['Breakout rooms', 'Captions', 'Polls', 'Attendance tracking'],
  },
  {
    id: 'microsoft-teams',
    name: 'Microsoft Teams',
    contexts: ['home', 'class-channel', 'assignments'],
    features: ['Assignments', 'Class Notebook', 'Reading Progress', 'Insights'],
  },
  { id: 'microsoft-forms', name: 'Microsoft Forms', contexts: ['editor', 'respond'], features: ['Quiz', 'Branching', 'Practice mode'] },
  { id: 'clever', name: 'Clever', contexts: ['portal'], features: ['Teacher page', 'Badges', 'Library'] },
  { id: 'classlink', name: 'ClassLink', contexts: ['launchpad'], features: ['LaunchPad', 'My Files', 'Roster Server'] },
  {
    id: 'powerschool',
    name: 'PowerSchool',
    contexts: ['teacher', 'gradebook'],
    features: ['PowerTeacher Pro', 'Attendance', 'Standards grading'],
  },
];
