import { ENGLISH_WORDS, type WordAnalyser } from './text-terms';
import { queryWords } from './tokenize';

/**
 * Words teachers use for the same thing. Each group is matched in both directions; a member may
 * be a phrase ("due date"). Stems are applied at load, so list base forms.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['grade', 'mark', 'score'],
  ['video', 'clip', 'movie', 'film'],
  ['quiz', 'test', 'assessment', 'exam'],
  ['assignment', 'task', 'homework'],
  ['student', 'learner', 'pupil', 'kid'],
  ['delete', 'remove', 'erase', 'trash'],
  ['share', 'send'],
  ['rubric', 'criteria', 'criterion'],
  ['comment', 'feedback'],
  ['announcement', 'announce', 'post'],
  ['copy', 'duplicate', 'clone'],
  ['due date', 'deadline'],
  ['submit', 'submission', 'turn in', 'hand in', 'turn it in', 'hand it in'],
  ['embed', 'insert'],
  ['link', 'url'],
  ['text', 'txt'],
  ['image', 'picture', 'photo'],
  ['class', 'course'],
  ['parent', 'guardian', 'family'],
  ['email', 'mail'],
  ['calendar', 'schedule'],
  ['late', 'overdue'],
  ['sign in', 'log in', 'login'],
  ['discussion', 'forum', 'thread'],
  ['audio', 'voice', 'sound'],
  ['accommodation', 'extra time', 'extension'],
  ['co-teacher', 'coteacher', 'co teacher'],
  ['hide', 'unpublish'],
  ['mute', 'silence'],
  ['archive', 'end of year'],
];

/**
 * The same for Spanish, folded or not as teachers write them (accents are folded at load). A
 * Spanish index also reads the English groups: district cards are often in English, and
 * Spanish cards quote the English labels of some tools.
 */
export const SPANISH_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['calificar', 'nota', 'puntuar', 'evaluar', 'puntaje', 'corregir'],
  ['tarea', 'asignación', 'actividad', 'trabajo', 'deberes'],
  ['examen', 'prueba', 'cuestionario', 'evaluación', 'quiz', 'test'],
  ['tarde', 'atrasado', 'retraso', 'fuera de plazo', 'tardío', 'demora'],
  ['faltante', 'pendiente', 'sin entregar', 'no entregado'],
  ['estudiante', 'alumno'],
  ['profesor', 'maestro', 'docente'],
  ['coprofesor', 'co-profesor', 'profesor colaborador', 'codocente', 'co-docente'],
  ['rúbrica', 'criterios', 'pauta', 'lista de cotejo'],
  ['comentario', 'retroalimentación', 'observación', 'comentar', 'feedback'],
  ['anuncio', 'aviso', 'comunicado', 'novedad'],
  ['copiar', 'duplicar', 'clonar'],
  ['fecha límite', 'fecha de entrega', 'vencimiento', 'plazo'],
  ['entregar', 'enviar', 'subir'],
  ['subir', 'cargar'],
  ['video', 'vídeo', 'clip', 'película'],
  ['clase', 'curso', 'aula'],
  ['padres', 'familia', 'tutor', 'acudiente', 'apoderado'],
  ['borrar', 'eliminar', 'quitar', 'suprimir'],
  ['compartir', 'enviar'],
  ['insertar', 'incrustar', 'embeber'],
  ['ocultar', 'despublicar', 'esconder'],
  ['publicar', 'mostrar'],
  ['añadir', 'agregar', 'incluir'],
  ['crear', 'hacer'],
  ['configurar', 'definir', 'establecer', 'fijar', 'ajustar'],
  ['configuración', 'ajustes', 'opciones', 'preferencias'],
  ['revisar', 'consultar', 'comprobar', 'verificar', 'detectar'],
  ['empezar', 'comenzar', 'iniciar'],
  ['encontrar', 'buscar', 'búsqueda'],
  ['enlace', 'vínculo', 'link', 'url'],
  ['imagen', 'foto', 'fotografía'],
  ['correo', 'email', 'correo electrónico', 'mail'],
  ['calendario', 'agenda'],
  ['programar', 'agendar', 'calendarizar'],
  ['iniciar sesión', 'acceder', 'ingresar', 'login'],
  ['discusión', 'foro', 'debate'],
  ['audio', 'voz', 'sonido'],
  ['adaptación', 'acomodación', 'tiempo extra', 'más tiempo', 'tiempo adicional', 'prórroga', 'extensión'],
  ['silenciar', 'mutear'],
  ['archivar', 'fin de curso'],
  ['inscribir', 'matricular', 'enrolar', 'dar de alta'],
  ['devolver', 'regresar'],
  ['diapositiva', 'lámina'],
  ['asistencia', 'pasar lista'],
  ['ponderar', 'peso', 'porcentaje'],
  ['plagio', 'originalidad'],
  ['vivo', 'directo'],
  ['presentar', 'proyectar', 'lanzar'],
  ['juego', 'partida'],
  ['código', 'clave', 'pin'],
  ['informe', 'reporte'],
  ['avance', 'progreso'],
  ['meta', 'objetivo'],
  ['archivo', 'fichero'],
  ['recortar', 'cortar'],
  ['respuesta', 'responder', 'contestar'],
  ['plantilla', 'modelo'],
  ['tablero', 'panel'],
];

/** The longest phrase in the groups, in words: how far the query parser looks for one. */
export const MAX_PHRASE_WORDS = 3;

export interface SynonymTable {
  /** Stem → alternatives, each a list of stems (more than one for a phrase, stop words left out). */
  single: Map<string, string[][]>;
  /** "due dat" (stems of every word, joined by a space) → single-stem alternatives. */
  phrases: Map<string, string[]>;
}

/** The table of these groups, read with a language's stop words and stems. */
export function buildSynonymTable(groups: readonly (readonly string[])[], analyser: WordAnalyser = ENGLISH_WORDS): SynonymTable {
  const single = new Map<string, string[][]>();
  const phrases = new Map<string, string[]>();
  const stem = (word: string) => analyser.stem(word);
  for (const group of groups) {
    const members = group.map((phrase) => {
      const words = queryWords(phrase);
      return { key: words.map(stem).join(' '), words, content: words.filter((word) => !analyser.stopWords.has(word)).map(stem) };
    });
    for (const member of members) {
      const others = members.filter((other) => other.key !== member.key);
      if (member.words.length === 1) {
        const list = single.get(member.key) ?? [];
        // "turn in" without its stop word is just "turn": a phrase must keep two words to count.
        for (const other of others) if (other.words.length === 1 || other.content.length > 1) list.push(other.content);
        single.set(member.key, list);
      } else {
        const list = phrases.get(member.key) ?? [];
        for (const other of others) if (other.words.length === 1) list.push(other.key);
        phrases.set(member.key, list);
      }
    }
  }
  return { single, phrases };
}

export const SYNONYMS = buildSynonymTable(SYNONYM_GROUPS);
