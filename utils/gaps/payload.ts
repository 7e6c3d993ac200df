import type { CardRecord, Mentor } from '../platform/db';
import { isCardStep, type GapFlagPayload, type GapKind } from '../endpoints/types';
import { routeMentors, UNKNOWN_TOOL } from '../help-requests/help-request';
import { pageUrlToSend } from '../privacy/redact';
import type { Settings } from '../settings/settings';
import type { TabState } from '../tabs/tab-state';
import { contextName, toolById } from '../tools/catalog';
import { isCardKind } from './kinds';

/** A teacher's flag as it leaves the device: the payload the outbox sends and the preview shows. */

export const GAP_LIMITS = {
  /** The chat formats cut the teacher's words at 2000 characters: the form stops there too. */
  note: 2000,
  /** Searches a flag carries: the most recent ones are enough to show what was tried. */
  searches: 10,
  search: 200,
} as const;

export interface GapFlagInput {
  tabState: Pick<TabState, 'url' | 'detection'> | null;
  kind: GapKind;
  note: string;
  /**
   * The card the flag is about (required for 'unhelpful' and 'outdated'), and the step of it the
   * teacher means, counted from 1 ("Tell my coach this step is out of date"). A step the card
   * does not have is left out.
   */
  card?: Pick<CardRecord, 'id' | 'title' | 'pack' | 'version' | 'tools'> & { steps?: readonly unknown[]; step?: number };
  /** Searches on this page that found nothing, newest first, as the teacher typed them. */
  searches: readonly string[];
  settings: Pick<Settings, 'teacherName' | 'schoolName' | 'endpointFormat'>;
  mentors: readonly Mentor[];
  /** UUID, also the Idempotency-Key. */
  id: string;
  /** Epoch ms. */
  now: number;
  /** The teacher ticked "Include the full page address" for this one flag. */
  includeFullUrl: boolean;
}

/**
 * The flag exactly as the outbox will send it (the preview shows this object). Same privacy
 * rules as a ping: the page is its type and a redacted path unless the teacher chose otherwise.
 */
export function buildGapFlag(input: GapFlagInput): GapFlagPayload {
  const aboutCard = isCardKind(input.kind);
  if (aboutCard && !input.card) throw new Error(`A "${input.kind}" flag needs the card it is about.`);
  const detection = input.tabState?.detection ?? null;
  // On a page Coachmark does not know, a card flag is still about the card's own tool.
  const toolId = detection?.tool ?? (aboutCard ? input.card?.tools[0] : undefined);
  const tool = toolId ? { id: toolId, name: toolById(toolId)?.name ?? toolId } : { ...UNKNOWN_TOOL };
  const context = detection && detection.tool === tool.id ? detection.context : null;
  const url = input.tabState?.url ?? '';
  const school = input.settings.schoolName.trim();
  const payload: GapFlagPayload = {
    type: 'gap-flag',
    id: input.id,
    createdAt: new Date(input.now).toISOString(),
    teacher: school ? { name: input.settings.teacherName.trim(), school } : { name: input.settings.teacherName.trim() },
    tool,
    page: {
      context,
      name: contextName(tool.id, context),
      url: pageUrlToSend(url, input.includeFullUrl, tool.id),
    },
    mentors: routeMentors(input.mentors, tool.id, input.settings.endpointFormat),
    kind: input.kind,
    note: cutText(input.note.trim(), GAP_LIMITS.note),
    searches: cleanSearches(input.searches),
  };
  if (aboutCard && input.card) {
    const { id, title, pack, version, step, steps } = input.card;
    payload.card = { id, title, pack, version: version ?? 1 };
    if (isCardStep(step) && (steps === undefined || step <= steps.length)) payload.card.step = step;
  }
  return payload;
}

function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') : text;
}

/** Newest first, one line each, no repeats (ignoring case and spacing), a few at most. */
export function cleanSearches(searches: readonly string[], max: number = GAP_LIMITS.searches): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const search of searches) {
    const line = cutText(search.replace(/\s+/g, ' ').trim(), GAP_LIMITS.search);
    const key = line.toLowerCase();
    if (!line || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    if (out.length >= max) break;
  }
  return out;
}
