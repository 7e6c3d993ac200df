/**
 * Generic JSON: the payload itself, as documented in the README. Built field by field so that
 * only documented fields leave the device, in a stable order, whatever else the object carries.
 * Nothing is escaped: a receiver gets the teacher's words as typed and renders them itself. Two
 * things are changed on the way: the marks that reorder or break lines are taken out (as in every
 * format), and every field is cut to a documented length, so the body has a known bound. A growth
 * plan has lists that grow all term, so its bound also needs `fitGrowthPlan`, which leaves out the
 * oldest entries until the body fits.
 */
import { TEXT_LIMITS, stripLayoutMarks, truncate, wholeCount } from './message-parts';
import {
  isCardStep,
  type GapFlagPayload,
  type GrowthPlanPayload,
  type HelpRequestPayload,
  type MentorVolunteerPayload,
  type OutgoingPayload,
  type PagePayload,
  type PayloadBase,
  type PlanCardRef,
  type PlanGoal,
  type PlanPing,
  type PlanReflection,
  type PlanSavedEntry,
  type RoutedMentor,
} from './types';

export type GenericJsonPayload = OutgoingPayload;

/**
 * Field lengths in UTF-16 units (what JavaScript's `length` counts), as documented in the README.
 * Names and the words match the chat formats; searches and the URL are what the forms keep, so a
 * payload made by the extension is never cut. A cut value ends with "…".
 */
export const JSON_LIMITS = {
  id: 128,
  /** createdAt, and every time and date in a growth plan */
  createdAt: 64,
  /** teacher.name, teacher.school, tool.name, page.name, mentors[].name, card.pack */
  name: TEXT_LIMITS.name,
  /** tool.id, page.context, card.id, goals[].id */
  token: 100,
  url: 2000,
  handle: 254,
  mentors: 20,
  words: TEXT_LIMITS.words,
  cardTitle: TEXT_LIMITS.card,
  searches: 10,
  search: 200,
  /** Growth plans. Goals are all sent (up to this many); the lengths match what the plan stores. */
  goals: 20,
  goalText: 300,
  /** Entries per list: the plan's own list, and each goal's. The newest are kept. */
  saved: 50,
  savedNote: 1000,
  reflections: 50,
  reflectionText: 2000,
  pings: 100,
  pingMessage: TEXT_LIMITS.words,
  /** Mentor volunteers: the tools they offer (tool ids and names as above) and their note. */
  volunteerTools: 20,
  volunteerNote: TEXT_LIMITS.words,
} as const;

/**
 * The whole encoded body, in UTF-8 bytes. For pings and flags the caps above hold it: every unit
 * is at most three bytes once encoded (a character outside the BMP is two units and four bytes;
 * `"` and `\` are one unit and two bytes; the controls that JSON would spell as six-byte `\u00XX`
 * are dropped). For a growth plan `fitGrowthPlan` holds it: twenty goals with every field at its
 * cap in three-byte characters come to about 40 KB, so the goals always fit once the other
 * entries are left out.
 */
export const JSON_BODY_BUDGET = 48 * 1024;

/** A field as typed, cleaned as every format cleans it (stripLayoutMarks) and cut to `max`. */
function field(text: string, max: number): string {
  return truncate(stripLayoutMarks(String(text)), max);
}

/**
 * The id as sent, in the body and in the Idempotency-Key header alike (a UUID is far shorter; a
 * longer one is cut the same way in both places, so they still agree).
 */
export function payloadId(payload: Pick<PayloadBase, 'id'>): string {
  return field(payload.id, JSON_LIMITS.id);
}

function mentor(routed: RoutedMentor): RoutedMentor {
  const name = field(routed.name, JSON_LIMITS.name);
  return routed.handle === undefined ? { name } : { name, handle: field(routed.handle, JSON_LIMITS.handle) };
}

function base(payload: PayloadBase): PayloadBase {
  return {
    id: payloadId(payload),
    createdAt: field(payload.createdAt, JSON_LIMITS.createdAt),
    teacher: teacherFields(payload.teacher),
    tool: { id: field(payload.tool.id, JSON_LIMITS.token), name: field(payload.tool.name, JSON_LIMITS.name) },
    page: {
      context: payload.page.context === null ? null : field(payload.page.context, JSON_LIMITS.token),
      name: payload.page.name === null ? null : field(payload.page.name, JSON_LIMITS.name),
      url: field(payload.page.url, JSON_LIMITS.url),
    },
    mentors: payload.mentors.slice(0, JSON_LIMITS.mentors).map(mentor),
  };
}

export function toJsonPayload(payload: OutgoingPayload): GenericJsonPayload {
  if (payload.type === 'growth-plan') return fitGrowthPlan(payload);
  if (payload.type === 'mentor-volunteer') return volunteerPayload(payload);
  return pagePayload(payload);
}

function teacherFields(teacher: PayloadBase['teacher']): PayloadBase['teacher'] {
  return teacher.school === undefined
    ? { name: field(teacher.name, JSON_LIMITS.name) }
    : { name: field(teacher.name, JSON_LIMITS.name), school: field(teacher.school, JSON_LIMITS.name) };
}

