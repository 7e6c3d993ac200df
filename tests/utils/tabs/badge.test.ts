import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { arrangePageCards } from '../../../components/panel/arrange-page-cards';
import { badgeText, countOnThisPage } from '../../../utils/cards/on-this-page';
import { feedbackByKey, setKnown } from '../../../utils/cards/feedback';
import { cardsForPage } from '../../../utils/cards/page-cards';
import { replacePack } from '../../../utils/cards/store';
import { db, type CardFeedback, type CardRecord } from '../../../utils/platform/db';
import { readBadgeCount } from '../../../utils/tabs/badge';
import { forgetBadge, showBadge } from '../../../utils/tabs/badge.background';
import { readFirstScreen } from '../../../utils/tabs/first-screen';
import type { Detection } from '../../../utils/tools/types';
import { card, cardRecord, pack } from '../../support/factories';

const SPEEDGRADER: Detection = { tool: 'canvas', context: 'speedgrader' };

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});

/** "On this page" as the panel shows it, from the same cards and marks. */
function panelPageList(cards: { page: CardRecord[]; tool: CardRecord[] }, feedback: CardFeedback[]): CardRecord[] {
  return arrangePageCards({ cards, feedback: feedbackByKey(feedback), comfort: 'new', recent: [], addressing: [] }).page;
}

describe('the badge count', () => {
  const page = ['a', 'b', 'c', 'd'].map((id) => cardRecord({ id, tools: ['canvas'], contexts: ['speedgrader'] }));
  const tool = ['e', 'f'].map((id) => cardRecord({ id, tools: ['canvas'], contexts: ['modules'] }));
  const arrangements: Array<[string, CardFeedback[]]> = [
    ['no marks', []],
    ['one known', [{ cardKey: 'district/b', known: true }]],
    [
      'known, unknown again and only helpful',
      [
        { cardKey: 'district/a', known: false },
        { cardKey: 'district/c', helpful: 'no', helpfulAt: 1 },
      ],
    ],
    ['every page card known, a tool card known', [...page, tool[0]!].map((record) => ({ cardKey: record.key, known: true }))],
  ];

  it.each(arrangements)('is the number of cards the panel lists under "On this page" (%s)', (_name, feedback) => {
    const listed = panelPageList({ page, tool }, feedback);
    expect(countOnThisPage(page, feedbackByKey(feedback))).toBe(listed.length);
  });

  it('counts the language variant the panel shows, once, and leaves out known cards', async () => {
    const shared = { tools: ['canvas'], contexts: ['speedgrader'] };
    // A pack with a card and its Spanish translation (its own id, tagged translation-of).
    const rubrica = card({ id: 'rubrica', title: 'Calificar con rúbrica', lang: 'es', tags: ['translation-of:rubric'], ...shared });
    const packCards = [card({ id: 'rubric', ...shared }), card({ id: 'comment', ...shared }), rubrica];
    await replacePack(pack({ id: 'en-pack', lang: 'en', cards: packCards }), { kind: 'local' });
    await setKnown('en-pack/comment', true);
    for (const language of ['en-US', 'es-MX']) {
      const cards = await cardsForPage('canvas', 'speedgrader', db, { uiLanguage: language });
      const listed = panelPageList(cards, await db.feedback.toArray());
      expect(listed).toHaveLength(1);
      expect(await readBadgeCount(SPEEDGRADER, language)).toBe(listed.length);
    }
    expect(await readBadgeCount({ tool: 'canvas', context: null }, 'en-US')).toBe(0);
  });

  it('is written as the toolbar shows it: nothing for none, two digits at most', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(140)).toBe('99+');
  });
});

describe('showBadge', () => {
  const TAB = 7;
  const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
  const pageCard = (id: string) => card({ id, tools: ['canvas'], contexts: ['speedgrader'] });

  it('follows cards added, removed and marked known or not, without the tab changing', async () => {
    await replacePack(pack({ id: 'district', version: '1', cards: [pageCard('a'), pageCard('b')] }), { kind: 'local' });
    showBadge(TAB, SPEEDGRADER);
    try {
      await expect.poll(badge).toBe('2');
      await setKnown('district/a', true);
      await expect.poll(badge).toBe('1');
      await replacePack(pack({ id: 'district', version: '2', cards: [pageCard('a'), pageCard('b'), pageCard('c')] }), { kind: 'local' });
      await expect.poll(badge).toBe('2');
      await setKnown('district/a', false);
      await expect.poll(badge).toBe('3');
      await replacePack(pack({ id: 'district', version: '3', cards: [pageCard('c')] }), { kind: 'local' });
      await expect.poll(badge).toBe('1');
      // A page Coachmark does not know: no badge.
      showBadge(TAB, null);
      await expect.poll(badge).toBe('');
    } finally {
      forgetBadge(TAB);
    }
  });

  it('keeps the panel’s first screen for the tab: the same cards and marks, current, and gone once forgotten', async () => {
    await replacePack(pack({ id: 'district', version: '1', cards: [pageCard('a'), pageCard('b')] }), { kind: 'local' });
    showBadge(TAB, SPEEDGRADER);
    const keys = async () => (await readFirstScreen(TAB))?.cards.map((shown) => shown.key);
    await expect.poll(keys).toEqual(['district/a', 'district/b']);
    const { page } = await cardsForPage('canvas', 'speedgrader', db, { uiLanguage: 'en-US' });
    expect((await readFirstScreen(TAB))!).toEqual({ place: 'canvas/speedgrader', language: 'en-US', cards: page, marks: [] });
    await setKnown('district/a', true);
    await expect
      .poll(async () => (await readFirstScreen(TAB))?.marks)
      .toEqual([expect.objectContaining({ cardKey: 'district/a', known: true })]);
    forgetBadge(TAB);
    await expect.poll(() => readFirstScreen(TAB)).toBeNull();
  });

  it('stops counting for a tab once it is forgotten', async () => {
    await replacePack(pack({ id: 'district', version: '1', cards: [pageCard('a')] }), { kind: 'local' });
    showBadge(TAB, SPEEDGRADER);
    await expect.poll(badge).toBe('1');
    forgetBadge(TAB);
    await setKnown('district/a', true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await badge()).toBe('1');
  });
});
