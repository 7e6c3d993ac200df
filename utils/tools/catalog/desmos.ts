import type { ToolDef, ToolExample } from '../types';

// Only the classroom app and the graphing calculator are the tool; the rest of www.desmos.com
// (API docs, marketing) is not.
export const tool: ToolDef = {
  id: 'desmos',
  name: 'Desmos Classroom',
  category: 'classroom',
  hosts: ['teacher.desmos.com', 'www.desmos.com/calculator', 'classroom.amplify.com'],
  contexts: [
    { id: 'activity-builder', name: 'Activity Builder', match: [{ host: 'teacher.desmos.com', path: '/activitybuilder/custom/*' }] },
    { id: 'activity-library', name: 'Activity library', match: [{ host: 'teacher.desmos.com', path: '/activitybuilder/*' }] },
    { id: 'calculator', name: 'Graphing calculator', match: [{ path: '/calculator/*' }] },
    { id: 'activity', name: 'Activity', match: [{ host: 'classroom.amplify.com', path: '/activity/*' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://teacher.desmos.com/activitybuilder/custom/5da881f925473f001a69cc22', context: 'activity-builder' },
  { url: 'https://teacher.desmos.com/activitybuilder/custom/5da881f925473f001a69cc22/edit', context: 'activity-builder' },
  { url: 'https://teacher.desmos.com/activitybuilder', context: 'activity-library' },
  { url: 'https://teacher.desmos.com/activitybuilder/teacherguide/5da881f925473f001a69cc22', context: 'activity-library' },
  { url: 'https://www.desmos.com/calculator', context: 'calculator' },
  { url: 'https://www.desmos.com/calculator/abcd1234ef', context: 'calculator' },
  { url: 'https://classroom.amplify.com/activity/5da881f925473f001a69cc22', context: 'activity' },
  { url: 'https://teacher.desmos.com/', context: null },
  { url: 'https://classroom.amplify.com/', context: null },
];
