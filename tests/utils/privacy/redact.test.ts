import { describe, expect, it } from 'vitest';
import { pageUrlToSend, redactUrl } from '../../../utils/privacy/redact';

interface HostileCase {
  what: string;
  url: string;
  sent: string;
  /** Words of a person's name or login that must not appear in what is sent. */
  names: string[];
}

/** Pages whose path carries a student's name where the old id-shape guess saw only words. */
const HOSTILE: HostileCase[] = [
  {
    what: 'a Canvas page slug',
    url: 'https://district.instructure.com/courses/12/pages/maria-lopez-iep-accommodations',
    sent: 'https://district.instructure.com/courses/:id/pages/:id',
    names: ['maria', 'lopez', 'iep'],
  },
  {
    what: 'a Canvas page slug in the editor',
    url: 'https://district.instructure.com/courses/12/pages/maria-lopez-iep-accommodations/edit',
    sent: 'https://district.instructure.com/courses/:id/pages/:id/edit',
    names: ['maria', 'lopez'],
  },
  {
    what: 'Canvas file folders',
    url: 'https://district.instructure.com/courses/12/files/folder/Students/Maria%20Lopez',
    sent: 'https://district.instructure.com/courses/:id/files/folder/:id/:id',
    names: ['students', 'maria', 'lopez'],
  },
  {
    what: "a Canvas group's page",
    url: 'https://district.instructure.com/groups/345/pages/maria-and-jayden-lab-notes',
    sent: 'https://district.instructure.com/groups/:id/pages/:id',
    names: ['maria', 'jayden'],
  },
  {
    what: "a Canvas group's files",
    url: 'https://district.instructure.com/groups/345/files/folder/Lopez%20Garcia%20Team',
    sent: 'https://district.instructure.com/groups/:id/files/folder/:id',
    names: ['lopez', 'garcia'],
  },
  {
    what: 'a Canvas SIS login id',
    url: 'https://district.instructure.com/users/sis_login_id:jdoe',
    sent: 'https://district.instructure.com/users/:id',
    names: ['jdoe', 'sis_login_id'],
  },
  {
    what: 'a Canvas SIS login id in a course roster',
    url: 'https://district.instructure.com/courses/12/users/sis_login_id:mlopez',
    sent: 'https://district.instructure.com/courses/:id/users/:id',
    names: ['mlopez'],
  },
  {
    what: 'a Canvas discussion topic with extras after its id',
    url: 'https://district.instructure.com/courses/12/discussion_topics/45/maria-lopez-reply',
    sent: 'https://district.instructure.com/courses/:id/discussion_topics/:id/:id',
    names: ['maria', 'lopez'],
  },
  {
    what: 'a Canvas discussion entry',
    url: 'https://district.instructure.com/courses/12/discussion_entries/maria-lopez',
    sent: 'https://district.instructure.com/courses/:id/discussion_entries/:id',
    names: ['maria', 'lopez'],
  },
  {
    what: 'an e-mail address and credentials on Canvas',
    url: 'https://user:secret@district.instructure.com/users/jane.doe%40district.org/profile',
    sent: 'https://district.instructure.com/users/:id/profile',
    names: ['jane', 'doe', 'secret', 'user:'],
  },
  {
    what: 'a student in the Schoology gradebook',
    url: 'https://district.schoology.com/course/5551234567/gradebook/student/maria.lopez',
    sent: 'https://district.schoology.com/course/:id/gradebook/:id/:id',
    names: ['maria', 'lopez'],
  },
  {
    what: 'a Seesaw student page by path',
    url: 'https://app.seesaw.me/student/maria-lopez/journal',
    sent: 'https://app.seesaw.me/:id/:id/:id',
    names: ['maria', 'lopez'],
  },
  {
    what: 'an Edpuzzle student',
    url: 'https://edpuzzle.com/assignments/60a1b2c3d4e5f6a7b8c9d0e2/students/maria-lopez',
    sent: 'https://edpuzzle.com/assignments/:id/students/:id',
    names: ['maria', 'lopez'],
  },
  {
    what: 'a Meet nickname',
    url: 'https://meet.google.com/lookup/mslopezhomeroom?authuser=1',
    sent: 'https://meet.google.com/lookup/:id',
    names: ['lopez', 'homeroom'],
  },
  {
    what: 'a Docs id without digits, behind the account prefix',
    url: 'https://docs.google.com/document/u/1/d/MariaLopezPlan/edit',
    sent: 'https://docs.google.com/document/u/:id/d/:id/edit',
    names: ['maria', 'lopez'],
  },
  {
    what: 'a Docs id in lower case',
    url: 'https://docs.google.com/document/d/abcdefghijklmnopqrstuvwxyz_abcdefghijklmnop/edit',
    sent: 'https://docs.google.com/document/d/:id/edit',
    names: ['abcdefghijklmnop'],
  },
  {
    what: 'a Canvas page on a host that only looks like Instructure',
    url: 'https://district.instructure.com.evil.example/courses/12/pages/maria-lopez',
    sent: 'https://district.instructure.com.evil.example/:id/:id/:id/:id',
    names: ['maria', 'lopez'],
  },
];

