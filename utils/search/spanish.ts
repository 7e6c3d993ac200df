import { STOP_WORDS as ENGLISH_STOP_WORDS, stemWord as stemEnglish } from './english';

/**
 * The Spanish analyser's words: stop words and a light stemmer, over folded words (no accents,
 * "ñ" read as "n"). A Spanish library still holds English text (cards with no translation, the
 * English labels Spanish cards quote), so English stop words are dropped too, words with an
 * English ending are read by the English stemmer, and product names keep their English reading.
 */

/**
 * Function words, English ones included. "no" is kept ("no entregado"). "not" is dropped: it
 * says little in English text, and as a stem it is "nota".
 */
export const SPANISH_STOP_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_STOP_WORDS,
  'not',
  ...(
    'a al algo algun alguna algunas alguno algunos ante aqui asi como con cual cuales cuando de del desde donde ' +
    'durante e el ella ellas ellos en entonces entre era eran es esa esas ese eso esos esta estas este esto estos ' +
    'estoy estan estar fue fueron ha hacia han has hasta hay he hemos la las le les lo los me mediante mi mis muy ' +
    'necesito nos nuestra nuestras nuestro nuestros o os para pero podemos por porque puede pueden puedo que ' +
    'quien quienes quiero se segun ser si sobre son su sus tambien te ti tu tus u un una unas uno unos usted ' +
    'ustedes y ya yo'
  ).split(' '),
]);

/** Words must not be stripped to less than this. */
const MIN_STEM = 3;

/**
 * Product names and loan words, read as the English analyser reads them ("speedgrader" is no
 * verb in -er, "canvas" no plural). Every word of the catalogue's tool names is here (a test checks).
 */
const READ_AS_ENGLISH = new Set(
  (
    'academy blackboard blooket book brightspace canva canvas classlink classroom clever creator d2l deck desmos docs drive ' +
    'edpuzzle forms formative gimkit google ixl kahoot kami khan launchpad learn meet microsoft moodle nearpod newsela padlet ' +
    'pear powerschool powerteacher quiz quizizz schoology screencastify seesaw sheets slides smartscore speedgrader teams ' +
    'wakelet wayground youtube'
  ).split(' '),
);

/** Endings no Spanish word has (grading, graded, copies, quizzes): the word is English. */
const ENGLISH_ENDING = /(?:ings?|eds?|ies|zzes)$/;
/** Spanish words with such an ending. */
const SPANISH_DESPITE_ENDING = new Set(['pared', 'usted', 'cesped', 'huesped', 'merced', 'series', 'especies', 'superficies']);

/**
 * Derivational and verb endings, longest first within each family, with the shortest stem each
 * may leave: "calificación", "calificado", "calificando" and "calificar" all become "calific".
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, minStem: number]> = [
  ['amiento', 3],
  ['imiento', 3],
  ['acion', 3],
  ['icion', 4],
  ['mente', 4],
  ['iendo', 3],
  ['yendo', 3],
  ['ando', 3],
  ['ado', 3],
  ['ada', 3],
  ['ido', 3],
  ['ida', 3],
  ['ar', 3],
  ['ir', 3],
  // English has many nouns in -er (later, poster): only longer words, which are likelier verbs.
  ['er', 4],
];

/**
 * A light Spanish stemmer in the spirit of the English one: plurals (-s, -es), the z of "lápiz"
 * and the c of "lápices" read as one, the ending vowel of gender (-a, -o, -e), infinitives and
 * the common verb forms (-ar, -er, -ir, -ando, -iendo, -ado, -ido, -ada, -ida), -ción and -mente.
 * Conservative: no stem shorter than three letters, and irregular forms stay apart.
 */
export function stemSpanish(word: string): string {
  if (/\d/.test(word)) return word;
  if (READ_AS_ENGLISH.has(word)) return stemEnglish(word);
  if (ENGLISH_ENDING.test(word) && !SPANISH_DESPITE_ENDING.has(word)) return spanishEndings(stemEnglish(word));
  // "voz" and "voces", "lápiz" and "lápices", "enlace" and "enlaces" meet at a "c", and so do
  // "aparece" and "aparezca".
  let w = word.endsWith('z') && !word.endsWith('zz') ? `${word.slice(0, -1)}c` : word.replace(/zc(?=[aeo](?:n|s|mos)?$)/, 'c');
  if (w.length <= MIN_STEM) return w;

  if (w.endsWith('iones')) w = w.slice(0, -2);
  else if (/[dljnrsxyz]es$/.test(w) && w.length - 2 >= MIN_STEM) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  return spanishEndings(w);
}

/** The verb or derivational ending, then the vowel of gender. */
function spanishEndings(word: string): string {
  let w = word;
  for (const [suffix, minStem] of SUFFIXES) {
    if (w.endsWith(suffix)) {
      if (w.length - suffix.length < minStem) break;
      w = w.slice(0, -suffix.length);
      // An adverb is an adjective and -mente: "rápidamente" is read as "rápida".
      if (suffix === 'mente') return spanishEndings(w);
      break;
    }
  }
  if (w.length > MIN_STEM && /[aoe]$/.test(w)) w = w.slice(0, -1);
  return w;
}
