/**
 * The English analyser's words: stop words and a light stemmer. The Spanish analyser
 * (spanish.ts) also reads English words with these, for cards that exist only in English.
 */

/** Words too common to say what a card is about. */
export const STOP_WORDS = new Set(
  (
    'a an the and or of to in on for with at by from into onto is are was be been can could do does ' +
    'did how i me my we our you your it its this that these those as so if what when where which who why ' +
    'will would should shall may might there their them they he she his her than then about via'
  ).split(' '),
);

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
