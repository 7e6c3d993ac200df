import { describe, expect, it } from 'vitest';
import { searchAnalyser } from '../../../utils/search/analyser';
import { createSearchIndex } from '../../../utils/search/engine';
import { markMatches, splitMarks } from '../../../utils/search/marks';
import { matchTerms, parseQuery } from '../../../utils/search/query';
import { SPANISH_STOP_WORDS, stemSpanish } from '../../../utils/search/spanish';
import { MAX_PHRASE_WORDS, SPANISH_SYNONYM_GROUPS } from '../../../utils/search/synonyms';
import { foldText, searchLanguage, SPANISH_WORDS, stemWord, termOf, wordMatches } from '../../../utils/search/text-terms';
import { queryWords, tokenizeForIndex, type TokenBuffer } from '../../../utils/search/tokenize';
import { TOOLS } from '../../../utils/tools/catalog';
import type { Card } from '../../../utils/cards/schema';
import { card as validCard } from '../../support/factories';

/** Words reach the stemmer folded, as the tokenizer and the query parser hand them over. */
const stem = (word: string) => stemSpanish(foldText(word));
const spanish = searchAnalyser('es');

function card(id: string, fields: Partial<Omit<Card, 'id'>> = {}): Card {
  return validCard({ id, title: `Card ${id}`, summary: 'A short how-to.', steps: ['Open the page.'], contexts: [], ...fields });
}

const marked = (text: string, query: string) =>
  splitMarks(text, matchTerms(query, 'es'))
    .filter((part) => part.hit)
    .map((part) => part.text);

describe('the Spanish stemmer', () => {
  it('brings the forms of one word together: plurals, gender, verb forms, -ción, -mente', () => {
    for (const family of [
      ['calificar', 'calificación', 'calificaciones', 'calificado', 'calificada', 'calificando', 'califica', 'calificas'],
      ['entregar', 'entrega', 'entregas', 'entregado', 'entregados', 'entregando'],
      ['compartir', 'comparte', 'compartido', 'compartiendo'],
      ['añadir', 'anadir', 'añade', 'añadido', 'añadiendo'],
      ['crear', 'crea', 'creado', 'creando', 'creación'],
      ['publicar', 'publica', 'publicado', 'publicación', 'publicaciones'],
      ['evaluar', 'evalúa', 'evaluado', 'evaluación'],
      ['establecer', 'establece', 'establecido'],
      ['estudiante', 'estudiantes'],
      ['alumno', 'alumna', 'alumnos', 'alumnas'],
      ['actividad', 'actividades'],
      ['examen', 'exámenes'],
      ['rúbrica', 'rúbricas', 'rubrica'],
      ['video', 'vídeo', 'videos'],
      ['tarde', 'tardes'],
      ['rápido', 'rápida', 'rápidamente'],
    ]) {
      expect(new Set(family.map(stem)), family.join(', ')).toHaveProperty('size', 1);
    }
  });

  it('reads the z of a singular and the c of its plural as one letter (lápiz, lápices)', () => {
    for (const family of [
      ['lápiz', 'lápices'],
      ['voz', 'voces'],
      ['vez', 'veces'],
      ['enlace', 'enlaces'],
      ['aparece', 'aparezca'],
    ]) {
      expect(new Set(family.map(stem)), family.join(', ')).toHaveProperty('size', 1);
    }
  });

  it('is conservative: no stem under three letters, and different words stay apart', () => {
    for (const word of ['ver', 'usar', 'dar', 'leer', 'crear', 'vida', 'mes', 'nada', 'subir', 'grado']) {
      expect(stem(word).length, word).toBeGreaterThanOrEqual(3);
    }
    expect(stem('ver')).toBe('ver');
    expect(stem('curso')).not.toBe(stem('cursor'));
    expect(stem('calificar')).not.toBe(stem('clasificar'));
    expect(stem('pregunta')).not.toBe(stem('respuesta'));
    // Nouns in -er are English as often as Spanish: a short word keeps its ending.
    expect(stem('later')).toBe('later');
  });

  it('reads English words with English endings as the English stemmer does', () => {
    for (const family of [
      ['grade', 'grades', 'graded', 'grading'],
      ['copy', 'copies', 'copied', 'copying'],
      ['quiz', 'quizzes'],
      ['embed', 'embeds', 'embedded', 'embedding'],
      ['share', 'shared', 'sharing', 'shares'],
      ['submit', 'submits', 'submitted'],
      ['teacher', 'teachers'],
      ['answer', 'answers', 'answered'],
    ]) {
      expect(new Set(family.map(stem)), family.join(', ')).toHaveProperty('size', 1);
    }
    // A Spanish word that only ends like one.
    expect(stem('pared')).toBe(stem('paredes'));
  });

  it('leaves product names as the English analyser reads them (SpeedGrader is no verb in -er)', () => {
    expect(stem('SpeedGrader')).toBe('speedgrader');
    for (const tool of TOOLS) {
      for (const word of queryWords(tool.name)) expect(stemSpanish(word), `${word} (${tool.name})`).toBe(stemWord(word));
    }
  });

  it('leaves ids and numbers alone', () => {
    expect(stem('k12s')).toBe('k12s');
    expect(stem('504')).toBe('504');
  });
});

