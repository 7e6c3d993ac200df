import { db, type PackSource } from '../../utils/platform/db';
import { replacePack } from '../../utils/cards/store';
import { STARTER_PACK_ID } from '../../utils/cards/built-in';
import type { Card, Pack } from '../../utils/cards/schema';
import * as make from '../support/factories';

/**
 * A library as a district coach has it: the built-in pack (a few of its cards, as shipped:
 * English with a Spanish translation), the coach's own pack, a pack subscribed in the studio
 * and one set by district policy, plus teachers' "out of date" flags.
 */

/** "Today" for these tests: review dates before it are due. */
export const TODAY = new Date(2026, 11, 4, 9, 0);

export const RUBRIC_KEY = `${STARTER_PACK_ID}/canvas-speedgrader-rubric`;
export const RUBRIC_TITLE = 'Grade with a rubric in SpeedGrader';

const card = (id: string, title: string, extra: Partial<Card> = {}) => make.card({ id, title, ...extra });

export const STARTER: Pack = make.pack({
  id: STARTER_PACK_ID,
  name: 'Coachmark starter pack',
  version: '2026.12.1',
  lang: 'en',
  cards: [
    card('canvas-speedgrader-rubric', RUBRIC_TITLE, {
      summary: 'Score each criterion and let Canvas total the grade.',
      steps: ['Open the assignment in **SpeedGrader**.', 'Click **View Rubric**.'],
      tags: ['rubric', 'grade'],
      links: [
        { title: 'How do I use a rubric in SpeedGrader?', url: 'https://community.instructure.com/en/kb/articles/661173', kind: 'help' },
      ],
      lang: 'en',
      version: 2,
      updatedAt: '2026-11-04',
      reviewBy: '2027-08-01',
      verifiedAt: '2026-11-20',
      source: 'https://community.instructure.com/en/kb/articles/661173',
    }),
    card('canvas-speedgrader-rubric.es', 'Calificar con una rúbrica en SpeedGrader', {
      summary: 'Puntúe cada criterio y Canvas suma la calificación.',
      tags: ['translation-of:canvas-speedgrader-rubric', 'rúbrica'],
      lang: 'es',
      reviewBy: '2027-08-01',
    }),
    card('canvas-modules-publish', 'Publish a module', {
      contexts: ['modules'],
      steps: ['Open **Modules** and click the cloud icon.'],
      tags: ['publish'],
      reviewBy: '2026-10-01',
      verifiedAt: '2026-01-15',
    }),
    card('classroom-rubric', 'Add a rubric to an assignment', {
      tools: ['google-classroom'],
      contexts: ['classwork'],
      steps: ['Open **Classwork** and the assignment.', 'Select **Rubric**, then **Create rubric**.'],
      tags: ['rubric'],
      level: 'intermediate',
      reviewBy: '2027-08-01',
    }),
    card('seesaw-activity', 'Assign an activity', {
      tools: ['seesaw'],
      steps: ['Open **Library** and pick an activity.'],
      contexts: [],
      level: 'advanced',
      reviewBy: '2026-12-01',
    }),
  ],
});

export const LOCAL: Pack = make.pack({
  id: 'lincoln-cards',
  name: 'Lincoln cards',
  cards: [
    card('canvas-late-policy', 'Set a late policy', {
      contexts: ['gradebook'],
      steps: ['Open **Gradebook** settings.'],
      verifiedAt: '2026-11-01',
      reviewBy: '2027-06-01',
    }),
  ],
});

export const SUBSCRIBED: Pack = make.pack({
  id: 'valley-feed',
  name: 'Valley feed',
  cards: [
    card('nearpod-lesson', 'Start a live lesson', {
      tools: ['nearpod'],
      contexts: [],
      steps: ['Open the lesson and click **Live Participation**.'],
      verifiedAt: '2026-10-10',
    }),
  ],
});

export const POLICY: Pack = make.pack({
  id: 'district-policy',
  name: 'District policy pack',
  cards: [card('canvas-speedgrader-comments', 'Leave comments in SpeedGrader', { verifiedAt: '2026-10-10', reviewBy: '2026-11-30' })],
});

export async function seedLibrary(): Promise<void> {
  const sources: Array<[Pack, PackSource]> = [
    [STARTER, { kind: 'builtin' }],
    [LOCAL, { kind: 'local' }],
    [SUBSCRIBED, { kind: 'url', url: 'https://packs.valley.example/feed.json', subscribedBy: 'studio' }],
    [POLICY, { kind: 'url', url: 'https://packs.district.example/policy.json', subscribedBy: 'settings' }],
  ];
  for (const [pack, source] of sources) await replacePack(pack, source);
  await db.gaps.bulkAdd([
    make.gapRecord({ id: 'outdated-1', kind: 'outdated', cardKey: RUBRIC_KEY }),
    make.gapRecord({ id: 'outdated-2', kind: 'outdated', cardKey: RUBRIC_KEY, status: 'sent' }),
    make.gapRecord({ id: 'outdated-3', kind: 'outdated', cardKey: 'valley-feed/nearpod-lesson' }),
    // Answered or closed: no longer "out of date".
    make.gapRecord({ id: 'outdated-4', kind: 'outdated', cardKey: 'lincoln-cards/canvas-late-policy', status: 'resolved' }),
    make.gapRecord({ id: 'unhelpful-1', kind: 'unhelpful', cardKey: `${STARTER_PACK_ID}/canvas-modules-publish` }),
  ]);
}

/** `count` more built-in-looking cards, enough to page through. */
export async function seedManyCards(count: number): Promise<void> {
  const cards = Array.from({ length: count }, (_, index) =>
    card(`bulk-${String(index).padStart(3, '0')}`, `Bulk card ${String(index).padStart(3, '0')}`, { verifiedAt: '2026-11-01' }),
  );
  await replacePack(make.pack({ id: 'bulk', name: 'Bulk pack', cards }), { kind: 'url', url: 'https://packs.bulk.example/all.json' });
}
