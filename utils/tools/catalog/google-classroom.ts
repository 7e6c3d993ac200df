import type { ToolDef, ToolExample } from '../types';

export const tool: ToolDef = {
  id: 'google-classroom',
  name: 'Google Classroom',
  category: 'lms',
  hosts: ['classroom.google.com'],
  accountPrefix: true,
  // Classroom's tab, filter and sort routes (/w/<id>/t/all, /r/<id>/sort-last-name, …).
  routeWords: ['t', 'tc', 'all', 's', 'sort-last-name', 'by-status', 'and-sort-last-name', 'not-reviewed', 'this-week', 'course'],
  contexts: [
    { id: 'student-work', name: 'Student work', match: [{ path: '/c/:id/a/:id/submissions/*' }] },
    { id: 'assignment', name: 'Assignment', match: [{ path: '/c/:id/a/:id/details' }] },
    { id: 'material', name: 'Material', match: [{ path: '/c/:id/m/:id/details' }] },
    { id: 'grades', name: 'Grades', match: [{ path: '/c/:id/gb/*' }] },
    { id: 'stream', name: 'Stream', match: [{ path: '/c/:id' }] },
    { id: 'classwork', name: 'Classwork', match: [{ path: '/w/:id/*' }] },
    { id: 'people', name: 'People', match: [{ path: '/r/:id/*' }] },
    { id: 'grader', name: 'Grading tool', match: [{ path: '/g/tg/*' }, { path: '/g/sr/*' }] },
    { id: 'to-review', name: 'To review', match: [{ path: '/ta/*' }] },
    { id: 'calendar', name: 'Calendar', match: [{ path: '/calendar/*' }] },
    { id: 'home', name: 'Classes', match: [{ path: '/' }, { path: '/h' }] },
  ],
};

export const examples: ToolExample[] = [
  { url: 'https://classroom.google.com/', context: 'home' },
  { url: 'https://classroom.google.com/u/1/h', context: 'home' },
  { url: 'https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5', context: 'stream' },
  { url: 'https://classroom.google.com/u/0/c/NjQ4MTIzNDU2Nzg5', context: 'stream' },
  { url: 'https://classroom.google.com/w/NjQ4MTIzNDU2Nzg5/t/all', context: 'classwork' },
  { url: 'https://classroom.google.com/u/2/w/NjQ4MTIzNDU2Nzg5/tc/NjQ4', context: 'classwork' },
  { url: 'https://classroom.google.com/s', context: null },
  { url: 'https://classroom.google.com/r/NjQ4MTIzNDU2Nzg5/sort-last-name', context: 'people' },
  { url: 'https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5/gb/sort-last-name', context: 'grades' },
  { url: 'https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5/a/NzEyMzQ1Njc4/details', context: 'assignment' },
  { url: 'https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5/m/NzEyMzQ1Njc4/details', context: 'material' },
  {
    url: 'https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5/a/NzEyMzQ1Njc4/submissions/by-status/and-sort-last-name/all',
    context: 'student-work',
  },
  { url: 'https://classroom.google.com/g/tg/NjQ4MTIzNDU2Nzg5/NzEyMzQ1Njc4', context: 'grader' },
  { url: 'https://classroom.google.com/g/sr/NjQ4MTIzNDU2Nzg5/NzEyMzQ1Njc4/ODk', context: 'grader' },
  { url: 'https://classroom.google.com/ta/not-reviewed/all', context: 'to-review' },
  { url: 'https://classroom.google.com/calendar/this-week/course/all', context: 'calendar' },
];