function volunteerPayload(payload: MentorVolunteerPayload): MentorVolunteerPayload {
  return {
    type: 'mentor-volunteer',
    id: payloadId(payload),
    createdAt: field(payload.createdAt, JSON_LIMITS.createdAt),
    teacher: teacherFields(payload.teacher),
    handle: field(payload.handle, JSON_LIMITS.handle),
    tools: payload.tools.slice(0, JSON_LIMITS.volunteerTools).map(planTool),
    note: field(payload.note, JSON_LIMITS.volunteerNote),
  };
}

function pagePayload(payload: PagePayload): PagePayload {
  if (payload.type === 'help-request') {
    const help: HelpRequestPayload = {
      type: 'help-request',
      ...base(payload),
      message: field(payload.message, JSON_LIMITS.words),
      urgency: payload.urgency,
    };
    return help;
  }
  const gap: GapFlagPayload = {
    type: 'gap-flag',
    ...base(payload),
    kind: payload.kind,
    note: field(payload.note, JSON_LIMITS.words),
    ...(payload.card
      ? {
          card: {
            id: field(payload.card.id, JSON_LIMITS.token),
            title: field(payload.card.title, JSON_LIMITS.cardTitle),
            pack: field(payload.card.pack, JSON_LIMITS.name),
            version: payload.card.version,
            ...(isCardStep(payload.card.step) ? { step: payload.card.step } : {}),
          },
        }
      : {}),
    searches: payload.searches.slice(0, JSON_LIMITS.searches).map((search) => field(search, JSON_LIMITS.search)),
  };
  return gap;
}

function planTool(tool: { id: string; name: string }): { id: string; name: string } {
  return { id: field(tool.id, JSON_LIMITS.token), name: field(tool.name, JSON_LIMITS.name) };
}

function planCard(card: PlanCardRef): PlanCardRef {
  return {
    id: field(card.id, JSON_LIMITS.token),
    title: field(card.title, JSON_LIMITS.cardTitle),
    pack: field(card.pack, JSON_LIMITS.name),
  };
}

function planPage(page: string | null): string | null {
  return page === null ? null : field(page, JSON_LIMITS.name);
}

function savedEntry(entry: PlanSavedEntry): PlanSavedEntry {
  return {
    savedAt: field(entry.savedAt, JSON_LIMITS.createdAt),
    note: field(entry.note, JSON_LIMITS.savedNote),
    ...(entry.card ? { card: planCard(entry.card) } : {}),
    ...(entry.ping
      ? {
          ping: {
            createdAt: field(entry.ping.createdAt, JSON_LIMITS.createdAt),
            tool: planTool(entry.ping.tool),
            page: planPage(entry.ping.page),
            message: field(entry.ping.message, JSON_LIMITS.pingMessage),
          },
        }
      : {}),
  };
}

function reflection(entry: PlanReflection): PlanReflection {
  return {
    at: field(entry.at, JSON_LIMITS.createdAt),
    text: field(entry.text, JSON_LIMITS.reflectionText),
    ...(entry.card ? { card: planCard(entry.card) } : {}),
  };
}

function ping(entry: PlanPing): PlanPing {
  return {
    createdAt: field(entry.createdAt, JSON_LIMITS.createdAt),
    tool: planTool(entry.tool),
    page: planPage(entry.page),
    message: field(entry.message, JSON_LIMITS.pingMessage),
    urgency: entry.urgency,
  };
}

function goal(entry: PlanGoal): PlanGoal {
  return {
    id: field(entry.id, JSON_LIMITS.token),
    text: field(entry.text, JSON_LIMITS.goalText),
    tool: entry.tool === null ? null : planTool(entry.tool),
    ...(entry.comfort === undefined ? {} : { comfort: entry.comfort }),
    progress: entry.progress,
    saved: entry.saved.map(savedEntry),
    reflections: entry.reflections.map(reflection),
  };
}

/** Every field of a plan cleaned and cut; the lists as they are (fitGrowthPlan shortens them). */
function planFields(payload: GrowthPlanPayload): GrowthPlanPayload {
  const { since, nextMeeting } = payload.period;
  return {
    type: 'growth-plan',
    id: payloadId(payload),
    createdAt: field(payload.createdAt, JSON_LIMITS.createdAt),
    teacher: teacherFields(payload.teacher),
    period: {
      since: since === null ? null : field(since, JSON_LIMITS.createdAt),
      nextMeeting: nextMeeting === null ? null : field(nextMeeting, JSON_LIMITS.createdAt),
    },
    goals: payload.goals.slice(0, JSON_LIMITS.goals).map(goal),
    saved: payload.saved.map(savedEntry),
    reflections: payload.reflections.map(reflection),
    pings: payload.pings.map(ping),
    omitted: {
      saved: wholeCount(payload.omitted.saved),
      reflections: wholeCount(payload.omitted.reflections),
      pings: wholeCount(payload.omitted.pings),
    },
  };
}

