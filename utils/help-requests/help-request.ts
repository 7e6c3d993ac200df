import type { Mentor } from '../platform/db';
import type { EndpointFormat, HelpRequestPayload, RoutedMentor, Urgency } from '../endpoints/types';
import { pageUrlToSend } from '../privacy/redact';
import type { Settings } from '../settings/settings';
import type { TabState } from '../tabs/tab-state';
import { contextName, toolById } from '../tools/catalog';

/**
 * A help request ("Ping a mentor") from what the panel knows: the tab's detection and URL, the
 * teacher's words and the settings. Pure, so the preview and the tests read the very object
 * the outbox will send. Page text never enters: only the tool, the page type and the address.
 */

/** The tool id a ping carries when the tab is not a tool Coachmark knows. */
export const UNKNOWN_TOOL = { id: 'other', name: 'Other' } as const;

/**
 * The mentors who help with a tool, each with the handle for the endpoint's format (omitted
 * when they have none), in name order so the preview and the message agree run after run.
 */
export function routeMentors(mentors: readonly Mentor[], toolId: string, format: EndpointFormat): RoutedMentor[] {
  return mentors
    .filter((mentor) => mentor.tools.includes(toolId))
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((mentor) => {
      const handle = mentor.handles[format]?.trim();
      return handle ? { name: mentor.name.trim(), handle } : { name: mentor.name.trim() };
    });
}

export interface HelpRequestInput {
  tabState: Pick<TabState, 'url' | 'detection'> | null;
  message: string;
  urgency: Urgency;
  /** The teacher ticked "Include the full page address" for this one message. */
  includeFullUrl: boolean;
  settings: Pick<Settings, 'teacherName' | 'schoolName' | 'endpointFormat'>;
  mentors: readonly Mentor[];
  /** UUID, also the Idempotency-Key. */
  id: string;
  /** Epoch ms. */
  now: number;
}

export function buildHelpRequest(input: HelpRequestInput): HelpRequestPayload {
  const detection = input.tabState?.detection ?? null;
  const tool = detection ? toolById(detection.tool) : undefined;
  const toolRef = detection ? { id: detection.tool, name: tool?.name ?? detection.tool } : { ...UNKNOWN_TOOL };
  const url = input.tabState?.url ?? '';
  const school = input.settings.schoolName.trim();
  return {
    type: 'help-request',
    id: input.id,
    createdAt: new Date(input.now).toISOString(),
    teacher: school ? { name: input.settings.teacherName.trim(), school } : { name: input.settings.teacherName.trim() },
    tool: toolRef,
    page: {
      context: detection?.context ?? null,
      name: detection ? contextName(detection.tool, detection.context) : null,
      url: pageUrlToSend(url, input.includeFullUrl, detection?.tool),
    },
    mentors: routeMentors(input.mentors, toolRef.id, input.settings.endpointFormat),
    message: input.message.trim(),
    urgency: input.urgency,
  };
}

/**
 * The one message "Send test message" posts: visibly a test, about no page and no tool, so a
 * receiver (or a person reading the channel) can tell it apart from a real request.
 */
export function buildTestRequest(input: {
  id: string;
  now: number;
  teacherName: string;
  schoolName: string;
  message: string;
}): HelpRequestPayload {
  const school = input.schoolName.trim();
  const name = input.teacherName.trim() || 'Coachmark';
  return {
    type: 'help-request',
    id: input.id,
    createdAt: new Date(input.now).toISOString(),
    teacher: school ? { name, school } : { name },
    tool: { id: 'coachmark-test', name: 'Coachmark test message' },
    page: { context: null, name: null, url: '' },
    mentors: [],
    message: input.message,
    urgency: 'this-week',
  };
}

/**
 * Whether a handle will become a real mention in that format (the same shapes the formatters
 * accept). Anything else is shown as the mentor's name, without notifying them.
 */
const MENTION_SHAPES: Record<EndpointFormat, RegExp> = {
  slack: /^[UW][A-Z0-9]{2,}$/,
  discord: /^\d{17,20}$/,
  'google-chat': /^(?:users\/)?\d{1,32}$/,
  teams: /^(?=.{1,254}$)[^\s@<>"\p{C}]+@[^\s@<>"\p{C}]+\.[^\s@<>"\p{C}]+$/u,
  json: /^\S(?:.*\S)?$/,
};

export function isMentionHandle(format: EndpointFormat, handle: string | undefined): boolean {
  const trimmed = handle?.trim();
  return !!trimmed && MENTION_SHAPES[format].test(trimmed);
}

/** Who a ping will notify, and who is only named (no usable handle for this format). */
export function mentionSummary(
  mentors: readonly RoutedMentor[],
  format: EndpointFormat,
): { mentioned: RoutedMentor[]; namedOnly: RoutedMentor[] } {
  const mentioned: RoutedMentor[] = [];
  const namedOnly: RoutedMentor[] = [];
  for (const mentor of mentors) (isMentionHandle(format, mentor.handle) ? mentioned : namedOnly).push(mentor);
  return { mentioned, namedOnly };
}
