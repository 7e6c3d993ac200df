import { catalogueLocale } from '../platform/i18n';
import { contextName, toolById } from './catalog';

/**
 * Tool and page names as the teacher reads them: in the language of the interface, as the
 * vendor’s own localized product calls them ("Trabajo de clase" in Google Classroom), else the
 * catalogue's English name. Product names that are brands stay as they are. What goes to a
 * mentor or the coach (payloads, exports) keeps the catalogue's names, which every reader shares.
 */

type Names = Readonly<Record<string, string>>;

/** Keys: a tool id, or "<tool id>/<context id>". */
const SPANISH: Names = {
  'canvas/new-quizzes': 'New Quizzes (Nuevos exámenes)',
  'canvas/gradebook': 'Libro de calificaciones',
  'canvas/assignment-editor': 'Editor de tareas',
  'canvas/syllabus': 'Programa del curso',
  'canvas/assignment': 'Tarea',
  'canvas/assignments': 'Tareas',
  'canvas/quiz-editor': 'Editor de exámenes',
  'canvas/quizzes': 'Exámenes',
  'canvas/discussion-editor': 'Editor de foros de discusión',
  'canvas/discussions': 'Foros de discusión',
  'canvas/announcements': 'Anuncios',
  'canvas/page-editor': 'Editor de páginas',
  'canvas/pages': 'Páginas',
  'canvas/people': 'Personas',
  'canvas/rubrics': 'Rúbricas',
  'canvas/course-settings': 'Configuración del curso',
  'canvas/files': 'Archivos',
  'canvas/external-tool': 'Herramienta externa',
  'canvas/modules': 'Módulos',
  'canvas/course-home': 'Página de inicio del curso',
  'canvas/calendar': 'Calendario',
  'canvas/inbox': 'Bandeja de entrada',
  'canvas/dashboard': 'Tablero',
  'google-classroom/student-work': 'Trabajo del alumno',
  'google-classroom/assignment': 'Tarea',
  'google-classroom/material': 'Material',
  'google-classroom/grades': 'Calificaciones',
  'google-classroom/stream': 'Tablón',
  'google-classroom/classwork': 'Trabajo de clase',
  'google-classroom/people': 'Personas',
  'google-classroom/grader': 'Herramienta de calificación',
  'google-classroom/to-review': 'Por revisar',
  'google-classroom/calendar': 'Calendario',
  'google-classroom/home': 'Clases',
  'schoology/assessment': 'Evaluación',
  'schoology/assignment': 'Tarea',
  'schoology/materials': 'Materiales',
  'schoology/updates': 'Actualizaciones',
  'schoology/gradebook': 'Libro de calificaciones',
  'schoology/home': 'Inicio',
  'moodle/grader': 'Informe del calificador',
  'moodle/submissions': 'Envíos',
  'moodle/assignment': 'Tarea',
  'moodle/quiz-editor': 'Editor de cuestionarios',
  'moodle/quiz': 'Cuestionario',
  'moodle/forum': 'Foro',
  'moodle/activity-editor': 'Editor de actividades',
  'moodle/course-home': 'Página del curso',
  'moodle/participants': 'Participantes',
  'moodle/gradebook': 'Calificaciones',
  'moodle/dashboard': 'Área personal',
  'brightspace/dashboard': 'Inicio',
  'brightspace/course-home': 'Inicio del curso',
  'brightspace/content': 'Contenido',
  'brightspace/gradebook': 'Calificaciones',
  'brightspace/assignments': 'Tareas',
  'brightspace/submissions': 'Envíos de tareas',
  'brightspace/quizzes': 'Cuestionarios',
  'brightspace/quiz-editor': 'Editor de cuestionarios',
  'brightspace/quiz-grading': 'Calificación de cuestionarios',
  'brightspace/discussions': 'Debates',
  'brightspace/people': 'Lista de clase',
  'blackboard/course-list': 'Cursos',
  'blackboard/activity-stream': 'Flujo de actividades',
  'blackboard/content-editor': 'Editor de contenido',
  'blackboard/assessment': 'Evaluación',
  'blackboard/gradebook': 'Libro de calificaciones',
  'blackboard/course-home': 'Página del curso',
  'blackboard/content': 'Contenido',
  'seesaw/sign-in': 'Iniciar sesión',
  'seesaw/activities': 'Actividades',
  'seesaw/journal': 'Diario',
  'nearpod/join': 'Unirse',
  'nearpod/presentation': 'Presentación',
  'nearpod/live-lesson': 'Lección en vivo',
  'nearpod/library': 'Biblioteca',
  'edpuzzle/class': 'Clase',
  'edpuzzle/media': 'Video',
  'edpuzzle/assignment': 'Tarea',
  'padlet/dashboard': 'Panel',
  'padlet/board': 'Muro',
  'kahoot/host': 'Presentando un juego',
  'kahoot/join': 'Unirse',
  'kahoot/editor': 'Editor de kahoots',
  'kahoot/details': 'Detalles del kahoot',
  'kahoot/discover': 'Descubrir',
  'quizizz/editor': 'Editor de cuestionarios',
  'quizizz/quiz': 'Cuestionario',
  'quizizz/library': 'Biblioteca',
  'quizizz/join': 'Unirse',
  'pear-deck/join': 'Unirse',
  'pear-deck/student-session': 'Sesión del estudiante',
  'pear-deck/home': 'Inicio',
  'desmos/activity-library': 'Biblioteca de actividades',
  'desmos/calculator': 'Calculadora gráfica',
  'desmos/activity': 'Actividad',
  'blooket/join': 'Unirse',
  'blooket/my-sets': 'Mis sets',
  'blooket/set': 'Set',
  'gimkit/join': 'Unirse',
  'gimkit/dashboard': 'Panel',
  'khan-academy/teacher-dashboard': 'Panel del maestro',
  'khan-academy/class': 'Clase',
  'khan-academy/content': 'Contenido del curso',
  'newsela/article': 'Artículo',
  'newsela/search': 'Búsqueda',
  'ixl/analytics': 'Análisis',
  'ixl/skill': 'Habilidad',
  'kami/viewer': 'Visor de documentos',
  'kami/share-link': 'Enlace para compartir',
  'canva/design-editor': 'Editor de diseños',
  'canva/design-view': 'Vista del diseño',
  'book-creator/sign-in': 'Iniciar sesión',
  'book-creator/editor': 'Editor de libros',
  'book-creator/library': 'Biblioteca',
  'wakelet/collection': 'Colección',
  'formative/editor': 'Editor de Formative',
  'formative/responses': 'Respuestas',
  'youtube/video': 'Video',
  'google-docs': 'Documentos de Google',
  'google-docs/editor': 'Documento',
  'google-docs/home': 'Inicio de Documentos',
  'google-slides': 'Presentaciones de Google',
  'google-slides/presenting': 'Presentando',
  'google-slides/editor': 'Presentación',
  'google-slides/home': 'Inicio de Presentaciones',
  'google-forms': 'Formularios de Google',
  'google-forms/responses': 'Respuestas',
  'google-forms/editor': 'Editor de formularios',
  'google-forms/respond': 'Responder un formulario',
  'google-forms/home': 'Inicio de Formularios',
  'google-sheets': 'Hojas de cálculo de Google',
  'google-sheets/editor': 'Hoja de cálculo',
  'google-sheets/home': 'Inicio de Hojas de cálculo',
  'google-drive/home': 'Drive',
  'google-meet/home': 'Inicio de Meet',
  'google-meet/meeting': 'Reunión',
  'microsoft-teams/assignments': 'Tareas',
  'microsoft-teams/class-channel': 'Canal de la clase',
  'microsoft-forms/editor': 'Editor de formularios',
  'microsoft-forms/respond': 'Responder un formulario',
  'clever/portal': 'Portal de Clever',
  'powerschool/teacher': 'Portal de PowerTeacher',
};

const BY_LANGUAGE: Readonly<Record<string, Names>> = { es: SPANISH };

function namesFor(language: string): Names | undefined {
  return BY_LANGUAGE[language.toLowerCase().split(/[-_]/)[0] ?? ''];
}

/** The tool's name in `language` (the interface's by default); the id for a tool the catalogue does not know. */
export function toolName(toolId: string, language: string = catalogueLocale()): string {
  return namesFor(language)?.[toolId] ?? toolById(toolId)?.name ?? toolId;
}

/** The page's name in `language` (the interface's by default); null for the tool as a whole or an unknown page. */
export function pageName(toolId: string, contextId: string | null, language: string = catalogueLocale()): string | null {
  const english = contextName(toolId, contextId);
  if (english === null) return null;
  return namesFor(language)?.[`${toolId}/${contextId}`] ?? english;
}

/** Every localized name, for the catalogue's tests. */
export const LOCALIZED_NAMES: Readonly<Record<string, Names>> = BY_LANGUAGE;
