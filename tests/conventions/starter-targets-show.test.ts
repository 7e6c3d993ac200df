// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../utils/cards/pack';
import { alternativeGroup } from '../../utils/cards/language';
import { detect } from '../../utils/tools/detect';
import { targetWarnings } from '../../scripts/cards';
import { ROOT } from './sources';

/**
 * The built-in cards point at real controls out of the box: enough of them, over enough tools,
 * each with the source its label was checked against, each with a fixture page of its tool
 * (tests/e2e/show-targets.e2e.ts resolves them there in real Chromium).
 */

const parsed = parsePack(readFileSync(join(ROOT, 'public/packs/starter.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const cards = parsed.pack.cards;
const targeted = cards.flatMap((card) => (card.targets ?? []).map((target) => ({ card, target })));
const pages: Record<string, string> = {};
const mapDir = join(ROOT, 'tests/fixtures/show');
for (const file of readdirSync(mapDir).filter((name) => name.endsWith('.json')))
  Object.assign(pages, JSON.parse(readFileSync(join(mapDir, file), 'utf8')));

describe('show me targets of the starter pack', () => {
  it('cover at least 60 steps over at least 10 tools, Canvas, Google Classroom, Docs, Slides, Forms, Schoology and Seesaw among them', () => {
    expect(targeted.length).toBeGreaterThanOrEqual(60);
    const tools = new Set(targeted.map(({ card }) => card.tools[0]));
    expect(tools.size).toBeGreaterThanOrEqual(10);
    for (const tool of ['canvas', 'google-classroom', 'google-docs', 'google-slides', 'google-forms', 'schoology', 'seesaw']) {
      expect(tools, tool).toContain(tool);
    }
  });

  it('each say where the control’s label was checked', () => {
    expect(targeted.filter(({ target }) => !target.source?.trim()).map(({ card, target }) => `${card.id} step ${target.step + 1}`)).toEqual(
      [],
    );
    expect(targetWarnings(parsed.pack).filter((warning) => warning.includes('no source'))).toEqual([]);
  });

  it('each have a fixture page of the card’s own tool', () => {
    const problems: string[] = [];
    for (const { card, target } of targeted) {
      // A translation points at the same page as its original.
      const original = alternativeGroup({ ...card, pack: 'starter' });
      const url = pages[`${card.id}#${target.step}`] ?? pages[card.id] ?? pages[`${original}#${target.step}`] ?? pages[original];
      const detection = url ? detect(url) : null;
      if (!url) problems.push(`${card.id} step ${target.step + 1}: no fixture page`);
      else if (!detection || !card.tools.includes(detection.tool))
        problems.push(`${card.id}: ${url} is not a ${card.tools.join('/')} page`);
    }
    expect(problems).toEqual([]);
  });

  it('point only at steps the card has, one target per step', () => {
    for (const card of cards) {
      const steps = (card.targets ?? []).map((target) => target.step);
      expect(new Set(steps).size, card.id).toBe(steps.length);
    }
  });
});
