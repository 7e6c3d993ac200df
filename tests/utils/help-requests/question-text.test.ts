import { describe, expect, it } from 'vitest';
import { coachMailto, isEmailAddress, questionText } from '../../../utils/help-requests/question-text';
import { helpRequest } from '../../support/payloads';

const payload = helpRequest({
  message: '  How do I let one student resubmit?  ',
  tool: { id: 'canvas', name: 'Canvas' },
  page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
});

describe('the question for other ways of asking', () => {
  it('is the teacher’s words, then the page as a ping carries it', () => {
    expect(questionText(payload)).toBe(
      'How do I let one student resubmit?\n\nCanvas › SpeedGrader: https://district.instructure.com/courses/:id/gradebook/speed_grader',
    );
    expect(questionText({ ...payload, page: { context: null, name: null, url: '' } })).toBe('How do I let one student resubmit?\n\nCanvas');
  });

  it('becomes a mailto: link to the coach, with the subject and body encoded', () => {
    const href = coachMailto(' coach@lincoln.example.org ', payload)!;
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('coach@lincoln.example.org');
    expect(url.searchParams.get('subject')).toBe('Coachmark: help with Canvas › SpeedGrader');
    expect(url.searchParams.get('body')).toBe(questionText(payload));
  });

  it('has no link without one plain address (no list, no header injection)', () => {
    for (const bad of [
      '',
      'coach',
      'a@b',
      'a@b.org, c@d.org',
      'a@b.org?cc=x@y.org',
      'a@b.org?cc=x',
      'a b@c.org',
      'a@b.org\nBcc: x@y.org',
    ]) {
      expect({ bad, href: coachMailto(bad, payload) }).toEqual({ bad, href: null });
    }
    expect(isEmailAddress('coach@lincoln.example.org')).toBe(true);
  });
});
