import Fuse from 'fuse.js';
import type { Card } from '../../utils/cards/schema';
import { createSearchIndex } from '../../utils/search/engine';
import type { BenchSection } from './types';

/**
 * Search at district scale: 10,000 generated cards across the catalogue's tools, our index
 * against naive fuse.js (every key, every card) on the same queries in the same run.
 */

const CARD_COUNT = 10_000;
const SEED = 20_261_122;
const WARM_UP_ROUNDS = 3;
const TIMED_ROUNDS = 5;
const NAIVE_WARM_UP_QUERIES = 2;

/** Typed the way teachers type: typos, half-typed words, synonyms, a tool name. */
export const BENCH_QUERIES = [
  'rubrik',
  'anouncement',
  'embedd vidoe',
  'speedgrader rubric',
  'gradebok late policy',
  'duplicat asignment',
  'shedule post',
  'breakout rom',
  'google clasroom quiz',
  'kahot homework',
  'nearpd live lesson',
  'seesaw jounral',
  'captions',
  'extra time on a quiz',
  'parent email summary',
  'comment bank',
  'reuse post from another class',
  'delete submision',
  'co teacher',
  'vid',
  'rub',
  'speedgr',
  'annotat pdf',
  'move a module',
  'publish course',
  'due date',
  'mark essays',
  'clip with questions',
  'upload file to drive',
  'attendence',
];

interface ToolInfo {
  id: string;
  name: string;
  contexts: string[];
  features: string[];
}

