import type { OutboxItem } from '../platform/db';
import type { ComfortLevel, MentorVolunteerPayload } from '../endpoints/types';
import type { Settings } from '../settings/settings';
import { TOOLS, toolById } from '../tools/catalog';

/**
 * "I can help others": a teacher's offer to mentor colleagues, built from what they chose in the
 * panel. Pure, so the preview and the tests read the very object the outbox sends. It names the
 * teacher, the handle they gave and the tools; no page, no page address, nobody mentioned.
 */

/** A volunteer offer in the outbox (the outbox also holds pings, gap flags and growth plans). */
export type VolunteerItem = OutboxItem & { payload: MentorVolunteerPayload };

export const isVolunteerItem = (item: OutboxItem): item is VolunteerItem => item.payload.type === 'mentor-volunteer';

export interface VolunteerOfferInput {
  name: string;
  handle: string;
  /** Tool ids, in the order shown; unknown ids are sent with the id as their name. */
  tools: readonly string[];
  note: string;
  settings: Pick<Settings, 'schoolName'>;
  /** UUID, also the Idempotency-Key. */
  id: string;
  /** Epoch ms. */
  now: number;
}

export function buildVolunteerOffer(input: VolunteerOfferInput): MentorVolunteerPayload {
  const school = input.settings.schoolName.trim();
  const name = input.name.trim();
  const tools = [...new Set(input.tools)].map((id) => ({ id, name: toolById(id)?.name ?? id }));
  return {
    type: 'mentor-volunteer',
    id: input.id,
    createdAt: new Date(input.now).toISOString(),
    teacher: school ? { name, school } : { name },
    handle: input.handle.trim(),
    tools,
    note: input.note.trim(),
  };
}

export interface VolunteerToolChoices {
  /** Offered ticked: the page's tool first, then the tools the teacher called themselves expert in. */
  suggested: string[];
  /** Every other tool the school shows, by name, unticked. */
  others: string[];
}

/**
 * Which tools the form offers, and which it ticks: a teacher offers help first with the tool in
 * front of them and with the ones they rated "expert"; the rest of the catalogue (less the tools
 * the school hides) is one click further, in name order.
 */
export function volunteerToolChoices(
  pageTool: string | null,
  comfort: Readonly<Record<string, ComfortLevel>>,
  hiddenTools: readonly string[] = [],
): VolunteerToolChoices {
  const hidden = new Set(hiddenTools);
  const known = TOOLS.filter((tool) => !hidden.has(tool.id));
  const experts = known.filter((tool) => comfort[tool.id] === 'expert').map((tool) => tool.id);
  const page = pageTool && toolById(pageTool) && !hidden.has(pageTool) ? [pageTool] : [];
  const suggested = [...new Set([...page, ...experts])];
  const others = known
    .filter((tool) => !suggested.includes(tool.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((tool) => tool.id);
  return { suggested, others };
}
