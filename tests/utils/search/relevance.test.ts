import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { alternativeGroup } from '../../../utils/cards/language';
import { parsePack } from '../../../utils/cards/pack';
import { visibleCards } from '../../../utils/cards/replacements';
import type { Card } from '../../../utils/cards/schema';
import { createSearchIndex } from '../../../utils/search/engine';

/**
 * Relevance against labelled queries: a query is a hit when one of its expected cards is in the
 * top three. Our index must do at least as well as naive fuse.js over every card (the approach it
 * replaces), and find the right card for at least 90% of queries. Queries with a `context` are
 * asked from that page, where the right card is on another page or tool: the page's own cards
 * must not push it out. The starter pack is searched as a teacher sees it: in English, and, with
 * the Spanish analyser, in Spanish (its translations, labelled by the English cards' ids).
 */

interface LabelledQuery {
  query: string;
  expect: string[];
  tool?: string;
  context?: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = join(HERE, '../../..');
const STARTER_PACK = join(PROJECT_ROOT, 'public/packs/starter.json');
const FIXTURE_PACK = join(HERE, '../../fixtures/search-cards.json');
const LABELS = JSON.parse(readFileSync(join(HERE, '../../fixtures/search-queries.json'), 'utf8')) as {
  fixture: LabelledQuery[];
  starter: LabelledQuery[];
  starterEs: LabelledQuery[];
};
const MIN_QUERIES = 40;
const MIN_HIT_RATE = 0.9;
const MIN_ON_PAGE = 10;
/** Spanish queries may miss a little more often than English ones, no more. */
const MAX_SPANISH_SHORTFALL = 0.05;
const TOP = 3;
/** Naive fuse.js over every card is slow: more than the default five seconds on a busy machine. */
const SLOW = 60_000;

type PackCard = Card & { pack: string };

/** The pack's cards, each with its pack (as stored), and the pack's language. */
function loadPack(file: string): { cards: PackCard[]; packs: Array<{ id: string; lang?: string }> } {
  const result = parsePack(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}:\n${result.errors.join('\n')}`);
  const { pack } = result;
  return { cards: pack.cards.map((card) => ({ ...card, pack: pack.id })), packs: [{ id: pack.id, lang: pack.lang }] };
}

function loadCards(file: string): PackCard[] {
  return loadPack(file).cards;
}

/** The starter pack as a teacher with this UI language sees it. */
function starterAs(uiLanguage: string): PackCard[] {
  const { cards, packs } = loadPack(STARTER_PACK);
  return visibleCards(cards, packs, uiLanguage);
}

/** Ids of the cards found, best first; a translation by its original's id (what the labels name). */
type Ranker = (query: LabelledQuery) => string[];

function hitRate(labelled: LabelledQuery[], rank: Ranker): { rate: number; misses: string[] } {
  const misses: string[] = [];
  for (const item of labelled) {
    const found = rank(item).slice(0, TOP);
    if (!found.some((id) => item.expect.includes(id))) {
      const place = [item.tool, item.context].filter(Boolean).join('/');
      misses.push(`"${item.query}"${place ? ` (${place})` : ''} → ${found.join(', ') || 'nothing'}`);
    }
  }
  return { rate: (labelled.length - misses.length) / labelled.length, misses };
}

function naiveFuse(cards: PackCard[]): Ranker {
  const fuse = new Fuse(cards, { keys: ['title', 'tags', 'summary', 'steps', 'links.title'] });
  return ({ query, tool }) => {
    const found = fuse.search(query).map((result) => result.item);
    // Same advantage as ours: the current tool's cards first (a stable partition of fuse's order).
    const ordered = tool ? [...found.filter((c) => c.tools.includes(tool)), ...found.filter((c) => !c.tools.includes(tool))] : found;
    return ordered.map(alternativeGroup);
  };
}

function ourIndex(cards: PackCard[], language?: string): Ranker {
  const index = createSearchIndex(cards, { language });
  return ({ query, tool, context }) => (index.search(query, { tool, context, limit: TOP }) as PackCard[]).map(alternativeGroup);
}

/** Every label names a card (an original, not a translation), and there are enough of them. */
function checkLabels(cards: PackCard[], labelled: LabelledQuery[]): void {
  expect(labelled.length, `label at least ${MIN_QUERIES} queries`).toBeGreaterThanOrEqual(MIN_QUERIES);
  const known = new Set(cards.map(alternativeGroup));
  for (const item of labelled) {
    expect(item.expect.length, `"${item.query}" expects no card`).toBeGreaterThan(0);
    for (const id of item.expect) expect(known.has(id), `"${item.query}" expects unknown card ${id}`).toBe(true);
  }
}

function report(ours: { rate: number; misses: string[] }, naive: { rate: number }): string {
  return `top-${TOP} hit rate: ours ${ours.rate.toFixed(3)}, naive fuse.js ${naive.rate.toFixed(3)}\nour misses:\n${ours.misses.join('\n')}`;
}

function checkRelevance(cards: PackCard[], labelled: LabelledQuery[]): void {
  checkLabels(cards, labelled);
  const ours = hitRate(labelled, ourIndex(cards));
  const naive = hitRate(labelled, naiveFuse(cards));
  expect(ours.rate, report(ours, naive)).toBeGreaterThanOrEqual(naive.rate);
  expect(ours.rate, report(ours, naive)).toBeGreaterThanOrEqual(MIN_HIT_RATE);
}

describe('search relevance', () => {
  it('finds the labelled cards of the fixture pack in the top three', () => {
    checkRelevance(loadCards(FIXTURE_PACK), LABELS.fixture);
  });

  it.runIf(existsSync(STARTER_PACK))(
    'finds the labelled cards of the starter pack in the top three',
    () => {
      expect(
        LABELS.starter.length,
        `public/packs/starter.json exists: label at least ${MIN_QUERIES} queries for it under "starter" in tests/fixtures/search-queries.json`,
      ).toBeGreaterThanOrEqual(MIN_QUERIES);
      checkRelevance(starterAs('en-US'), LABELS.starter);
    },
    SLOW,
  );

  it.runIf(existsSync(STARTER_PACK))('finds the card on another page or tool from a page with weaker matches of its own', () => {
    const onPage = LABELS.starter.filter((item) => item.context);
    expect(onPage.length, 'label on-page queries (with "tool" and "context") for the starter pack').toBeGreaterThanOrEqual(MIN_ON_PAGE);
    const cards = starterAs('en-US');
    for (const item of onPage) {
      const contexts = new Set(cards.filter((c) => item.expect.includes(c.id)).flatMap((c) => c.contexts));
      expect(contexts.has(item.context as string), `"${item.query}" expects a card on its own page`).toBe(false);
    }
    const { rate, misses } = hitRate(onPage, ourIndex(cards));
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(MIN_HIT_RATE);
  });

  it.runIf(existsSync(STARTER_PACK))(
    'finds the cards a Spanish-speaking teacher asks for, in Spanish, nearly as often as in English',
    () => {
      const english = hitRate(LABELS.starter, ourIndex(starterAs('en-US')));
      const cards = starterAs('es-419');
      checkLabels(cards, LABELS.starterEs);
      for (const item of LABELS.starterEs.filter((labelled) => labelled.context)) {
        const contexts = new Set(cards.filter((c) => item.expect.includes(alternativeGroup(c))).flatMap((c) => c.contexts));
        expect(contexts.has(item.context as string), `"${item.query}" expects a card on its own page`).toBe(false);
      }
      const ours = hitRate(LABELS.starterEs, ourIndex(cards, 'es-419'));
      const naive = hitRate(LABELS.starterEs, naiveFuse(cards));
      const text = `${report(ours, naive)}\nEnglish starter set: ${english.rate.toFixed(3)}`;
      expect(ours.rate, text).toBeGreaterThanOrEqual(english.rate - MAX_SPANISH_SHORTFALL);
      expect(ours.rate, text).toBeGreaterThanOrEqual(naive.rate);
    },
    SLOW,
  );
});
