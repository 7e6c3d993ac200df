import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { PanelPage } from './support/pages';
import { testPack } from './support/test-pack';
import { TRANSLATION_TAG_PREFIX } from '../../utils/cards/language';
import type { Locator } from 'playwright-core';
import type { Card } from '../../utils/cards/schema';
import type { Detection } from '../../utils/tools/types';

/*
 * A teacher whose browser is in Spanish: the panel's words, the page's name and the built-in
 * cards are Spanish, and a school's card that exists only in English still shows.
 */

const CLASSWORK_URL = 'https://classroom.google.com/w/NzQ1MjE4OTYzMDQx/t/all';
const CLASSWORK: Detection = { tool: 'google-classroom', context: 'classwork' };
const SPEEDGRADER_URL = 'https://district.instructure.com/courses/101/gradebook/speed_grader?assignment_id=5';
const SPEEDGRADER: Detection = { tool: 'canvas', context: 'speedgrader' };

type Messages = Record<string, { message: string }>;
/** The built Spanish catalogue, as chrome.i18n serves it (empty without a build: launch then fails). */
const es = (await readFile(resolve(EXTENSION_DIR, '_locales/es/messages.json'), 'utf8').then(JSON.parse, () => ({}))) as Messages;
/** The built-in pack in the build under test. */
const starter = (await readFile(resolve(EXTENSION_DIR, 'packs/starter.json'), 'utf8').then(JSON.parse, () => ({ cards: [] }))) as {
  cards: Card[];
};

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const sorted = (titles: string[]) => [...titles].sort((a, b) => a.localeCompare(b));
const onPage = (card: Card, { tool, context }: Detection) => card.tools.includes(tool) && card.contexts.includes(context!);
const originalOf = (card: Card) => card.tags.find((tag) => tag.startsWith(TRANSLATION_TAG_PREFIX))?.slice(TRANSLATION_TAG_PREFIX.length);

/** The starter pack's cards for a page: the Spanish ones, and the English ones they translate. */
function starterCardsFor(detection: Detection): { spanish: Card[]; english: Card[] } {
  const spanish = starter.cards.filter((card) => card.lang === 'es' && onPage(card, detection));
  const english = starter.cards.filter((card) => card.lang !== 'es' && onPage(card, detection));
  return { spanish, english };
}

/** A step as the panel shows it: the Markdown's bold marks gone, spaces collapsed. */
const shownStep = (step: string) => collapse(step.replace(/\*\*/g, ''));
/** An open card's steps as the panel shows them, without the buttons beside them. */
const stepsOf = async (card: Locator) => (await card.locator('.card__steps > li .card__step-text').allTextContents()).map(collapse);