describe('redactUrl keeps no student name in a path', () => {
  for (const { what, url, sent, names } of HOSTILE) {
    it(`${what}: ${url}`, () => {
      const out = redactUrl(url);
      expect(out).toBe(sent);
      const lower = out.toLowerCase();
      for (const name of names) expect(lower, name).not.toContain(name.toLowerCase());
    });
  }
});

/** Ordinary pages of the main tools: coaches still see which page it was. */
const ORDINARY: Array<[string, string]> = [
  [
    'https://district.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=5&student_id=99#comments',
    'https://district.instructure.com/courses/:id/gradebook/speed_grader',
  ],
  ['https://district.instructure.com/courses/1234/gradebook', 'https://district.instructure.com/courses/:id/gradebook'],
  ['https://district.instructure.com/courses/1234/modules', 'https://district.instructure.com/courses/:id/modules'],
  ['https://district.instructure.com/courses/1234/modules/items/88', 'https://district.instructure.com/courses/:id/modules/items/:id'],
  [
    'https://district.instructure.com/courses/1234/assignments/5678/edit',
    'https://district.instructure.com/courses/:id/assignments/:id/edit',
  ],
  ['https://district.instructure.com/courses/1234/files/folder/unit-1', 'https://district.instructure.com/courses/:id/files/folder/:id'],
  ['https://district.quiz-lti-iad-prod.instructure.com/build/42', 'https://district.quiz-lti-iad-prod.instructure.com/build/:id'],
  ['https://classroom.google.com/u/1/c/NjQ4MTIzNDU2Nzg5', 'https://classroom.google.com/u/:id/c/:id'],
  ['https://classroom.google.com/w/NjQ4MTIzNDU2Nzg5/t/all', 'https://classroom.google.com/w/:id/t/all'],
  ['https://classroom.google.com/c/NjQ4MTIzNDU2Nzg5/a/NzEyMzQ1Njc4/details', 'https://classroom.google.com/c/:id/a/:id/details'],
  [
    'https://classroom.google.com/u/1/c/NjQ4MTIzNDU2Nzg5/a/NzEyMzQ1Njc4/submissions/by-status/and-sort-last-name/all',
    'https://classroom.google.com/u/:id/c/:id/a/:id/submissions/by-status/and-sort-last-name/all',
  ],
  [
    'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789/edit?usp=sharing',
    'https://docs.google.com/document/d/:id/edit',
  ],
  ['https://docs.google.com/u/1/document/d/1aB2cD3eF4gH5iJ6kL7mN8oP9/edit', 'https://docs.google.com/u/:id/document/d/:id/edit'],
  ['https://docs.google.com/document/u/0/', 'https://docs.google.com/document/u/:id/'],
  ['https://app.schoology.com/course/5551234567/materials?f=123', 'https://app.schoology.com/course/:id/materials'],
  ['https://district.schoology.com/course/5551234567/gradebook', 'https://district.schoology.com/course/:id/gradebook'],
  ['https://app.schoology.com/assignment/6661234567/assessment', 'https://app.schoology.com/assignment/:id/assessment'],
  ['https://app.seesaw.me/#/class/class.1a2b3c/journal', 'https://app.seesaw.me/'],
  ['https://app.nearpod.com/presentation?pin=72DQ8', 'https://app.nearpod.com/presentation'],
  ['https://nearpod.com/library/folder/123', 'https://nearpod.com/library/folder/:id'],
  ['https://district.moodlecloud.com/mod/assign/view.php?id=345&action=grader', 'https://district.moodlecloud.com/mod/assign/view.php'],
  ['https://meet.google.com/abc-defg-hij', 'https://meet.google.com/:id'],
  ['https://padlet.com/jsmith/our-class-wall', 'https://padlet.com/:id/:id'],
];