type EntryKind = keyof GrowthPlanPayload['omitted'];
type PlanEntry = PlanSavedEntry | PlanReflection | PlanPing;

/** One list of the plan that entries can be left out of: the plan's own, or a goal's. */
interface PlanList {
  kind: EntryKind;
  entries: PlanEntry[];
}

const UTF8 = new TextEncoder();

function utf8Bytes(text: string): number {
  return UTF8.encode(text).length;
}

/** When an entry was made; an unreadable time counts as the oldest. */
function entryTime(entry: PlanEntry): number {
  const at = 'savedAt' in entry ? entry.savedAt : 'at' in entry ? entry.at : entry.createdAt;
  const time = Date.parse(at);
  return Number.isNaN(time) ? -Infinity : time;
}

/** Oldest first; entries made at the same time keep the order they were listed in. */
function oldestFirst<T extends PlanEntry>(entries: T[]): T[] {
  const times = new Map(entries.map((entry) => [entry, entryTime(entry)]));
  return [...entries].sort((a, b) => {
    const [ta, tb] = [times.get(a)!, times.get(b)!];
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
}

/**
 * The plan as sent: every field cleaned and cut (JSON_LIMITS), at most JSON_LIMITS.goals goals,
 * each list cut to its newest entries, and then the oldest saved entries, reflections and pings
 * (the plan's and the goals' alike, oldest first whatever their kind) left out one by one until
 * the encoded body fits JSON_BODY_BUDGET. Each entry left out is counted in `omitted`, so the
 * coach knows the plan was longer; the entries of goals past the cap are counted too. Goals are
 * never left out for size.
 *
 * The size is measured, not estimated: JSON.stringify writes an object as the concatenation of
 * its parts, so the body's bytes are the bytes of the plan with empty lists, plus each kept
 * entry's encoded bytes and a comma between neighbors, plus the digits `omitted` gains. The panel
 * calls this before the preview and toJsonPayload calls it again; on a plan that already fits it
 * changes nothing.
 */
export function fitGrowthPlan(payload: GrowthPlanPayload): GrowthPlanPayload {
  const plan = planFields(payload);
  const omitted = { ...plan.omitted };
  for (const extra of payload.goals.slice(JSON_LIMITS.goals)) {
    omitted.saved += extra.saved.length;
    omitted.reflections += extra.reflections.length;
  }
  const lists: PlanList[] = [
    { kind: 'saved', entries: plan.saved },
    { kind: 'reflections', entries: plan.reflections },
    { kind: 'pings', entries: plan.pings },
    ...plan.goals.flatMap((g): PlanList[] => [
      { kind: 'saved', entries: g.saved },
      { kind: 'reflections', entries: g.reflections },
    ]),
  ];
  const dropped = new Set<PlanEntry>();

  // Each list to its count cap, keeping its newest entries.
  for (const list of lists) {
    const excess = list.entries.length - JSON_LIMITS[list.kind];
    if (excess <= 0) continue;
    for (const entry of oldestFirst(list.entries).slice(0, excess)) dropped.add(entry);
    omitted[list.kind] += excess;
  }

  // The body with every list empty, then what each kept entry adds to it.
  const empty: GrowthPlanPayload = {
    ...plan,
    goals: plan.goals.map((g) => ({ ...g, saved: [], reflections: [] })),
    saved: [],
    reflections: [],
    pings: [],
    omitted,
  };
  let bytes = utf8Bytes(JSON.stringify(empty));
  const listOf = new Map<PlanEntry, PlanList>();
  const left = new Map<PlanList, number>();
  const sizes = new Map<PlanEntry, number>();
  for (const list of lists) {
    const kept = list.entries.filter((entry) => !dropped.has(entry));
    for (const entry of kept) {
      listOf.set(entry, list);
      sizes.set(entry, utf8Bytes(JSON.stringify(entry)));
      bytes += sizes.get(entry)!;
    }
    left.set(list, kept.length);
    bytes += Math.max(kept.length - 1, 0);
  }

  for (const entry of oldestFirst([...listOf.keys()])) {
    if (bytes <= JSON_BODY_BUDGET) break;
    const list = listOf.get(entry)!;
    const remaining = left.get(list)! - 1;
    left.set(list, remaining);
    dropped.add(entry);
    const digits = String(omitted[list.kind]).length;
    omitted[list.kind] += 1;
    // Its bytes, the comma beside it (when a neighbor is left), and the digits `omitted` gains.
    bytes -= sizes.get(entry)! + (remaining > 0 ? 1 : 0) - (String(omitted[list.kind]).length - digits);
  }

  const keep = <T extends PlanEntry>(entries: T[]): T[] => entries.filter((entry) => !dropped.has(entry));
  return {
    ...plan,
    goals: plan.goals.map((g) => ({ ...g, saved: keep(g.saved), reflections: keep(g.reflections) })),
    saved: keep(plan.saved),
    reflections: keep(plan.reflections),
    pings: keep(plan.pings),
    omitted: { ...omitted },
  };
}
