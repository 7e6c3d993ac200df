import type { CardFeedback, CardRecord } from '../platform/db';
import type { Comfort } from '../cards/comfort';
import { asFeedbackLookup, type FeedbackLookup } from '../cards/feedback';
import { LEVELS, type Level } from '../cards/schema';
import { termOf } from '../search/text-terms';

/**
 * "Next step" cards for a goal: about what the goal says, a level up from what the teacher
 * already knows of the tool.
 * Their comfort level sets the floor (new: the basics; comfortable: intermediate; expert:
 * advanced), and the cards they marked "I know this" raise it to the level after the highest
 * of them. Known cards, and cards already saved, are never suggested.
 */

const COMFORT_FLOOR: Record<Comfort, Level> = { new: 'beginner', comfortable: 'intermediate', expert: 'advanced' };

/** The level a teacher's next step is at, for their comfort and the levels of cards they know. */
export function nextStepLevel(comfort: Comfort, knownLevels: Iterable<Level>): Level {
  let rank = LEVELS.indexOf(COMFORT_FLOOR[comfort] ?? 'intermediate');
  for (const level of knownLevels) rank = Math.max(rank, Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1));
  return LEVELS[rank]!;
}

export interface NextStepOptions {
  comfort: Comfort;
  feedback: FeedbackLookup | Iterable<CardFeedback>;
  /** Cards already in the plan. */
  exclude?: ReadonlySet<string>;
  /** Card keys in order of relevance to the goal's words (goalRelevance); they come first. */
  relevant?: readonly string[];
  limit?: number;
}

/**
 * The tool's cards to suggest next, best first: cards that match the goal's words before the
 * rest (the goal says what the teacher is working on); within each, the next-step level first,
 * then the levels above it, then those below; then by relevance and the library's order. Pure.
 */
export function nextStepCards(cards: readonly CardRecord[], options: NextStepOptions): CardRecord[] {
  const lookup = asFeedbackLookup(options.feedback);
  const knownLevels = cards.filter((card) => lookup.get(card.key)?.known).map((card) => card.level);
  const target = LEVELS.indexOf(nextStepLevel(options.comfort, knownLevels));
  const relevance = new Map((options.relevant ?? []).map((key, index) => [key, index]));
  const unmatched = relevance.size;
  const distance = (level: Level) => {
    const rank = LEVELS.indexOf(level);
    // The target, then each level above it, then the levels below it (nearest first).
    return rank >= target ? rank - target : LEVELS.length + (target - rank);
  };
  return cards
    .map((card, index) => ({ card, index, relevance: relevance.get(card.key) ?? unmatched }))
    .filter(({ card }) => !lookup.get(card.key)?.known && !options.exclude?.has(card.key))
    .sort(
      (a, b) =>
        Number(a.relevance === unmatched) - Number(b.relevance === unmatched) ||
        distance(a.card.level) - distance(b.card.level) ||
        a.relevance - b.relevance ||
        a.index - b.index,
    )
    .slice(0, options.limit ?? 3)
    .map(({ card }) => card);
}

function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of text.split(/[\s/,.;:!?()"“”]+/)) {
    const term = termOf(word);
    if (term) terms.add(term);
  }
  return terms;
}

/**
 * The cards that share words with a goal ("give audio feedback on every essay"), best first, as
 * keys. Each shared word counts by how rare it is among these cards (a word on every card, such
 * as the tool's name, says nothing), twice in the title. Words are read as the search index reads
 * them (stop words out, stems), so "feedback" finds "Leave feedback". Cards that share little
 * (at most half of what the best card shares) are left out.
 */
export function goalRelevance(goalText: string, cards: readonly CardRecord[]): string[] {
  const goal = termsOf(goalText);
  if (goal.size === 0) return [];
  const fields = cards.map((card) => ({
    key: card.key,
    title: termsOf(card.title),
    body: termsOf(`${card.summary} ${card.tags.join(' ')}`),
  }));
  const rarity = new Map<string, number>();
  for (const term of goal) {
    const holders = fields.filter((field) => field.title.has(term) || field.body.has(term)).length;
    if (holders > 0) rarity.set(term, Math.log(1 + cards.length / holders));
  }
  const scored = fields.map((field) => {
    let score = 0;
    for (const [term, weight] of rarity) score += field.title.has(term) ? 2 * weight : field.body.has(term) ? weight : 0;
    return { key: field.key, score };
  });
  // A card that shares one common word ("give") with the goal is not about it: only cards
  // scoring more than half the best count.
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  return scored
    .filter((entry) => entry.score > 0 && entry.score > best / 2)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.key);
}
