/**
 * What Coachmark sends to a school's endpoint. The generic JSON format sends these objects as
 * they are (documented in the README); the chat formats render them as messages. Everything
 * here is what the teacher saw in the preview: no page text, no query strings, no student data.
 */

export const ENDPOINT_FORMATS = ['slack', 'teams', 'google-chat', 'discord', 'json'] as const;
export type EndpointFormat = (typeof ENDPOINT_FORMATS)[number];

export const URGENCIES = ['now', 'today', 'this-week'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const GAP_KINDS = ['missing', 'unhelpful', 'outdated', 'search-found-nothing'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** A mentor as routed into one message: the handle is the one for the endpoint's format. */
export interface RoutedMentor {
  name: string;
  /**
   * Slack: member id (U…); Discord: user id (snowflake); Google Chat: user id (users/…);
   * Teams: e-mail / UPN; JSON: free text. Absent when the mentor has none for this format.
   */
  handle?: string;
}

export interface PayloadBase {
  /** UUID; also the Idempotency-Key for every delivery attempt. */
  id: string;
  /** ISO 8601 time the teacher pressed Send. */
  createdAt: string;
  teacher: { name: string; school?: string };
  tool: { id: string; name: string };
  /** The page type and a redacted path (or the full URL when the teacher chose to include it). */
  page: { context: string | null; name: string | null; url: string };
  mentors: RoutedMentor[];
}

export interface HelpRequestPayload extends PayloadBase {
  type: 'help-request';
  message: string;
  urgency: Urgency;
}

/** A card has at most this many steps (the pack format's LIMITS.maxSteps), so a flag names step 1 to 15. */
export const MAX_CARD_STEP = 15;

/** Whether `value` can be a flag's step number: a whole number from 1 to MAX_CARD_STEP. */
export function isCardStep(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_CARD_STEP;
}

export interface GapFlagCard {
  id: string;
  title: string;
  pack: string;
  version: number;
  /** The step the flag is about, counted from 1 as the card shows it (say, one whose "show me" no longer finds its control). */
  step?: number;
}

export interface GapFlagPayload extends PayloadBase {
  type: 'gap-flag';
  kind: GapKind;
  note: string;
  card?: GapFlagCard;
  /** Searches on this page that found nothing, as the teacher typed them. */
  searches: string[];
}

/** How far a teacher has come with a goal, in their own judgement. */
export const GOAL_PROGRESS = ['not-started', 'trying', 'getting-there', 'done'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

export const COMFORT_LEVELS = ['new', 'comfortable', 'expert'] as const;
export type ComfortLevel = (typeof COMFORT_LEVELS)[number];

/** A card as a growth plan names it: enough for the coach to find it, nothing of its text. */
export interface PlanCardRef {
  id: string;
  title: string;
  pack: string;
}

/** Something the teacher saved for the coaching conversation: a card or a ping they sent, and their note. */
export interface PlanSavedEntry {
  /** ISO 8601. */
  savedAt: string;
  note: string;
  card?: PlanCardRef;
  ping?: { createdAt: string; tool: { id: string; name: string }; page: string | null; message: string };
}

/** A teacher's answer to "How did it go?". */
export interface PlanReflection {
  /** ISO 8601. */
  at: string;
  text: string;
  card?: PlanCardRef;
}

export interface PlanGoal {
  id: string;
  /** In the teacher's own words. */
  text: string;
  /** The tool the goal is about; null for a practice ("feedback within a week"). */
  tool: { id: string; name: string } | null;
  /** The teacher's comfort with that tool when the plan was made. */
  comfort?: ComfortLevel;
  progress: GoalProgress;
  saved: PlanSavedEntry[];
  reflections: PlanReflection[];
}

/** A help request the teacher sent in the plan's period, as they wrote it. */
export interface PlanPing {
  createdAt: string;
  tool: { id: string; name: string };
  page: string | null;
  message: string;
  urgency: Urgency;
}

/**
 * The teacher's plan for the next coaching conversation, sent only when they press Send after
 * reading it: goals with progress, what they saved, their reflections and the pings they sent
 * since the last meeting. No page addresses, no page content.
 */
export interface GrowthPlanPayload {
  type: 'growth-plan';
  id: string;
  createdAt: string;
  teacher: { name: string; school?: string };
  /** `since`: the day after the last meeting (YYYY-MM-DD), null before the first; `nextMeeting` likewise. */
  period: { since: string | null; nextMeeting: string | null };
  goals: PlanGoal[];
  /** Saved items not linked to a goal. */
  saved: PlanSavedEntry[];
  /** Reflections not linked to a goal. */
  reflections: PlanReflection[];
  pings: PlanPing[];
  /** How many of the oldest entries were left out to keep the plan within the size limit. */
  omitted: { saved: number; reflections: number; pings: number };
}

/**
 * A teacher offering to help colleagues with some tools ("each one teach one"): their name, the
 * handle the school's chat mentions them by, and the tools. A coach approves it (in the Hub, or
 * by adding the mentor by hand) before the teacher is routed any pings. No page, no page content.
 */
export interface MentorVolunteerPayload {
  type: 'mentor-volunteer';
  id: string;
  createdAt: string;
  teacher: { name: string; school?: string };
  /** The teacher's handle in the school's chat, in the form of RoutedMentor.handle; "" when they gave none. */
  handle: string;
  /** The tools they offer to help with (at least one). */
  tools: Array<{ id: string; name: string }>;
  /** In their own words, e.g. "free 3rd period"; may be "". */
  note: string;
}

/** What goes through the outbox: the payloads that are about one page. */
export type PagePayload = HelpRequestPayload | GapFlagPayload;

export type OutgoingPayload = PagePayload | GrowthPlanPayload | MentorVolunteerPayload;