/** Chrome's two Spanish interfaces: Latin America's (most Spanish-speaking US teachers) and Spain's. */
describe.skipIf(!shouldRunBrowserTests()).each(['es-419', 'es'])('Spanish: a teacher whose Chromium is in %s', (lang) => {
  let h: ExtensionHarness;

  beforeAll(async () => {
    h = await launchExtension({ hosts: ['classroom.google.com', '*.instructure.com'], lang });
    // Without the language's UI files Chromium stays in English and every check below would
    // fail for a reason that has nothing to do with the panel.
    const ui = await h.inBackground(
      () => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
      undefined,
    );
    if (ui !== lang) throw new Error(`Chromium's UI language is "${ui}", not "${lang}": install its Spanish UI (Debian: chromium-l10n)`);
    await h.waitForStarterPack();
  });

  afterEach(async () => {
    await h?.closeTabs();
  });

  afterAll(async () => {
    await h?.close();
  });

  const openPanelOn = async (url: string, detection: Detection) => {
    const { tabId } = await h.openTab(url);
    await h.waitForDetection(tabId, detection);
    const panel = new PanelPage(await h.openPanel(tabId));
    await panel.page.locator('[data-testid=page-cards] article.card').first().waitFor();
    return { panel, tabId };
  };

  /** Every built-in card the panel lists, on this page and for the tool, is a Spanish one. */
  const expectOnlySpanishBuiltIns = async (panel: PanelPage) => {
    const spanishIds = new Set(starter.cards.filter((card) => card.lang === 'es').map((card) => card.id));
    const englishIds = new Set(starter.cards.filter((card) => card.lang !== 'es').map((card) => card.id));
    const ids = [...(await panel.cardIds('page')), ...(await panel.cardIds('tool'))];
    expect(ids.filter((id) => englishIds.has(id))).toEqual([]);
    expect(ids.filter((id) => spanishIds.has(id)).length).toBeGreaterThan(0);
  };

  it('has Spanish cards in the starter pack for both pages, each the translation of an English card on the same page', () => {
    for (const detection of [CLASSWORK, SPEEDGRADER]) {
      const { spanish, english } = starterCardsFor(detection);
      expect(spanish.length).toBeGreaterThanOrEqual(2);
      expect(sorted(spanish.map(originalOf) as string[])).toEqual(sorted(english.map((card) => card.id)));
    }
  });

  it('Google Classroom Classwork: Spanish header, Spanish cards only, and a card opens to its Spanish steps', async () => {
    const { panel, tabId } = await openPanelOn(CLASSWORK_URL, CLASSWORK);
    const header = `Google Classroom ${es.headerSeparator!.message} Trabajo de clase`;
    expect(await panel.waitForTitle(header)).toBe(header);
    // The panel's own words come from the Spanish catalogue.
    expect(await panel.page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await panel.page.getByRole('button', { name: es.pingMentor!.message, exact: true }).waitFor();

    const { spanish, english } = starterCardsFor(CLASSWORK);
    const titles = await panel.pageCardTitles();
    expect(sorted(titles)).toEqual(sorted(spanish.map((card) => card.title)));
    // No English twin alongside its translation, on this page or among the tool's other cards.
    const shown = [...titles, ...(await panel.toolCardTitles())];
    for (const card of english) expect(shown).not.toContain(card.title);
    await expectOnlySpanishBuiltIns(panel);
    // The toolbar badge counts each card once, not once per language.
    expect(await h.badgeText(tabId)).toBe(String(spanish.length));

    const card = spanish.find((candidate) => candidate.steps.length >= 3) ?? spanish[0]!;
    const opened = await panel.openCard(card.title);
    expect(await stepsOf(opened)).toEqual(card.steps.map(shownStep));
    // The buttons beside the steps are the panel's, in Spanish too.
    const showMe = await opened.locator('.card__steps > li button').allTextContents();
    expect(showMe.length).toBeGreaterThan(0);
    for (const label of showMe) expect(collapse(label)).toBe(es.showMe!.message);
  });

  it('Canvas SpeedGrader: the Spanish cards show, not their English originals', async () => {
    const { panel, tabId } = await openPanelOn(SPEEDGRADER_URL, SPEEDGRADER);
    const header = 'Canvas › SpeedGrader'.replace('›', es.headerSeparator!.message);
    expect(await panel.waitForTitle(header)).toBe(header);

    const { spanish, english } = starterCardsFor(SPEEDGRADER);
    const titles = await panel.pageCardTitles();
    expect(sorted(titles)).toEqual(sorted(spanish.map((card) => card.title)));
    for (const card of english) expect(titles).not.toContain(card.title);
    await expectOnlySpanishBuiltIns(panel);
    expect(await h.badgeText(tabId)).toBe(String(spanish.length));

    const card = spanish[0]!;
    const opened = await panel.openCard(card.title);
    expect(await stepsOf(opened)).toEqual(card.steps.map(shownStep));
  });

  it('a district card that exists only in English still shows, next to the Spanish built-in cards', async () => {
    const pack = testPack();
    const district = pack.cards.find((card) => onPage(card, CLASSWORK));
    expect(district, 'the test pack has a Classwork card').toBeDefined();
    expect(district!.lang).toBeUndefined();
    await h.installPack(pack);
    try {
      // Not the badge: the background's live count does not see a pack written behind Dexie's back.
      const { panel } = await openPanelOn(CLASSWORK_URL, CLASSWORK);
      const { spanish } = starterCardsFor(CLASSWORK);
      const titles = await panel.pageCardTitles();
      expect(sorted(titles)).toEqual(sorted([district!.title, ...spanish.map((card) => card.title)]));

      const opened = await panel.openCard(district!.title);
      expect(await stepsOf(opened)).toEqual(district!.steps.map(shownStep));
    } finally {
      await h.removePack(pack.id);
    }
  });
});
