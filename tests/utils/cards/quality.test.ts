import { describe, expect, it } from 'vitest';
import { cardQualityProblems, homePageReason, linkIdentity, longestUnnamedRun, namesControl } from '../../../utils/cards/quality';

const link = (url: string) => ({ title: 'Help', url, kind: 'help' as const });

describe('homePageReason', () => {
  it.each([
    'https://nearpod.zendesk.com/hc/en-us',
    'https://help.kamiapp.com/en/',
    'https://support.kahoot.com/hc/en-us/',
    'https://www.ixl.com/help-center',
    'https://help.wayground.com/support/home',
    'https://support.google.com/edu/classroom/',
    'https://support.google.com/edu/classroom/topic/6020277',
    'https://example.com/',
  ])('finds the front door in %s', (url) => {
    expect(homePageReason(url)).toMatch(/home page|list of articles/);
  });

  it.each([
    'https://support.edpuzzle.com/hc/en-us/sections/360001671011-Getting-Started',
    'https://help.screencastify.com/category/131-initial-setup',
    'https://community.d2l.com/brightspace/kb/categories/7239-grades',
  ])('finds a list of articles in %s', (url) => {
    expect(homePageReason(url)).toMatch(/list of articles/);
  });

  it.each([
    'https://support.google.com/edu/classroom/answer/9335428?hl=es',
    'https://community.instructure.com/en/kb/articles/662815-how-do-i-view-my-courses-in-the-card-view-dashboard',
    'https://support.microsoft.com/en-us/topic/create-an-assignment-in-microsoft-teams-23c128d0-ec34-4691-9511-661fba8599be',
    'https://docs.moodle.org/405/en/Assignment_settings',
    'https://help.peardeck.com/can-i-delete-a-session',
  ])('lets the article %s through', (url) => {
    expect(homePageReason(url)).toBeNull();
  });
});

describe('linkIdentity', () => {
  it('reads a page the same with or without a fragment, trailing slash or capital host', () => {
    expect(linkIdentity('https://Help.Example.com/a/b/#top')).toBe(linkIdentity('https://help.example.com/a/b'));
    expect(linkIdentity('https://help.example.com/a?hl=es')).not.toBe(linkIdentity('https://help.example.com/a'));
  });
});

describe('named controls', () => {
  it('counts a bold label as naming a control', () => {
    expect(namesControl('Click **Publish**.')).toBe(true);
    expect(namesControl('Choose the option you want.')).toBe(false);
  });

  it('finds the longest run of steps without one', () => {
    expect(longestUnnamedRun(['**A**', 'b', 'c', '**D**', 'e', 'f', 'g'])).toEqual({ length: 3, start: 4 });
    expect(longestUnnamedRun(['**A**'])).toEqual({ length: 0, start: 0 });
  });
});

describe('cardQualityProblems', () => {
  it('names each problem with its field', () => {
    const problems = cardQualityProblems({
      links: [
        link('https://help.example.com/articles/12-grade'),
        link('https://help.example.com/articles/12-grade/'),
        link('https://nearpod.zendesk.com/hc/en-us'),
      ],
      steps: ['Open the course.', 'Pick the student.', 'Choose the option.', 'Save it.'],
      source: 'https://www.ixl.com/help-center',
    });
    expect(problems).toEqual([
      'links[1].url: repeats links[0]',
      expect.stringMatching(/^links\[2\]\.url: is a help centre’s home page \(https:\/\/nearpod\.zendesk\.com\/hc\/en-us\)/),
      expect.stringMatching(/^source: is a help centre’s home page/),
      expect.stringMatching(/^steps\[0\]: 4 steps in a row \(1 to 4\) name no on-screen control/),
    ]);
  });

  it('passes a card that links one article and names its controls', () => {
    expect(
      cardQualityProblems({
        links: [link('https://help.example.com/articles/12-grade')],
        steps: ['Open **Grades**.', 'Pick the student.', 'Type the score.', 'Click **Save**.'],
      }),
    ).toEqual([]);
  });
});
