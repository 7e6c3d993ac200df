/**
 * The format-neutral pieces of a chat message: every chat format renders the same title, facts,
 * teacher's words and mentors, in the same order, so a ping reads the same on every platform.
 * Values here are raw (unescaped); each format escapes them for its own markup.
 */
import {
  isCardStep,
  type ComfortLevel,
  type GapFlagCard,
  type GapKind,
  type GoalProgress,
  type GrowthPlanPayload,
  type MentorVolunteerPayload,
  type OutgoingPayload,
  type PagePayload,
  type PlanCardRef,
  type PlanPing,
  type PlanReflection,
  type PlanSavedEntry,
  type RoutedMentor,
  type Urgency,
} from './types';

/** Zero-width space: splits a token (`@everyone`, `<at>`, `](`) so no chat parses it. */
export const ZWSP = '\u200B';
export const ELLIPSIS = '…';

export const GAP_KIND_LABELS: Record<GapKind, string> = {
  missing: 'no card',
  unhelpful: "card didn't help",
  outdated: 'card out of date',
  'search-found-nothing': 'search found nothing',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  now: 'Now',
  today: 'Today',
  'this-week': 'This week',
};

/** A goal's progress and the teacher's comfort with its tool, in a growth plan's summary. */
export const GOAL_PROGRESS_LABELS: Record<GoalProgress, string> = {
  'not-started': 'Not started',
  trying: 'Trying',
  'getting-there': 'Getting there',
  done: 'Done',
};

export const COMFORT_LABELS: Record<ComfortLevel, string> = {
  new: 'new to it',
  comfortable: 'comfortable',
  expert: 'expert',
};

/**
 * Lengths before escaping, the same for every format: enough for a real question, short enough
 * that every platform's limit holds after escaping (each format still fits its own limit).
 */
export const TEXT_LIMITS = {
  title: 150,
  name: 100,
  path: 300,
  card: 200,
  words: 2000,
  searchesShown: 5,
  search: 80,
  /** A growth plan's summary: a goal's words, and each note, reflection or ping in it. */
  planGoal: 200,
  planItem: 160,
  /** Saved items and reflections listed per goal (and for the plan's own), and pings listed. */
  planItemsShown: 3,
  pingsShown: 3,
  /** A volunteer's chat handle (as long as an e-mail address may be) and the tools they offer, joined. */
  handle: 254,
  tools: 500,
} as const;

export type FactLabel =
  'Teacher' | 'School' | 'Page' | 'Urgency' | 'Card' | 'Searches' | 'Next meeting' | 'Since' | 'Chat handle' | 'Tools';

export interface Fact {
  label: FactLabel;
  value: string;
}

export interface MessageParts {
  /**
   * "Help needed: Nearpod › Reports", "Gap flagged: Canvas › SpeedGrader — no card", "Growth plan: Maya Lopez",
   * "Mentor volunteer: Maya Lopez".
   */
  title: string;
  facts: Fact[];
  /** "Message" for a help request, "Note" for a gap flag or a volunteer's offer, "Plan" for a growth plan's summary. */
  wordsLabel: 'Message' | 'Note' | 'Plan';
  /** The teacher's words, normalised; empty when there are none. */
  words: string;
  mentors: RoutedMentor[];
}

/** Code points, so a cut never splits a surrogate pair. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Cuts raw text to `max` UTF-16 units (limits are counted that way or more leniently), with an ellipsis. */
export function truncate(text: string, max: number): string {
  // Nothing past the first `max` units can be kept, so a long text is not split up whole.
  return fitEscaped(text.length > max ? text.slice(0, max + 1) : text, max, (ch) => ch);
}

/**
 * Escapes `raw` one code point at a time and cuts the result to `max` UTF-16 units, ending with an
 * ellipsis when cut. Escaping per code point means a cut never lands inside an entity (`&amp;`)
 * or between a character and the zero-width space that defuses it.
 */