describe('Spanish stop words', () => {
  it('drops function words, accented or not, and English ones too, but keeps "no"', () => {
    const words = 'de la el los las un una en y o que para por con del al se su sus lo como mi tu es son';
    for (const word of [...words.split(' '), 'qué', 'cómo', 'él', 'está', 'the', 'of', 'how']) {
      expect(termOf(word, SPANISH_WORDS), word).toBe('');
    }
    expect(SPANISH_STOP_WORDS.has('no')).toBe(false);
    expect(termOf('No', SPANISH_WORDS)).toBe('no');
    // The English analyser keeps its own stop words.
    expect(termOf('de')).toBe('de');
  });

  it('are left out of the index and out of a query’s terms', () => {
    const out: TokenBuffer = { words: [], weights: [] };
    tokenizeForIndex('Cómo subir el video de la clase', out, SPANISH_STOP_WORDS);
    expect(out.words).toEqual(['subir', 'video', 'clase']);
    expect(parseQuery('¿Cómo pongo la nota de un examen?', spanish).terms).toEqual(['pongo', 'nota', 'examen']);
    expect(parseQuery('no entregado', spanish).terms).toEqual(['no', 'entregado']);
  });
});

describe('Spanish synonyms', () => {
  it('match each group in both directions, by Spanish stem', () => {
    const alternatives = (word: string) => spanish.synonyms.single.get(stem(word)) ?? [];
    expect(alternatives('calificar')).toContainEqual([stem('nota')]);
    expect(alternatives('notas')).toContainEqual([stem('calificar')]);
    expect(alternatives('tarea')).toContainEqual([stem('asignación')]);
    expect(alternatives('cuestionario')).toContainEqual([stem('examen')]);
    expect(alternatives('alumno')).toContainEqual([stem('estudiante')]);
    expect(alternatives('agregar')).toContainEqual([stem('añadir')]);
    // A word in two groups has the synonyms of both ("enviar": entregar, compartir).
    expect(alternatives('enviar')).toEqual(expect.arrayContaining([[stem('entregar')], [stem('compartir')]]));
  });

  it('read phrases with their stop words, and map them to single words', () => {
    const key = (phrase: string) => queryWords(phrase).map(stem).join(' ');
    expect(spanish.synonyms.phrases.get(key('fecha de entrega'))).toContain(stem('vencimiento'));
    expect(spanish.synonyms.phrases.get(key('fuera de plazo'))).toContain(stem('tarde'));
    expect(spanish.synonyms.single.get(stem('vencimiento'))).toContainEqual([stem('fecha'), stem('límite')]);
    const parsed = parseQuery('fuera de plazo', spanish);
    expect(parsed.phraseAlternatives[0]?.get(stem('retraso'))).toBeGreaterThan(0);
  });

  it('include the English groups, for English cards in a Spanish library', () => {
    expect(spanish.synonyms.single.get(stem('grade'))).toContainEqual([stem('mark')]);
    expect(spanish.synonyms.phrases.get(queryWords('due date').map(stem).join(' '))).toContain(stem('deadline'));
  });

  it('list lowercase words and phrases of at most three words, each once in its group', () => {
    for (const group of SPANISH_SYNONYM_GROUPS) {
      expect(new Set(group).size, group.join(', ')).toBe(group.length);
      for (const member of group) {
        expect(member, member).toBe(member.toLowerCase().trim());
        expect(queryWords(member).length, member).toBeLessThanOrEqual(MAX_PHRASE_WORDS);
      }
    }
  });
});

describe('the analyser for a language', () => {
  it('is Spanish for any Spanish tag, and English for every other language or none', () => {
    for (const tag of ['es', 'es-419', 'es-MX', 'es_ES', 'ES']) expect(searchLanguage(tag), tag).toBe('es');
    for (const tag of ['en', 'en-US', 'fr', 'est', '', undefined]) expect(searchLanguage(tag), String(tag)).toBe('en');
    expect(searchAnalyser('es-MX')).toBe(searchAnalyser('es'));
    expect(searchAnalyser('pt-BR')).toBe(searchAnalyser());
  });
});