// Ids and contexts of the tool catalogue (37 tools); features are the words its help pages use.
const TOOLS: ToolInfo[] = [
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

const VERBS = [
  'create',
  'grade',
  'share',
  'embed',
  'post',
  'schedule',
  'duplicate',
  'delete',
  'archive',
  'import',
  'export',
  'assign',
  'reuse',
  'record',
  'comment on',
  'annotate',
  'publish',
  'unpublish',
  'add',
  'remove',
  'edit',
  'rename',
  'move',
  'organize',
  'sort',
  'filter',
  'print',
  'download',
  'upload',
  'attach',
  'link',
  'invite',
  'mute',
  'pin',
  'hide',
  'lock',
  'unlock',
  'return',
  'review',
  'approve',
  'copy',
  'restore',
  'excuse',
  'curve',
  'drop',
  'weight',
  'translate',
  'caption',
  'present',
  'launch',
  'pause',
  'preview',
  'set up',
  'turn on',
  'turn off',
  'change',
  'message',
  'remind',
  'track',
  'differentiate',
  'group',
  'randomize',
  'shuffle',
  'release',
  'submit',
  'resubmit',
];

const OBJECTS = [
  'rubric',
  'quiz',
  'assignment',
  'announcement',
  'video',
  'question',
  'class',
  'student',
  'group',
  'module',
  'page',
  'discussion',
  'gradebook',
  'comment',
  'link',
  'file',
  'folder',
  'due date',
  'late policy',
  'submission',
  'essay',
  'worksheet',
  'lesson',
  'slide',
  'presentation',
  'poll',
  'survey',
  'test',
  'exam',
  'report',
  'score',
  'grade',
  'attendance',
  'roster',
  'section',
  'co-teacher',
  'parent',
  'guardian',
  'email',
  'calendar',
  'event',
  'topic',
  'material',
  'resource',
  'template',
  'image',
  'audio recording',
  'voice note',
  'caption',
  'transcript',
  'breakout room',
  'meeting',
  'recording',
  'playlist',
  'collection',
  'board',
  'post',
  'reply',
  'journal',
  'portfolio',
  'badge',
  'points',
  'standard',
  'outcome',
  'skill',
  'mastery',
  'accommodation',
  'extra time',
  'attempt',
  'answer key',
  'feedback',
  'comment bank',
  'annotation',
  'pdf',
  'document',
  'spreadsheet',
  'form',
  'response',
  'notification',
  'reminder',
  'deadline',
  'homework',
  'project',
  'reading level',
  'text set',
  'category',
  'weighting',
  'extra credit',
  'missing work',
  'late work',
  'seating chart',
  'timer',
  'code',
];

const UI_WORDS = [
  'button',
  'menu',
  'tab',
  'panel',
  'icon',
  'settings',
  'toolbar',
  'sidebar',
  'dialog',
  'list',
  'header',
  'column',
  'row',
  'checkbox',
  'toggle',
  'dropdown',
  'link',
  'card',
  'page',
  'window',
  'field',
  'box',
  'option',
  'filter',
];

const PLACES = [
  'top right',
  'left sidebar',
  'course navigation',
  'three-dot menu',
  'toolbar',
  'bottom of the page',
  'class header',
  'gear icon',
];

const FILLERS = [
  'so students see it right away',
  'before the lesson starts',
  'for the whole class',
  'for one section only',
  'without losing student work',
  'to save time next term',
  'for students with an accommodation plan',
  'so families stay informed',
  'when you finish grading',
  'during a live session',
  'for absent students',
  'to check understanding',
  'at the end of a unit',
  'for the next school year',
  'with a single click',
];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ster',
  'ven',
  'tra',
  'dor',
  'pel',
  'qui',
  'ran',
  'sol',
  'tem',
  'bri',
  'cal',
  'fen',
  'gor',
  'hul',
  'jin',
  'mor',
  'nax',
  'pru',
  'sen',
  'tiv',
  'wex',
  'zan',
  'ble',
  'cro',
  'dri',
  'ept',
  'fla',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same cards. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Generates `count` cards. Besides the common how-to words, each card carries a few rarer words
 * (course names, proper nouns, jargon) drawn from a long-tailed pool, so the vocabulary grows
 * with the pack as real text does, and typo look-ups face a realistic number of words.
 */
export function generateCards(count: number, seed = SEED): Card[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  const rarePool: string[] = [];
  const seen = new Set<string>();
  while (rarePool.length < 15_000) {
    let word = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i++) word += pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      rarePool.push(word);
    }
  }
  // Zipf-like: a few rare words are common, most appear once or twice.
  const rareWord = () => rarePool[Math.floor(rarePool.length * random() ** 2.2)] as string;

  const cards: Card[] = [];
  for (let index = 0; index < count; index++) {
    const tool = pick(TOOLS);
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const other = pick(OBJECTS);
    const feature = pick(tool.features);
    const title = `${capital(verb)} ${random() < 0.5 ? 'a' : 'the'} ${object} ${random() < 0.5 ? `in ${tool.name}` : `with ${feature}`}`;
    const summary = `${capital(verb)} ${object}s and ${other}s ${pick(FILLERS)}. Uses ${feature} in ${tool.name} (${rareWord()} ${rareWord()}).`;
    const steps: string[] = [];
    const stepCount = 3 + Math.floor(random() * 5);
    for (let s = 0; s < stepCount; s++) {
      const label = capital(pick([verb, pick(VERBS), pick(OBJECTS)]));
      steps.push(
        pick([
          `Open **${feature}** from the ${pick(PLACES)}.`,
          `Click **${label}** in the ${pick(UI_WORDS)} and choose the ${pick(OBJECTS)}.`,
          `Select the ${pick(OBJECTS)} for ${rareWord()}, then click **Save**.`,
          `Use the ${pick(UI_WORDS)} to ${pick(VERBS)} the ${pick(OBJECTS)} ${pick(FILLERS)}.`,
          `Check the ${pick(OBJECTS)} in [${feature}](https://example.org/help/${index}/${s}) and ${pick(VERBS)} it.`,
          `Tip: ${pick(FILLERS)}, ${pick(VERBS)} each ${pick(OBJECTS)} (for example ${rareWord()}).`,
        ]),
      );
    }
    const tags = [...new Set([object, other, feature.toLowerCase(), pick(VERBS), rareWord()])].slice(0, 3 + Math.floor(random() * 3));
    const links = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, l) => ({
      title: `${capital(pick(VERBS))} ${pick(OBJECTS)}s in ${tool.name}`,
      url: `https://example.org/${tool.id}/${index}/${l}`,
      kind: pick(['video', 'article', 'help'] as const),
    }));
    const contexts = tool.contexts.length > 0 && random() < 0.8 ? [pick(tool.contexts)] : [];
    cards.push({
      id: `bench-${tool.id}-${index}`,
      title,
      summary,
      steps,
      tools: random() < 0.1 ? [tool.id, pick(TOOLS).id] : [tool.id],
      contexts,
      tags,
      level: pick(['beginner', 'intermediate', 'advanced'] as const),
      links,
    });
  }
  return cards;
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[position] as number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapAfter<T>(build: () => T): { value: T; heapBytes: number; ms: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  collectGarbage();
  return { value, heapBytes: process.memoryUsage().heapUsed - before, ms };
}

