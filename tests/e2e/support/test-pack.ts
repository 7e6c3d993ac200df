import { parsePack } from '../../../utils/cards/pack';
import type { Pack } from '../../../utils/cards/schema';

/**
 * A small pack for the browser tests, checked by the real parser so it cannot drift from the
 * pack format. Its cards cover: this page (Canvas SpeedGrader), tool-wide, another page of
 * the same tool, and another tool, which must not show on Canvas.
 */
const RAW = {
  schemaVersion: 1,
  id: 'e2e-fixture-pack',
  name: 'Browser test pack',
  version: '1.0.0',
  cards: [
    {
      id: 'speedgrader-comment',
      title: 'Leave feedback in SpeedGrader',
      summary: 'Add a written, audio or video comment to a student’s submission without leaving SpeedGrader.',
      steps: [
        'Choose the student from the **student menu** at the top right.',
        'In the right-hand panel, type in the **Add a Comment** box.',
        'For audio or video, select the **Media Comment** icon under the box and record.',
        'Select **Submit**. The student sees the comment with the graded submission.',
      ],
      tools: ['canvas'],
      contexts: ['speedgrader'],
      tags: ['feedback', 'grading', 'comments'],
      level: 'beginner',
      links: [
        { title: 'How do I use SpeedGrader?', url: 'https://guides.instructure.com/m/4152/l/55021-how-do-i-use-speedgrader', kind: 'help' },
      ],
    },
    {
      id: 'speedgrader-rubric',
      title: 'Grade with a rubric',
      summary: 'Score each criterion and let Canvas total the grade.',
      steps: [
        'Select **View Rubric** in the grading panel.',
        'Choose a rating for each criterion; add a comment where it helps.',
        'Select **Save**. The total fills in the grade box.',
      ],
      tools: ['canvas'],
      contexts: ['speedgrader', 'gradebook'],
      tags: ['rubric', 'grading'],
      level: 'intermediate',
      links: [],
    },
    {
      id: 'canvas-global-nav',
      title: 'Find your way around Canvas',
      summary: 'The left-hand menu takes you to your dashboard, courses, calendar and inbox from any page.',
      steps: [
        'Select **Courses** in the global navigation to jump to any of your courses.',
        'Select **Dashboard** to come back to your course cards.',
      ],
      tools: ['canvas'],
      contexts: [],
      tags: ['navigation'],
      level: 'beginner',
      links: [],
    },
    {
      id: 'canvas-publish-module',
      title: 'Publish a module',
      summary: 'Students only see modules and items that are published.',
      steps: ['Open **Modules**.', 'Select the publish icon next to the module name.'],
      tools: ['canvas'],
      contexts: ['modules'],
      tags: ['modules', 'publish'],
      level: 'beginner',
      links: [],
    },
    {
      id: 'classroom-topics',
      title: 'Organise classwork with topics',
      summary: 'Group assignments and materials by unit.',
      steps: ['Open **Classwork**.', 'Select **Create**, then **Topic**, and name it.'],
      tools: ['google-classroom'],
      contexts: ['classwork'],
      tags: ['organise'],
      level: 'beginner',
      links: [],
    },
  ],
};

export function testPack(): Pack {
  const result = parsePack(RAW);
  if (!result.ok) throw new Error(`The browser test pack is invalid: ${result.errors.join('; ')}`);
  return result.pack;
}
