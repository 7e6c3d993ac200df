import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../utils/privacy/redact';

describe('redactUrl', () => {
  const cases: Array<[string, string]> = [
    [
      'https://district.instructure.com/courses/1234/gradebook/speed_grader?assignment_id=5&student_id=99#comments',
      'https://district.instructure.com/courses/:id/gradebook/speed_grader',
    ],
    [
      'https://district.instructure.com/courses/1234/pages/maria-garcia-reflection/edit',
      'https://district.instructure.com/courses/:id/pages/:id/edit',
    ],
    [
      'https://classroom.google.com/u/1/c/NjQ4MTIzNDU2Nzg5/a/NzEyMzQ1Njc4/details',
      'https://classroom.google.com/u/:id/c/:id/a/:id/details',
    ],
    [
      'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789/edit?usp=sharing',
      'https://docs.google.com/document/d/:id/edit',
    ],
    ['https://app.seesaw.me/#/class/class.1a2b3c/journal', 'https://app.seesaw.me/'],
    ['https://padlet.com/jsmith/our-class-wall', 'https://padlet.com/:id/:id'],
    ['https://user:secret@lms.district.example/users/jane.doe@district.org/profile', 'https://lms.district.example/users/:id/profile'],
    ['https://lms.district.example/~jdoe/files', 'https://lms.district.example/:id/files'],
    ['https://lms.district.example/course/view.php?id=7', 'https://lms.district.example/course/view.php'],
    ['https://x.example/files/3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'https://x.example/files/:id'],
    ['https://x.example:8443/a/b', 'https://x.example:8443/a/b'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => expect(redactUrl(input)).toBe(expected));
  }

  it('never keeps a query, a hash or an e-mail address', () => {
    const out = redactUrl('https://a.example/p/jane%40school.org/x?email=jane@school.org#token=abc');
    expect(out).not.toMatch(/\?|#|@|jane/);
  });

  it('returns an empty string for what is not a web URL', () => {
    expect(redactUrl('not a url')).toBe('');
    expect(redactUrl('javascript:alert(1)')).toBe('');
    expect(redactUrl('file:///home/teacher/grades.csv')).toBe('');
  });
});