describe('Spanish marks', () => {
  it('mark inflections, synonyms and a half-typed last word, read with the Spanish analyser', () => {
    expect(marked('Califica las tareas y pon las notas', 'calificar')).toEqual(['Califica', 'notas']);
    expect(marked('Entregas tardías y atrasadas', 'entregar tarde')).toEqual(['Entregas', 'tardías', 'atrasadas']);
    expect(marked('Añade una rúbrica', 'rubri')).toEqual(['rúbrica']);
    expect(marked('Cómo crear la tarea', 'como la')).toEqual([]);
    expect(marked('Abre SpeedGrader', 'speedgrader')).toEqual(['SpeedGrader']);
  });

  it('carry their language, which the English terms leave out', () => {
    expect(matchTerms('calificar', 'es-419').language).toBe('es');
    expect(matchTerms('grade', 'en-US')).toEqual(matchTerms('grade'));
    expect(matchTerms('grade')).not.toHaveProperty('language');
    // The same terms read as English would miss the Spanish forms.
    expect(wordMatches('Calificaciones', { ...matchTerms('calificar', 'es'), language: undefined })).toBe(false);
    expect(wordMatches('Calificaciones', matchTerms('calificar', 'es'))).toBe(true);
  });

  it('mark the word a typo stood for, from a Spanish index', () => {
    const index = createSearchIndex([card('r', { title: 'Publicar una calificación' })], { language: 'es' });
    const terms = index.matchTerms('calificasion');
    expect(terms.language).toBe('es');
    expect(wordMatches('calificaciones', terms)).toBe(true);
  });

  it('wrap matched Spanish words of rendered HTML in <mark>', () => {
    const root = document.createElement('p');
    root.innerHTML = 'Abre el <strong>cuestionario</strong> y revisa los exámenes.';
    expect(markMatches(root, matchTerms('examen', 'es'))).toBe(2);
    expect(Array.from(root.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual(['cuestionario', 'exámenes']);
  });
});

describe('a Spanish index', () => {
  const cards = [
    card('rubrica', { title: 'Calificar con una rúbrica', lang: 'es', tags: ['rúbrica', 'criterios'] }),
    card('anuncio', { title: 'Publicar o programar un anuncio', lang: 'es' }),
    card('late', { title: 'Set a late policy', summary: 'Take points off work handed in after the due date.' }),
    card('speedgrader', { title: 'Leave feedback in SpeedGrader', steps: ['Open **SpeedGrader** and type a comment.'] }),
  ];
  const index = createSearchIndex(cards, { language: 'es' });
  const ids = (query: string) => index.search(query).map((found) => found.id);

  it('reads Spanish queries with or without accents, inflected, by synonym or with a typo', () => {
    expect(index.language).toBe('es');
    for (const query of ['rúbrica', 'rubricas', 'nota con rubrica', 'calificando', 'rubirca']) expect(ids(query)[0], query).toBe('rubrica');
    for (const query of ['anuncios', 'aviso', 'publicar aviso', 'programar anuncio']) expect(ids(query)[0], query).toBe('anuncio');
    expect(ids('de la el')).toEqual([]);
  });

  it('still finds English cards for English words, product names included', () => {
    expect(ids('late policy')[0]).toBe('late');
    expect(ids('points off after the due date')[0]).toBe('late');
    expect(ids('speedgrader')[0]).toBe('speedgrader');
    expect(ids('feedback speedgrader')[0]).toBe('speedgrader');
  });

  it('leaves the English index as it was', () => {
    const english = createSearchIndex(cards);
    expect(english.language).toBe('en');
    expect(english.search('late policy').map((found) => found.id)[0]).toBe('late');
    // Spanish function words are words to the English analyser.
    expect(termOf('de')).toBe('de');
  });
});

describe('Spanish names of tools and pages in the index', () => {
  const classwork = validCard({
    id: 'gc-topic.es',
    title: 'Organizar con temas',
    summary: 'Agrupa las tareas por unidad.',
    tools: ['google-classroom'],
    contexts: ['classwork'],
    lang: 'es',
    tags: ['temas', 'translation-of:gc-topic'],
  });
  const other = validCard({
    id: 'gc-stream.es',
    title: 'Publicar un anuncio',
    tools: ['google-classroom'],
    contexts: ['stream'],
    lang: 'es',
  });

  it('finds a card by its page’s name in the card’s language ("Trabajo de clase" is Classwork)', () => {
    const index = createSearchIndex([classwork, other], { language: 'es' });
    expect(index.search('trabajo de clase').map((c) => c.id)).toEqual(['gc-topic.es']);
    expect(index.search('classwork').map((c) => c.id)).toEqual(['gc-topic.es']);
  });

  it('does not index the translation-of tag as words', () => {
    const index = createSearchIndex([classwork, other], { language: 'es' });
    expect(index.search('translation').map((c) => c.id)).toEqual([]);
  });
});