export function fitEscaped(raw: string, max: number, escape: (ch: string) => string): string {
  const pieces = codePoints(raw).map(escape);
  const full = pieces.join('');
  if (full.length <= max) return full;
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * "and 3 more" after a list cut short, or "3 more" when nothing of the list fits. In English,
 * like every other word a chat message carries (its labels, the urgency): one message in one
 * language, whatever the sender's browser speaks, built without the extension's UI strings.
 */
export function moreText(count: number, afterList: boolean): string {
  return afterList ? `and ${count} more` : `${count} more`;
}

/** A count as shown and sent: a whole number, never negative (a NaN or -1 from elsewhere is 0). */
export function wholeCount(value: number): number {
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * Joins items while the result stays within `max`, at most `limit` of them, then says how many
 * were left out. Returns the items that made it so callers (Discord's allowed_mentions, Teams'
 * entities) can agree with what is shown.
 */
export function joinWithin(items: string[], max: number, separator = ', ', limit = items.length): { text: string; shown: number } {
  // Room for the longest possible " and N more", so whatever is cut, it fits.
  const reserve = 1 + moreText(items.length, true).length;
  let text = '';
  let shown = 0;
  for (const [index, item] of items.slice(0, Math.max(limit, 0)).entries()) {
    const next = shown === 0 ? item : `${text}${separator}${item}`;
    const isLast = index === items.length - 1;
    if (next.length + (isLast ? 0 : reserve) > max) break;
    text = next;
    shown += 1;
  }
  const left = items.length - shown;
  if (left > 0) text = shown === 0 ? moreText(left, false) : `${text} ${moreText(left, true)}`;
  return { text, shown };
}

/**
 * Control characters other than newline and tab are not something a teacher types: they hide
 * text, and drive the terminal of a receiver that logs the body (ESC sequences). Dropped.
 */
const CONTROLS = /[^\n\t\P{Cc}]/gu;

/**
 * Marks that change how text is laid out rather than what it says. Bidi embeddings, overrides,
 * isolates and the implicit marks can reorder a line, so a name reads as part of the message or
 * a path reads backwards; the Unicode line and paragraph separators break a line in some chats
 * (and end a line in some JSON readers) while others show nothing.
 */
const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
/** Half a surrogate pair is no character: chats show a box or refuse the message, JSON gets `\udxxx`. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The one place every text that people typed passes before it leaves the device, in every
 * format, the generic JSON body included: one kind of newline, the Unicode separators made plain
 * newlines (which each format renders its own way, or a single-line value turns into a space),
 * bidi marks and control characters other than newline and tab dropped, broken surrogates
 * replaced. Everything else is left as typed.
 */
export function stripLayoutMarks(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LINE_SEPARATORS, '\n')
    .replace(BIDI_MARKS, '')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Teacher-typed text (and anything else not written by us) before any format sees it: one kind of
 * newline, no control characters, no runs of blank lines, and the plain-text mass mentions
 * (`@everyone`, `@here`, `@channel`, `@all`) broken with a zero-width space. The markup forms
 * (`<!channel>`, `<users/all>`, `<at>`) are each format's job, since their escapes differ.
 */
export function cleanText(text: string): string {
  return stripLayoutMarks(text)
    .replace(/\t/g, ' ')
    .replace(/@(?=(?:everyone|here|channel|all|group)\b)/gi, `@${ZWSP}`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A single-line value: a run of white space with a newline in it becomes one space. Matched run
 * by run (`\s+`), which stays linear on a long run of spaces where `\s*\n\s*` would backtrack.
 */
function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

/** "Nearpod › Reports", or "Nearpod" when the page has no name. */
function place(tool: { id: string; name: string }, pageName: string | null): string {
  const name = cleanLine(tool.name) || cleanLine(tool.id);
  const page = pageName ? cleanLine(pageName) : '';
  return page ? `${name} › ${page}` : name;
}

function placeLabel(payload: PagePayload): string {
  return place(payload.tool, payload.page.name);
}

function titleLine(payload: PagePayload): string {
  const title =
    payload.type === 'help-request'
      ? `Help needed: ${placeLabel(payload)}`
      : `Gap flagged: ${placeLabel(payload)} — ${GAP_KIND_LABELS[payload.kind]}`;
  return truncate(title, TEXT_LIMITS.title);
}

function teacherLabel(payload: Pick<OutgoingPayload, 'teacher'>): string {
  const name = truncate(cleanLine(payload.teacher.name), TEXT_LIMITS.name);
  const school = payload.teacher.school ? truncate(cleanLine(payload.teacher.school), TEXT_LIMITS.name) : '';
  return school ? `${name} (${school})` : name;
}

export function messageParts(payload: OutgoingPayload): MessageParts {
  if (payload.type === 'growth-plan') return planParts(payload);
  if (payload.type === 'mentor-volunteer') return volunteerParts(payload);
  const facts: Fact[] = [
    { label: 'Teacher', value: teacherLabel(payload) },
    { label: 'Page', value: truncate(cleanLine(payload.page.url), TEXT_LIMITS.path) },
  ];
  if (payload.type === 'help-request') {
    facts.push({ label: 'Urgency', value: URGENCY_LABELS[payload.urgency] });
  } else {
    if (payload.card) facts.push({ label: 'Card', value: cardFact(payload.card) });
    const searches = payload.searches.map((search) => cleanLine(search)).filter(Boolean);
    if (searches.length > 0) {
      const shown = searches.slice(0, TEXT_LIMITS.searchesShown).map((s) => `“${truncate(s, TEXT_LIMITS.search)}”`);
      const more = searches.length - shown.length;
      facts.push({ label: 'Searches', value: shown.join(', ') + (more > 0 ? ` ${moreText(more, true)}` : '') });
    }
  }
  const words = payload.type === 'help-request' ? payload.message : payload.note;
  return {
    title: titleLine(payload),
    facts,
    wordsLabel: payload.type === 'help-request' ? 'Message' : 'Note',
    words: truncate(cleanText(words), TEXT_LIMITS.words),
    mentors: uniqueMentors(payload.mentors),
  };
}

/** In a card fact that names a step, the pack and version after it ("(district v3)") take at most this much. */
const STEP_PACK_ROOM = 60;

/**
 * "Grade with a rubric (district v3)", or with the step the flag is about, "Grade with a rubric,
 * step 3 (district v3)". A long title gives way so that the step is always read.
 */
function cardFact(card: GapFlagCard): string {
  const { title, pack, version, step } = card;
  if (!isCardStep(step)) return truncate(cleanLine(`${title} (${pack} v${version})`), TEXT_LIMITS.card);
  const packText = ` ${truncate(cleanLine(`(${pack} v${version})`), STEP_PACK_ROOM - 1)}`;
  const titleText = truncate(cleanLine(title), TEXT_LIMITS.card - `, step ${step}`.length - packText.length);
  return `${titleText ? `${titleText}, step` : 'Step'} ${step}${packText}`;
}

/** A piece of a plan's summary: one line, cut to `max`. */
function planText(text: string, max: number = TEXT_LIMITS.planItem): string {
  return truncate(cleanLine(text), max);
}

function cardLabel(card: PlanCardRef): string {
  const title = planText(card.title, TEXT_LIMITS.card);
  const pack = planText(card.pack, TEXT_LIMITS.name);
  return pack ? `“${title}” (${pack})` : `“${title}”`;
}

function savedLine(entry: PlanSavedEntry): string {
  const note = planText(entry.note);
  let what = 'Saved note';
  if (entry.card) what = `Saved card ${cardLabel(entry.card)}`;
  else if (entry.ping) {
    const where = truncate(place(entry.ping.tool, entry.ping.page), TEXT_LIMITS.name);
    what = `Saved ping (${where}): “${planText(entry.ping.message)}”`;
  }
  return note ? `${what} — ${note}` : what;
}

function reflectionLine(entry: PlanReflection): string {
  return `${entry.card ? `Reflection on ${cardLabel(entry.card)}` : 'Reflection'}: ${planText(entry.text)}`;
}

function pingLine(entry: PlanPing): string {
  const where = truncate(place(entry.tool, entry.page), TEXT_LIMITS.name);
  return `${where} (${URGENCY_LABELS[entry.urgency]}): ${planText(entry.message)}`;
}

/** The first `shown` lines as bullets, then "and N more" for the rest (`total` counts those not sent too). */
function bullets(lines: string[], shown: number, total = lines.length): string[] {
  const listed = lines.slice(0, shown).map((line) => `• ${line}`);
  const left = total - listed.length;
  return left > 0 ? [...listed, `• ${listed.length > 0 ? moreText(left, true) : moreText(left, false)}`] : listed;
}

/**
 * A growth plan in plain text, for the coach to read before the meeting: each goal with its tool
 * and progress and what the teacher saved and reflected on for it, then what is linked to no
 * goal, then how many pings were sent with the first few, and what was left out to fit. Lists
 * keep the plan's order and show their first few items; the JSON body carries them all.
 */
function planSummary(plan: GrowthPlanPayload): string {
  const blocks: string[][] = [];
  const shown = TEXT_LIMITS.planItemsShown;
  for (const [index, goal] of plan.goals.entries()) {
    const tool = goal.tool
      ? [truncate(place(goal.tool, null), TEXT_LIMITS.name), goal.comfort ? COMFORT_LABELS[goal.comfort] : ''].filter(Boolean).join(', ')
      : 'practice';
    blocks.push([
      `Goal ${index + 1}: ${planText(goal.text, TEXT_LIMITS.planGoal)} (${tool}) — ${GOAL_PROGRESS_LABELS[goal.progress]}`,
      ...bullets(goal.saved.map(savedLine), shown),
      ...bullets(goal.reflections.map(reflectionLine), shown),
    ]);
  }
  if (plan.goals.length === 0) blocks.push(['No goals yet.']);
  if (plan.saved.length > 0 || plan.reflections.length > 0) {
    blocks.push([
      'Not linked to a goal',
      ...bullets(plan.saved.map(savedLine), shown),
      ...bullets(plan.reflections.map(reflectionLine), shown),
    ]);
  }
  const pings = plan.pings.length + wholeCount(plan.omitted.pings);
  blocks.push([`Pings sent: ${pings}`, ...bullets(plan.pings.map(pingLine), TEXT_LIMITS.pingsShown, pings)]);
  const [saved, reflections] = [wholeCount(plan.omitted.saved), wholeCount(plan.omitted.reflections)];
  const left = [saved > 0 ? `saved ${saved}` : '', reflections > 0 ? `reflections ${reflections}` : ''].filter(Boolean);
  if (left.length > 0) blocks.push([`Oldest entries left out to fit: ${left.join(', ')}`]);
  return truncate(blocks.map((block) => block.join('\n')).join('\n\n'), TEXT_LIMITS.words);
}

/** A growth plan's message: whose plan, the meeting dates, the summary; nobody is mentioned. */
function planParts(plan: GrowthPlanPayload): MessageParts {
  const name = truncate(cleanLine(plan.teacher.name), TEXT_LIMITS.name);
  const facts: Fact[] = [{ label: 'Teacher', value: teacherLabel(plan) }];
  const nextMeeting = plan.period.nextMeeting ? planText(plan.period.nextMeeting, TEXT_LIMITS.name) : '';
  const since = plan.period.since ? planText(plan.period.since, TEXT_LIMITS.name) : '';
  if (nextMeeting) facts.push({ label: 'Next meeting', value: nextMeeting });
  if (since) facts.push({ label: 'Since', value: since });
  return {
    title: truncate(name ? `Growth plan: ${name}` : 'Growth plan', TEXT_LIMITS.title),
    facts,
    wordsLabel: 'Plan',
    words: planSummary(plan),
    mentors: [],
  };
}

/**
 * A teacher's offer to help: who, where they can be reached and with which tools, and their note.
 * Nobody is mentioned: the volunteer is not a mentor until a coach adds them, and the handle is
 * shown as text for the coach to copy, never as a mention of the volunteer.
 */
function volunteerParts(offer: MentorVolunteerPayload): MessageParts {
  const name = truncate(cleanLine(offer.teacher.name), TEXT_LIMITS.name);
  const school = offer.teacher.school ? truncate(cleanLine(offer.teacher.school), TEXT_LIMITS.name) : '';
  const handle = truncate(cleanLine(offer.handle), TEXT_LIMITS.handle);
  const tools = offer.tools.map((tool) => truncate(place(tool, null), TEXT_LIMITS.name)).filter(Boolean);
  const facts: Fact[] = [{ label: 'Teacher', value: name }];
  if (school) facts.push({ label: 'School', value: school });
  if (handle) facts.push({ label: 'Chat handle', value: handle });
  if (tools.length > 0) facts.push({ label: 'Tools', value: joinWithin(tools, TEXT_LIMITS.tools).text });
  return {
    title: truncate(name ? `Mentor volunteer: ${name}` : 'Mentor volunteer', TEXT_LIMITS.title),
    facts,
    wordsLabel: 'Note',
    words: truncate(cleanText(offer.note), TEXT_LIMITS.words),
    mentors: [],
  };
}

/** A mentor listed twice (say, routed for two tools) is mentioned once. */
function uniqueMentors(mentors: RoutedMentor[]): RoutedMentor[] {
  const seen = new Set<string>();
  return mentors.filter((mentor) => {
    const key = mentor.handle?.trim() ? `handle:${mentor.handle.trim()}` : `name:${mentor.name.trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A mentor's display name, cleaned like teacher text (the directory is typed by people too). */
export function mentorName(mentor: RoutedMentor): string {
  return truncate(cleanLine(mentor.name), TEXT_LIMITS.name) || 'Mentor';
}
