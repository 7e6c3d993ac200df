import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../utils/cards/pack';
import type { Card } from '../../../utils/cards/schema';
import {
  CONTEXT_BOOST,
  MAX_BOOST,
  PARTIAL_MATCH_FLOOR,
  RELATIVE_FLOOR,
  RELEVANCE_FLOOR,
  TOOL_BOOST,
  createSearchIndex,
} from '../../../utils/search/engine';
import { card as validCard } from '../../support/factories';

/** A card whose text is only what the test gives it. */
function card(id: string, fields: Partial<Omit<Card, 'id'>> = {}): Card {
  return validCard({ id, title: `Card ${id}`, summary: 'A short how-to.', steps: ['Open the page.'], contexts: [], ...fields });
}

function loadPack(file: string): Card[] {
  const result = parsePack(readFileSync(join(dirname(fileURLToPath(import.meta.url)), file), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack.cards;
}

const starter = createSearchIndex(loadPack('../../../public/packs/starter.json'));
const onSpeedGrader = { tool: 'canvas', context: 'speedgrader' } as const;
const ids = (cards: Card[]) => cards.map((found) => found.id);

describe('relevance floor', () => {
  it('is a small positive number, with a higher bar for partial matches', () => {
    expect(RELEVANCE_FLOOR).toBeGreaterThan(0);
    expect(PARTIAL_MATCH_FLOOR).toBeGreaterThan(RELEVANCE_FLOOR);
    expect(RELATIVE_FLOOR).toBeGreaterThan(0);
    expect(RELATIVE_FLOOR).toBeLessThan(1);
  });

  it('drops a card that matches one word of the query in passing', () => {
    const index = createSearchIndex([
      card('late', { title: 'Set a late work policy', tags: ['late'], tools: ['canvas'], contexts: ['gradebook'] }),
      card('rubric', {
        title: 'Grade with a rubric',
        steps: ['Open the student’s work.', 'Pick a rating.'],
        tools: ['canvas'],
        contexts: ['speedgrader'],
      }),
    ]);
    expect(ids(index.search('late work', onSpeedGrader))).toEqual(['late']);
  });

  it('keeps every result above the floors, the best match included', () => {
    for (const query of ['late work', 'anouncement', 'rubrik', 'grade with a rubric', 'message students', 'vid']) {
      const ranked = starter.rank(query, { ...onSpeedGrader, limit: Infinity });
      expect(ranked.length, query).toBeGreaterThan(0);
      const best = Math.max(...ranked.map((scored) => scored.relevance));
      for (const { card: found, relevance } of ranked) {
        expect(relevance, `${query} → ${found.id}`).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
        expect(relevance, `${query} → ${found.id}`).toBeGreaterThanOrEqual(best * RELATIVE_FLOOR);
      }
    }
  });

  it('finds nothing rather than noise for a topic no card covers', () => {
    for (const query of ['laminate the posters', 'xqzvj wombleflux', 'parking permit', 'fire drill procedure']) {
      expect(ids(starter.search(query, onSpeedGrader)), query).toEqual([]);
    }
  });

  it('drops a synonym of a typo’s correction when the corrected word itself is found', () => {
    // "anouncement" → announcement → (synonym) post: "Post or hide grades" is on this page, and still noise.
    const found = ids(starter.search('anouncement', onSpeedGrader));
    expect(found[0]).toBe('canvas-post-announcement');
    expect(found).not.toContain('canvas-speedgrader-post-hide-grades');
  });
});

describe('tool and page boosts', () => {
  it('are bounded', () => {
    expect(TOOL_BOOST).toBeGreaterThan(1);
    expect(CONTEXT_BOOST).toBeGreaterThan(1);
    expect(MAX_BOOST).toBeCloseTo(TOOL_BOOST * CONTEXT_BOOST);
    expect(MAX_BOOST).toBeLessThan(2);
  });

  it('break near-ties in favour of this page, then this tool', () => {
    const same = { title: 'Post an announcement', tags: ['announcement'] };
    const index = createSearchIndex([
      card('other-tool', { ...same, tools: ['schoology'] }),
      card('this-tool', { ...same, tools: ['canvas'], contexts: ['announcements'] }),
      card('this-page', { ...same, tools: ['canvas'], contexts: ['speedgrader'] }),
    ]);
    expect(ids(index.search('announcement', onSpeedGrader))).toEqual(['this-page', 'this-tool', 'other-tool']);
  });

  it('never lift a page card matching one word above a card matching all of them', () => {
    const index = createSearchIndex([
      card('page', { title: 'Grade with a rubric', tags: ['grade', 'rubric'], tools: ['canvas'], contexts: ['speedgrader'] }),
      card('elsewhere', { title: 'Message students who have late work', tools: ['google-classroom'], contexts: ['stream'] }),
    ]);
    expect(ids(index.search('message late students', onSpeedGrader))).toEqual(['elsewhere']);
  });

  it('never put a card above one more than MAX_BOOST times as relevant', () => {
    for (const query of ['rubric', 'grade', 'post', 'quiz', 'video', 'late work', 'announcement', 'feedback comments']) {
      const ranked = starter.rank(query, { ...onSpeedGrader, limit: Infinity });
      ranked.forEach((upper, position) => {
        for (const lower of ranked.slice(position + 1)) {
          expect(lower.relevance, `${query}: ${upper.card.id} above ${lower.card.id}`).toBeLessThanOrEqual(
            upper.relevance * MAX_BOOST + 1e-9,
          );
        }
      });
    }
  });
});

describe('hidden tools', () => {
  const index = createSearchIndex([
    card('canvas', { title: 'Rubric in Canvas', tools: ['canvas'] }),
    card('moodle', { title: 'Rubric in Moodle', tools: ['moodle'] }),
    card('both', { title: 'Rubric in Moodle and Schoology', tools: ['moodle', 'schoology'] }),
  ]);

  it('leaves out the cards of tools the school does not use', () => {
    expect(ids(index.search('rubric', { tool: 'canvas', hiddenTools: ['moodle', 'schoology'] }))).toEqual(['canvas']);
    expect(ids(index.search('rubric', { hiddenTools: ['moodle'] })).sort()).toEqual(['both', 'canvas']);
  });

  it('keeps them on that tool’s own pages', () => {
    expect(ids(index.search('rubric', { tool: 'moodle', hiddenTools: ['canvas', 'moodle', 'schoology'] })).sort()).toEqual([
      'both',
      'moodle',
    ]);
  });
});

describe('negative contractions', () => {
  it('reads "have not", "haven’t" and "havent" alike, and "turned it in" as submitted', () => {
    for (const query of ['message students who have not turned it in', 'message students who haven’t submitted', 'havent turned in']) {
      expect(ids(starter.search(query, onSpeedGrader))[0], query).toBe('canvas-gradebook-message-students-who');
    }
  });
});
