import type { ToolDef } from '../types';
import { tool as canvas } from './canvas';
import { tool as googleClassroom } from './google-classroom';
import { tool as schoology } from './schoology';
import { tool as moodle } from './moodle';
import { tool as brightspace } from './brightspace';
import { tool as blackboard } from './blackboard';
import { tool as seesaw } from './seesaw';
import { tool as nearpod } from './nearpod';
import { tool as edpuzzle } from './edpuzzle';
import { tool as padlet } from './padlet';
import { tool as kahoot } from './kahoot';
import { tool as quizizz } from './quizizz';
import { tool as pearDeck } from './pear-deck';
import { tool as desmos } from './desmos';
import { tool as blooket } from './blooket';
import { tool as gimkit } from './gimkit';
import { tool as khanAcademy } from './khan-academy';
import { tool as newsela } from './newsela';
import { tool as ixl } from './ixl';
import { tool as kami } from './kami';
import { tool as canva } from './canva';
import { tool as bookCreator } from './book-creator';
import { tool as wakelet } from './wakelet';
import { tool as formative } from './formative';
import { tool as screencastify } from './screencastify';
import { tool as youtube } from './youtube';
import { tool as googleDocs } from './google-docs';
import { tool as googleSlides } from './google-slides';
import { tool as googleForms } from './google-forms';
import { tool as googleSheets } from './google-sheets';
import { tool as googleDrive } from './google-drive';
import { tool as googleMeet } from './google-meet';
import { tool as microsoftTeams } from './microsoft-teams';
import { tool as microsoftForms } from './microsoft-forms';
import { tool as clever } from './clever';
import { tool as classlink } from './classlink';
import { tool as powerschool } from './powerschool';

/**
 * The registry: every tool Coachmark knows, in the order detect() tries their hosts. Each
 * file holds one tool's data and its example URLs (the examples are not bundled: only the
 * `tool` export is imported here).
 */
export const TOOLS: readonly ToolDef[] = [
  canvas,
  googleClassroom,
  schoology,
  moodle,
  brightspace,
  blackboard,
  seesaw,
  nearpod,
  edpuzzle,
  padlet,
  kahoot,
  quizizz,
  pearDeck,
  desmos,
  blooket,
  gimkit,
  khanAcademy,
  newsela,
  ixl,
  kami,
  canva,
  bookCreator,
  wakelet,
  formative,
  screencastify,
  youtube,
  googleDocs,
  googleSlides,
  googleForms,
  googleSheets,
  googleDrive,
  googleMeet,
  microsoftTeams,
  microsoftForms,
  clever,
  classlink,
  powerschool,
];

export const KNOWN_TOOL_IDS: ReadonlySet<string> = new Set(TOOLS.map((tool) => tool.id));

export function toolById(id: string): ToolDef | undefined {
  return TOOLS.find((tool) => tool.id === id);
}

export function contextName(toolId: string, contextId: string | null): string | null {
  if (!contextId) return null;
  return toolById(toolId)?.contexts.find((context) => context.id === contextId)?.name ?? null;
}
