/**
 * Word normalisation shared by the search index and the UI's marks (folding, a light stemmer,
 * stop words): kept apart from the index so marking matches never loads fuse.js.
 */

/**
 * What the UI marks: a word of card text is marked when `termOf(word)` is in `terms`,
 * or its folded form starts with one of `prefixes` (the word still being typed).
 */
export interface MatchTerms {
  terms: string[];
  prefixes: string[];
}

export const STOP_WORDS = new Set(
  (
    'a an the and or of to in on for with at by from into onto is are was be been can could do does ' +
    'did how i me my we our you your it its this that these those as so if what when where which who why ' +
    'will would should shall may might there their them they he she his her than then about via'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Lowercase with accents folded ("Évaluation" → "evaluation"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Markdown to plain words: keeps link and image text, drops URLs, HTML tags and entities. */
export function stripMarkdown(markdown: string): string {
  // Most card text has none of these; skipping the replacements keeps index builds fast.
  if (!/[\]<&:]/.test(markdown)) return markdown;
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/<(?:https?:|mailto:)[^>]*>/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ');
}

// Words must not be stripped to less than this, and these base forms only look inflected.
const MIN_STEM = 3;
const NOT_INFLECTED = new Set([
  'embed',
  'bed',
  'shed',
  'need',
  'feed',
  'speed',
  'seed',
  'proceed',
  'exceed',
  'succeed',
  'hundred',
  'during',
  'morning',
  'evening',
  'nothing',
  'something',
  'anything',
  'everything',
  'ceiling',
]);

/**
 * A light English stemmer: plurals, -ed, -ing and a final -e, so that "grade", "grades",
 * "graded" and "grading" meet. Deliberately not Porter: derivations (announce → announcement)
 * stay apart, and the synonym table and prefix matching bridge them where it matters.
 */
export function stemWord(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word) || NOT_INFLECTED.has(word)) return word;
  let w = word;
  if (/zzes$/.test(w)) w = w.slice(0, -3);
  else if (/ie[sd]$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (NOT_INFLECTED.has(w)) return w;

  if (w.endsWith('ing') && w.length >= MIN_STEM + 3 && /[aeiouy]/.test(w.slice(0, -3))) {
    w = undouble(w.slice(0, -3));
  } else if (w.endsWith('ed') && w.length >= MIN_STEM + 2 && /[aeiouy]/.test(w.slice(0, -2))) {
    w = undouble(w.slice(0, -2));
  }
  if (w.endsWith('e') && w.length > MIN_STEM) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length > MIN_STEM && last === w[w.length - 2] && last !== undefined && !'aeiouylsz'.includes(last)) {
    return w.slice(0, -1);
  }
  return w;
}

/** The normalised form of one word of text, as the index stores it; empty for stop words. */
export function termOf(word: string): string {
  const folded = foldText(word)
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (!folded || STOP_WORDS.has(folded)) return '';
  return stemWord(folded);
}

// ---------------------------------------------------------------------------------------------
// Negative contractions: "haven't", "havent" and "have not" are read the same in cards and queries.

/** Where the part before "n't" is not the verb itself. */
const CONTRACTION_BASES = new Map([
  ['ca', 'can'],
  ['wo', 'will'],
  ['sha', 'shall'],
]);
/** Typed without the apostrophe; "cant" and "wont" are rarer as words than as contractions. */
const BARE_CONTRACTIONS = new Set(
  'arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt mustnt neednt shouldnt wasnt werent wont wouldnt'.split(' '),
);

/** ["have", "not"] for "haven't" or "havent" (folded, lowercase), ["can", "not"] for "cannot"; null for other words. */
export function contractionParts(word: string): [string, 'not'] | null {
  if (word === 'cannot') return ['can', 'not'];
  const bare = /n['’]t$/.test(word) ? word.replace(/['’]/g, '') : BARE_CONTRACTIONS.has(word) ? word : null;
  if (!bare || bare.length < 4 || !bare.endsWith('nt')) return null;
  const base = bare.slice(0, -2);
  return [CONTRACTION_BASES.get(base) ?? base, 'not'];
}

/** True when a word of card text should be marked for these terms. */
export function wordMatches(word: string, matchTerms: MatchTerms): boolean {
  const term = termOf(word);
  if (term && matchTerms.terms.includes(term)) return true;
  const parts = contractionParts(foldText(word));
  if (parts?.some((part) => matchTerms.terms.includes(termOf(part)))) return true;
  const folded = foldText(word);
  return matchTerms.prefixes.some((prefix) => folded.startsWith(prefix));
}
