import type { Card } from '../../../utils/cards/schema';
import { TOOLS } from './tools';
import { FILLERS, OBJECTS, PLACES, SYLLABLES, UI_WORDS, VERBS } from './words';

export const SEED = 20_261_122;

/** Typed the way teachers type: typos, half-typed words, synonyms, a tool name. */
export const BENCH_QUERIES = [
  'rubrik',
  'anouncement',
  'embedd vidoe',
  'speedgrader rubric',
  'gradebok late policy',
  'duplicat asignment',
  'shedule post',
  'breakout rom',
  'google clasroom quiz',
  'kahot homework',
  'nearpd live lesson',
  'seesaw jounral',
  'captions',
  'extra time on a quiz',
  'parent email summary',
  'comment bank',
  'reuse post from another class',
  'delete submision',
  'co teacher',
  'vid',
  'rub',
  'speedgr',
  'annotat pdf',
  'move a module',
  'publish course',
  'due date',
  'mark essays',
  'clip with questions',
  'upload file to drive',
  'attendence',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same cards. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Generates `count` cards. Besides the common how-to words, each card carries a few rarer words
 * (course names, proper nouns, jargon) drawn from a long-tailed pool, so the vocabulary grows
 * with the pack as real text does, and typo look-ups face a realistic number of words.
 */
export function generateCards(count: number, seed = SEED): Card[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  const rarePool: string[] = [];
  const seen = new Set<string>();
  while (rarePool.length < 15_000) {
    let word = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i++) word += pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      rarePool.push(word);
    }
  }
  // Zipf-like: a few rare words are common, most appear once or twice.
  const rareWord = () => rarePool[Math.floor(rarePool.length * random() ** 2.2)] as string;

  const cards: Card[] = [];
  for (let index = 0; index < count; index++) {
    const tool = pick(TOOLS);
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const other = pick(OBJECTS);
    const feature = pick(tool.features);
    const title = `${capital(verb)} ${random() < 0.5 ? 'a' : 'the'} ${object} ${random() < 0.5 ? `in ${tool.name}` : `with ${feature}`}`;
    const summary = `${capital(verb)} ${object}s and ${other}s ${pick(FILLERS)}. Uses ${feature} in ${tool.name} (${rareWord()} ${rareWord()}).`;
    const steps: string[] = [];
    const stepCount = 3 + Math.floor(random() * 5);
    for (let s = 0; s < stepCount; s++) {
      const label = capital(pick([verb, pick(VERBS), pick(OBJECTS)]));
      steps.push(
        pick([
          `Open **${feature}** from the ${pick(PLACES)}.`,
          `Click **${label}** in the ${pick(UI_WORDS)} and choose the ${pick(OBJECTS)}.`,
          `Select the ${pick(OBJECTS)} for ${rareWord()}, then click **Save**.`,
          `Use the ${pick(UI_WORDS)} to ${pick(VERBS)} the ${pick(OBJECTS)} ${pick(FILLERS)}.`,
          `Check the ${pick(OBJECTS)} in [${feature}](https://example.org/help/${index}/${s}) and ${pick(VERBS)} it.`,
          `Tip: ${pick(FILLERS)}, ${pick(VERBS)} each ${pick(OBJECTS)} (for example ${rareWord()}).`,
        ]),
      );
    }
    const tags = [...new Set([object, other, feature.toLowerCase(), pick(VERBS), rareWord()])].slice(0, 3 + Math.floor(random() * 3));
    const links = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, l) => ({
      title: `${capital(pick(VERBS))} ${pick(OBJECTS)}s in ${tool.name}`,
      url: `https://example.org/${tool.id}/${index}/${l}`,
      kind: pick(['video', 'article', 'help'] as const),
    }));
    const contexts = tool.contexts.length > 0 && random() < 0.8 ? [pick(tool.contexts)] : [];
    cards.push({
      id: `bench-${tool.id}-${index}`,
      title,
      summary,
      steps,
      tools: random() < 0.1 ? [tool.id, pick(TOOLS).id] : [tool.id],
      contexts,
      tags,
      level: pick(['beginner', 'intermediate', 'advanced'] as const),
      links,
    });
  }
  return cards;
}