function timeQueries(run: (query: string, round: number) => void, rounds: number, queries: readonly string[]): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      run(query, round);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const megabytes = (bytes: number) => round2(bytes / (1024 * 1024));

export async function benchSearch(): Promise<BenchSection> {
  const cards = generateCards(CARD_COUNT);
  const toolOf = (index: number) => TOOLS[index % TOOLS.length]?.id;

  // Cold: the per-word cache is off, so every query pays for its typo and prefix look-ups, as
  // each keystroke does for the word being typed.
  const ours = heapAfter(() => createSearchIndex(cards, { wordCacheSize: 0 }));
  const runOurs = (index: ReturnType<typeof createSearchIndex>) => (query: string, round: number) =>
    index.search(query, { tool: toolOf(round), limit: 20 });
  timeQueries(runOurs(ours.value), WARM_UP_ROUNDS, BENCH_QUERIES);
  const oursCold = timeQueries(runOurs(ours.value), TIMED_ROUNDS, BENCH_QUERIES);

  const cached = createSearchIndex(cards);
  timeQueries(runOurs(cached), WARM_UP_ROUNDS, BENCH_QUERIES);
  const oursWarm = timeQueries(runOurs(cached), TIMED_ROUNDS, BENCH_QUERIES);

  const naive = heapAfter(() => new Fuse(cards, { keys: ['title', 'tags', 'summary', 'steps', 'links.title'] }));
  timeQueries((query) => naive.value.search(query, { limit: 20 }), 1, BENCH_QUERIES.slice(0, NAIVE_WARM_UP_QUERIES));
  const naiveSamples = timeQueries((query) => naive.value.search(query, { limit: 20 }), 1, BENCH_QUERIES);

  const p50 = percentile(oursCold, 0.5);
  const p95 = percentile(oursCold, 0.95);
  const naiveP50 = percentile(naiveSamples, 0.5);
  const naiveP95 = percentile(naiveSamples, 0.95);

  return {
    title: `Card search: ${CARD_COUNT.toLocaleString('en')} generated cards, ${BENCH_QUERIES.length} queries (baseline: naive fuse.js, every key, every card)`,
    rows: [
      { name: 'vocabulary (distinct words)', value: ours.value.vocabularySize, unit: 'words' },
      { name: 'build time', value: round2(ours.ms), unit: 'ms', baseline: round2(naive.ms) },
      { name: 'query p50', value: round2(p50), unit: 'ms', baseline: round2(naiveP50) },
      { name: 'query p95', value: round2(p95), unit: 'ms', goal: '≤ 10 ms', baseline: round2(naiveP95) },
      { name: 'speed-up at p50 (naive ÷ ours)', value: round2(naiveP50 / p50), unit: '×', goal: '≥ 50×' },
      { name: 'speed-up at p95 (naive ÷ ours)', value: round2(naiveP95 / p95), unit: '×', goal: '≥ 50×' },
      { name: 'query p50, typo look-ups cached', value: round2(percentile(oursWarm, 0.5)), unit: 'ms' },
      { name: 'query p95, typo look-ups cached', value: round2(percentile(oursWarm, 0.95)), unit: 'ms' },
      { name: 'heap used after build', value: megabytes(ours.heapBytes), unit: 'MB', baseline: megabytes(naive.heapBytes) },
    ],
  };
}