describe('redactUrl keeps the route words of the tool', () => {
  for (const [input, expected] of ORDINARY) {
    it(`${input} → ${expected}`, () => expect(redactUrl(input)).toBe(expected));
  }

  it('keeps a route word as the page wrote it, in any case, but not an encoded spelling of one', () => {
    expect(redactUrl('https://district.instructure.com/Courses/12/Pages')).toBe('https://district.instructure.com/Courses/:id/Pages');
    expect(redactUrl('https://district.instructure.com/courses/12/%70ages/intro')).toBe(
      'https://district.instructure.com/courses/:id/:id/:id',
    );
  });

  it("does not lend one tool's words to another: Canvas words on Padlet are ids", () => {
    expect(redactUrl('https://padlet.com/courses/gradebook')).toBe('https://padlet.com/:id/:id');
  });
});

describe('redactUrl on a host no catalogue tool owns', () => {
  const cases: Array<[string, string]> = [
    // A school's own Canvas is recognised by its page structure, not its URL: without that
    // recognition nothing says which words are routes there, so every segment goes as ":id".
    [
      'https://lms.district.k12.example/courses/1234/gradebook/speed_grader?assignment_id=5',
      'https://lms.district.k12.example/:id/:id/:id/:id',
    ],
    ['https://lms.district.example/course/view.php?id=7', 'https://lms.district.example/:id/:id'],
    ['https://user:secret@lms.district.example/users/jane.doe@district.org/profile', 'https://lms.district.example/:id/:id/:id'],
    ['https://lms.district.example/~jdoe/files', 'https://lms.district.example/:id/:id'],
    ['https://community.instructure.com/t5/Canvas-Question-Forum/bd-p/canvas', 'https://community.instructure.com/:id/:id/:id/:id'],
    ['https://x.example:8443/a/b/', 'https://x.example:8443/:id/:id/'],
    ['https://x.example/', 'https://x.example/'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => expect(redactUrl(input)).toBe(expected));
  }

  it("keeps the recognised tool's route words on a school's own install, and nothing else", () => {
    const speedGrader = 'https://lms.district.k12.example/courses/1234/gradebook/speed_grader?assignment_id=5';
    expect(redactUrl(speedGrader, 'canvas')).toBe('https://lms.district.k12.example/courses/:id/gradebook/speed_grader');
    expect(redactUrl('https://lms.district.k12.example/courses/12/pages/maria-lopez-iep-accommodations', 'canvas')).toBe(
      'https://lms.district.k12.example/courses/:id/pages/:id',
    );
    expect(pageUrlToSend(speedGrader, false, 'canvas')).toBe('https://lms.district.k12.example/courses/:id/gradebook/speed_grader');
    // The catalogue's own host decides over what the page was recognised as.
    expect(redactUrl('https://padlet.com/courses/gradebook', 'canvas')).toBe('https://padlet.com/:id/:id');
    expect(redactUrl(speedGrader, 'no-such-tool')).toBe('https://lms.district.k12.example/:id/:id/:id/:id');
  });
});

describe('redactUrl', () => {
  it('gives a reference already redacted back unchanged, account prefix included', () => {
    for (const url of [...HOSTILE.map((item) => item.url), ...ORDINARY.map(([input]) => input)]) {
      const once = redactUrl(url);
      expect(redactUrl(once), url).toBe(once);
    }
  });

  it('never keeps a query, a hash or an e-mail address', () => {
    const out = redactUrl('https://district.instructure.com/users/jane%40school.org/profile?email=jane@school.org#token=abc');
    expect(out).not.toMatch(/\?|#|@|jane/);
  });

  it('returns an empty string for what is not a web URL', () => {
    expect(redactUrl('not a url')).toBe('');
    expect(redactUrl('javascript:alert(1)')).toBe('');
    expect(redactUrl('file:///home/teacher/grades.csv')).toBe('');
  });
});
